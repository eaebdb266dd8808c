// fighterflows review forms (served with `serve --edit` only). Selecting words in a document's
// text fills the "add a figure" form with the quote and which occurrence of it was selected;
// the server finds the quote again in the stored text before it adds anything. This script
// only sets form values and text (never HTML), and sends nothing itself.
(function () {
  "use strict";

  function occurrence(all, quote, start) {
    var n = 0;
    var at = all.indexOf(quote);
    while (at !== -1 && at <= start) {
      n += 1;
      if (at === start) { return n; }
      at = all.indexOf(quote, at + 1);
    }
    return 0;
  }

  function init() {
    var text = document.getElementById("text");
    var form = document.getElementById("add-figure");
    if (!text || !form) { return; }

    function pick() {
      var selection = window.getSelection();
      if (!selection || selection.rangeCount === 0 || selection.isCollapsed) { return; }
      var range = selection.getRangeAt(0);
      if (!text.contains(range.startContainer) || !text.contains(range.endContainer)) { return; }
      var raw = range.toString();
      var quote = raw.trim();
      if (!quote) { return; }
      var before = document.createRange();
      before.setStart(text, 0);
      before.setEnd(range.startContainer, range.startOffset);
      var start = before.toString().length + (raw.length - raw.replace(/^\s+/, "").length);
      var found = occurrence(text.textContent, quote, start);
      form.elements.quote.value = quote;
      form.elements.occurrence.value = found ? String(found) : "";
      form.classList.add("picked");
      if (!form.elements.place.value) { form.elements.place.focus(); }
    }

    text.addEventListener("mouseup", pick);
    text.addEventListener("keyup", pick);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
