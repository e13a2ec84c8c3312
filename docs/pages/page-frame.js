/* Garden pages: follow the colour scheme of the note that embeds the page (Material's
 * data-md-color-scheme), or the system's when opened on their own, and tell the embedding
 * note the content's height so that its iframe fits it, with no inner scrollbar and no blank
 * space under it. In a frame, the root element is marked `data-embedded`. A classic script in
 * the page's head, so that the scheme is set before the first paint. */
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

  // Where the content ends: the bottom of the body's last box, and the body's own padding
  // under it. A trailing margin (of the step shown last, say) would only be blank space
  // under the frame, so it is not counted.
  const contentHeight = () => {
    const body = document.body;
    let bottom = 0;
    for (const child of body.children) {
      const box = child.getBoundingClientRect();
      if (box.height > 0) bottom = Math.max(bottom, box.bottom);
    }
    const style = getComputedStyle(body);
    const below =
      (parseFloat(style.paddingBottom) || 0) + (parseFloat(style.borderBottomWidth) || 0);
    return bottom + below + window.scrollY;
  };

  const reportHeight = () => {
    if (window.parent === window || !document.body) return;
    const height = Math.ceil(contentHeight());
    window.parent.postMessage({ type: "garden:page-height", height }, "*");
  };

  // In a frame, the note around the page gives it room: the page's own margins go.
  if (window.parent !== window) root.setAttribute("data-embedded", "");
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
