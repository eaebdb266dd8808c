// fighterflows dashboard: the only script. It switches the map between flows and nothing else;
// every figure and sentence is already on the page as escaped HTML, so no data passes through
// here, and nothing is ever inserted as HTML.
(function () {
  "use strict";
  function setFlow(figure, flow) {
    figure.setAttribute("data-flow", flow);
    figure.querySelectorAll(".map-controls button").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-flow") === flow));
    });
  }
  function init() {
    document.querySelectorAll("figure.map").forEach(function (figure) {
      var controls = figure.querySelector(".map-controls");
      if (!controls) { return; }
      controls.hidden = false;
      controls.addEventListener("click", function (event) {
        var button = event.target.closest("button[data-flow]");
        if (button) { setFlow(figure, button.getAttribute("data-flow")); }
      });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
