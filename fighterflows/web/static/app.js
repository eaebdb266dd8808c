// fighterflows dashboard and report: the only script. It switches the map between flows and
// between people and people per million residents, sorts
// tables by a clicked column, makes the timelines usable (sources switched off and on, tooltips
// for the mouse, the keyboard and touch, SVG and PNG downloads) and copies citations. Every
// figure and sentence is already on the page as escaped HTML: this script moves existing nodes,
// sets attributes and text, and never writes HTML.
(function () {
  "use strict";

  // A button sets one attribute of the map (data-flow or data-measure); CSS does the rest.
  function press(figure, name, value) {
    figure.setAttribute("data-" + name, value);
    figure.querySelectorAll(".map-controls button[data-" + name + "]").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-" + name) === value));
    });
  }

  function initMap(figure) {
    var controls = figure.querySelector(".map-controls");
    if (!controls) { return; }
    controls.hidden = false;
    controls.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) { return; }
      ["flow", "measure"].forEach(function (name) {
        var value = button.getAttribute("data-" + name);
        if (value) { press(figure, name, value); }
      });
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


  // -- timelines ---------------------------------------------------------------------------

  function switchSource(block, index, on) {
    block.querySelectorAll('[data-source="' + index + '"]').forEach(function (el) {
      if (el.tagName === "BUTTON") {
        el.setAttribute("aria-pressed", String(on));
      } else {
        el.classList.toggle("off", !on);
      }
    });
  }

  function initSources(block) {
    var all = block.querySelector(".switch-all");
    if (all) { all.hidden = false; }
    block.querySelector("ul.legend.sources").addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) { return; }
      if (button.hasAttribute("data-all")) {
        var on = button.getAttribute("data-all") === "true";
        block.querySelectorAll("button.source-switch").forEach(function (b) {
          switchSource(block, b.getAttribute("data-source"), on);
        });
      } else {
        var pressed = button.getAttribute("aria-pressed") === "true";
        switchSource(block, button.getAttribute("data-source"), !pressed);
      }
    });
  }

  // How the reader last reached for the page: tooltips follow the mouse, the keyboard's
  // focus, or a tap.
  var input = "mouse";
  document.addEventListener("keydown", function () { input = "keyboard"; }, true);
  document.addEventListener("pointerdown", function (event) { input = event.pointerType; }, true);

  // The point's <title> becomes its accessible name and the tooltip's text, so that the
  // browser's own delayed title does not show beside the tooltip.
  function tipText(point) {
    var title = point.querySelector("title");
    if (title) {
      point.setAttribute("aria-label", title.textContent);
      title.remove();
    }
    return point.getAttribute("aria-label") || "";
  }

  function initTips(figure) {
    var tip = document.createElement("div");
    var text = document.createElement("span");
    var more = document.createElement("span");
    tip.className = "tip";
    tip.setAttribute("role", "tooltip");
    more.className = "tip-more";
    tip.appendChild(text);
    tip.appendChild(more);
    tip.hidden = true;
    figure.appendChild(tip);
    var armed = null;
    figure.querySelectorAll(".pt").forEach(function (pt) {
      pt.setAttribute("data-tip", tipText(pt));
    });

    function show(pt, how) {
      text.textContent = pt.getAttribute("data-tip");
      var link = pt.hasAttribute("href");
      more.textContent = !link ? "" : how === "touch" ? "Tap again for the claim"
        : how === "keyboard" ? "Enter: the claim" : "Click: the claim";
      tip.hidden = false;
      var box = figure.getBoundingClientRect();
      var at = pt.getBoundingClientRect();
      var left = Math.min(Math.max(at.left - box.left + at.width / 2 - tip.offsetWidth / 2, 0),
        box.width - tip.offsetWidth);
      var top = at.top - box.top - tip.offsetHeight - 6;
      tip.style.left = left + "px";
      tip.style.top = (top < 0 ? at.bottom - box.top + 6 : top) + "px";
    }

    function hide() { tip.hidden = true; armed = null; }

    figure.addEventListener("pointerover", function (event) {
      var pt = event.target.closest(".pt");
      if (pt && event.pointerType === "mouse") { show(pt, "mouse"); }
    });
    figure.addEventListener("pointerout", function (event) {
      if (event.pointerType === "mouse" && event.target.closest(".pt")) { hide(); }
    });
    figure.addEventListener("focusin", function (event) {
      var pt = event.target.closest(".pt");
      if (pt && input === "keyboard") { show(pt, "keyboard"); }
    });
    figure.addEventListener("focusout", function () { if (input === "keyboard") { hide(); } });
    figure.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { hide(); }
    });
    // A first tap shows the tooltip; a second tap on the same point follows its link.
    figure.addEventListener("click", function (event) {
      var pt = event.target.closest(".pt");
      if (!pt || input !== "touch" && input !== "pen") { return; }
      if (armed !== pt) {
        event.preventDefault();
        show(pt, "touch");
        armed = pt;
      }
    });
  }

  var SVGNS = "http://www.w3.org/2000/svg";
  var PAINT = ["fill", "fill-opacity", "stroke", "stroke-width", "stroke-dasharray", "opacity",
    "font-size", "font-family", "font-weight"];

  function svgElement(name, attributes, text) {
    var el = document.createElementNS(SVGNS, name);
    Object.keys(attributes).forEach(function (k) { el.setAttribute(k, attributes[k]); });
    if (text) { el.textContent = text; }
    return el;
  }

  // The chart as it is shown (sources switched off left out), with its paint written on each
  // element, its caption on top and its sources below: a file that draws anywhere.
  function standalone(figure) {
    var svg = figure.querySelector("svg.timeline");
    var copy = svg.cloneNode(true);
    var shown = svg.querySelectorAll("*");
    var copied = copy.querySelectorAll("*");
    for (var i = shown.length - 1; i >= 0; i -= 1) {
      var style = getComputedStyle(shown[i]);
      if (style.display === "none") { copied[i].remove(); continue; }
      PAINT.forEach(function (name) { copied[i].setAttribute(name, style.getPropertyValue(name)); });
      copied[i].removeAttribute("class");
    }
    var box = svg.viewBox.baseVal;
    var block = figure.closest(".timeline-block");
    var sources = [];
    block.querySelectorAll("button.source-switch[aria-pressed='true']").forEach(function (b) {
      var index = b.getAttribute("data-source");
      if (svg.querySelector('[data-source="' + index + '"]')) {
        sources.push([b.textContent.trim(), getComputedStyle(b.querySelector(".swatch")).backgroundColor]);
      }
    });
    var head = 26;
    var height = box.height + head + 18 * sources.length + 8;
    var out = svgElement("svg", {
      xmlns: SVGNS, width: box.width * 2, height: height * 2,
      viewBox: "0 0 " + box.width + " " + height
    });
    out.appendChild(svgElement("rect", { width: box.width, height: height, fill: "#ffffff" }));
    out.appendChild(svgElement("text", { x: 6, y: 18, "font-size": 14, "font-weight": 600,
      "font-family": "sans-serif", fill: "#1f2328" }, figure.querySelector("figcaption").textContent.replace(/\s+/g, " ").trim()));
    var body = svgElement("g", { transform: "translate(0," + head + ")" });
    while (copy.firstChild) { body.appendChild(copy.firstChild); }
    out.appendChild(body);
    sources.forEach(function (s, n) {
      var y = head + box.height + 14 + 18 * n;
      out.appendChild(svgElement("rect", { x: 8, y: y - 10, width: 14, height: 10, fill: s[1] }));
      out.appendChild(svgElement("text", { x: 28, y: y, "font-size": 12, "font-family": "sans-serif",
        fill: "#1f2328" }, s[0]));
    });
    return { xml: new XMLSerializer().serializeToString(out), width: box.width, height: height };
  }

  function save(blob, name) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
  }

  function download(figure, kind) {
    var drawn = standalone(figure);
    var name = figure.getAttribute("data-name") || "fighterflows-chart";
    if (kind === "svg") {
      save(new Blob([drawn.xml], { type: "image/svg+xml" }), name + ".svg");
      return;
    }
    var image = new Image();
    image.onload = function () {
      var canvas = document.createElement("canvas");
      canvas.width = drawn.width * 2;
      canvas.height = drawn.height * 2;
      canvas.getContext("2d").drawImage(image, 0, 0, canvas.width, canvas.height);
      canvas.toBlob(function (blob) { save(blob, name + ".png"); }, "image/png");
    };
    image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(drawn.xml);
  }

  function initChart(figure) {
    initTips(figure);
    var tools = figure.querySelector(".chart-tools");
    if (!tools) { return; }
    tools.hidden = false;
    tools.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-download]");
      if (button) { download(figure, button.getAttribute("data-download")); }
    });
  }

  // A link to a place's section of the report opens it if it is folded.
  function reveal() {
    var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    // (a citation is folded too, but a link never means to open it)
    var folded = target && (target.closest("details:not(.cite)") ||
      target.querySelector("details:not(.cite)"));
    if (folded) { folded.open = true; }
  }

  function init() {
    document.querySelectorAll("figure.map").forEach(initMap);
    document.querySelectorAll("table.data").forEach(initTable);
    document.querySelectorAll(".timeline-block").forEach(initSources);
    document.querySelectorAll("figure.chart").forEach(initChart);
    document.querySelectorAll("details.cite").forEach(initCite);
    window.addEventListener("hashchange", reveal);
    reveal();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
