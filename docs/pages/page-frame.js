/* Garden pages: follow the colour scheme of the note that embeds the page (Material's
 * data-md-color-scheme), or the system's when opened on their own, and tell the embedding
 * note the content's height so that its iframe fits it, with no inner scrollbar and no blank
 * space under it. In a frame, the root element is marked `data-embedded`. */
(function () {
  "use strict";
  var root = document.documentElement;
  var media = window.matchMedia("(prefers-color-scheme: dark)");
  var parentBody = null;
  try {
    if (window.parent !== window) parentBody = window.parent.document.body;
  } catch (error) {
    parentBody = null; // embedded by another site: follow the system's scheme
  }

  function applyScheme() {
    var scheme = parentBody && parentBody.getAttribute("data-md-color-scheme");
    var dark = scheme ? scheme === "slate" : media.matches;
    root.setAttribute("data-scheme", dark ? "dark" : "light");
  }

  // Where the content ends: the bottom of the body's last box, and the body's own padding
  // under it. A trailing margin (of the step shown last, say) would only be blank space
  // under the frame, so it is not counted.
  function contentHeight() {
    var body = document.body;
    var bottom = 0;
    for (var i = 0; i < body.children.length; i++) {
      var box = body.children[i].getBoundingClientRect();
      if (box.height > 0) bottom = Math.max(bottom, box.bottom);
    }
    var style = window.getComputedStyle(body);
    var below = (parseFloat(style.paddingBottom) || 0) + (parseFloat(style.borderBottomWidth) || 0);
    return bottom + below + window.scrollY;
  }

  function reportHeight() {
    if (window.parent === window || !document.body) return;
    var height = Math.ceil(contentHeight());
    window.parent.postMessage({ type: "garden:page-height", height: height }, "*");
  }

  // In a frame, the note around the page gives it room: the page's own margins go.
  if (window.parent !== window) root.setAttribute("data-embedded", "");
  applyScheme();
  media.addEventListener("change", applyScheme);
  if (parentBody) {
    new MutationObserver(applyScheme).observe(parentBody, {
      attributes: true,
      attributeFilter: ["data-md-color-scheme"]
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    new ResizeObserver(reportHeight).observe(document.body);
  });
  window.addEventListener("load", reportHeight);
})();
