/* Garden: an embedded page of this site reports its height (docs/pages/page-frame.js);
 * the iframe showing it takes that height, so the reader sees it whole, with no scrollbar. */
(function () {
  "use strict";
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "garden:page-height" || typeof data.height !== "number") return;
    if (event.origin !== window.location.origin) return;
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.max(0, Math.ceil(data.height)) + "px";
        frames[i].setAttribute("scrolling", "no");
      }
    }
  });
})();
