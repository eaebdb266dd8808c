// fighterflows dashboard and report: the only script. It switches the map between flows,
// sorts tables by a clicked column and copies citations. Every figure and sentence is already
// on the page as escaped HTML: this script only moves existing rows, sets attributes and
// button labels, and never writes HTML.
(function () {
  "use strict";

  function setFlow(figure, flow) {
    figure.setAttribute("data-flow", flow);
    figure.querySelectorAll(".map-controls button").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-flow") === flow));
    });
  }

  function initMap(figure) {
    var controls = figure.querySelector(".map-controls");
    if (!controls) { return; }
    controls.hidden = false;
    controls.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-flow]");
      if (button) { setFlow(figure, button.getAttribute("data-flow")); }
    });
  }

  // "1,910" and "–" sort as numbers (the dash last); anything else as text.
  function key(cell) {
    var text = cell ? cell.textContent.trim() : "";
    var n = Number(text.replace(/,/g, "").replace(/%$/, ""));
    return text === "–" || text === "" ? null : (isNaN(n) ? text.toLowerCase() : n);
  }

  function compare(a, b) {
    if (a === b) { return 0; }
    if (a === null) { return 1; }
    if (b === null) { return -1; }
    if (typeof a === typeof b) { return a < b ? -1 : 1; }
    return typeof a === "number" ? -1 : 1;
  }

  function sortBy(table, th) {
    var column = Array.prototype.indexOf.call(th.parentNode.children, th);
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (r1, r2) {
      var order = compare(key(r1.cells[column]), key(r2.cells[column]));
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    table.querySelectorAll("th").forEach(function (other) { other.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  function initTable(table) {
    if (!table.tBodies.length || table.tBodies[0].rows.length < 2) { return; }
    table.classList.add("sortable");
    table.querySelectorAll("thead th").forEach(function (th) {
      th.tabIndex = 0;
      th.title = "Sort by this column";
      th.addEventListener("click", function () { sortBy(table, th); });
      th.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sortBy(table, th); }
      });
    });
  }

  // "Copy" beside each form of a citation: the text of its <pre> to the clipboard; where the
  // clipboard cannot be written (an old browser, a page opened from a file), the text is
  // selected instead, so Ctrl+C copies it.
  function selectText(pre) {
    var range = document.createRange();
    range.selectNodeContents(pre);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function copied(button, label) {
    button.textContent = label;
    window.setTimeout(function () { button.textContent = "Copy"; }, 2000);
  }

  function copy(button) {
    var pre = button.parentNode.querySelector("pre");
    var text = pre.textContent;
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(
        function () { copied(button, "Copied"); },
        function () { selectText(pre); copied(button, "Selected: press Ctrl+C"); }
      );
    } else {
      selectText(pre);
      copied(button, "Selected: press Ctrl+C");
    }
  }

  function initCite(details) {
    details.querySelectorAll("button.copy").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { copy(button); });
    });
  }

  function init() {
    document.querySelectorAll("figure.map").forEach(initMap);
    document.querySelectorAll("table.data").forEach(initTable);
    document.querySelectorAll("details.cite").forEach(initCite);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
