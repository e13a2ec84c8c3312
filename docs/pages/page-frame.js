/* Garden pages: follow the colour scheme of the note that embeds the page (Material's
 * data-md-color-scheme), or the system's when opened on their own, and tell the embedding
 * note the page's height so that its iframe fits the content with no inner scrollbar. */
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

  function reportHeight() {
    if (window.parent === window || !document.body) return;
    // The root element's box holds the body and its margins, whatever the frame's size.
    var height = Math.ceil(root.getBoundingClientRect().height);
    window.parent.postMessage({ type: "garden:page-height", height: height }, "*");
  }

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
