/* Garden: an embedded page of this site reports its height (docs/pages/page-frame.js);
 * the iframe showing it takes that height, so the reader sees it whole, with no scrollbar. */
(function () {
  "use strict";
  function fit(frame, height) {
    var style = window.getComputedStyle(frame);
    var frameEdges = 0; // Material sizes boxes with their border: add it to the page's height
    if (style.boxSizing === "border-box") {
      ["borderTopWidth", "borderBottomWidth", "paddingTop", "paddingBottom"].forEach(function (edge) {
        frameEdges += parseFloat(style[edge]) || 0;
      });
    }
    frame.style.height = Math.max(0, Math.ceil(height + frameEdges)) + "px";
    frame.setAttribute("scrolling", "no");
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "garden:page-height" || typeof data.height !== "number") return;
    if (event.origin !== window.location.origin) return;
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) fit(frames[i], data.height);
    }
  });
})();
