/* Garden pages: follow the colour scheme of the note that embeds the page (Material's
 * data-md-color-scheme), or the system's when opened on their own, and tell the embedding
 * note the page's height so that its iframe fits the content with no inner scrollbar.
 * A classic script in the page's head, so that the scheme is set before the first paint. */
(() => {
  "use strict";
  const root = document.documentElement;
  const media = matchMedia("(prefers-color-scheme: dark)");
  let parentBody = null;
  try {
    if (window.parent !== window) parentBody = window.parent.document.body;
  } catch {
    parentBody = null; // embedded by another site: follow the system's scheme
  }

  const applyScheme = () => {
    const scheme = parentBody?.getAttribute("data-md-color-scheme");
    const dark = scheme ? scheme === "slate" : media.matches;
    root.setAttribute("data-scheme", dark ? "dark" : "light");
  };

  const reportHeight = () => {
    if (window.parent === window || !document.body) return;
    // The root element's box holds the body and its margins, whatever the frame's size.
    const height = Math.ceil(root.getBoundingClientRect().height);
    window.parent.postMessage({ type: "garden:page-height", height }, "*");
  };

  applyScheme();
  media.addEventListener("change", applyScheme);
  if (parentBody) {
    new MutationObserver(applyScheme).observe(parentBody, {
      attributes: true,
      attributeFilter: ["data-md-color-scheme"],
    });
  }
  document.addEventListener("DOMContentLoaded", () => {
    new ResizeObserver(reportHeight).observe(document.body);
  });
  addEventListener("load", reportHeight);
})();
