/* Garden: an embedded page of this site reports its height (docs/pages/page-frame.js);
 * the iframe showing it takes that height, so the reader sees it whole, with no scrollbar. */

const EDGES = ["borderTopWidth", "borderBottomWidth", "paddingTop", "paddingBottom"];

function fit(frame, height) {
  const style = getComputedStyle(frame);
  // Material sizes boxes with their border: add it to the page's height.
  const edges =
    style.boxSizing === "border-box"
      ? EDGES.reduce((sum, edge) => sum + (Number.parseFloat(style[edge]) || 0), 0)
      : 0;
  frame.style.height = `${Math.max(0, Math.ceil(height + edges))}px`;
  frame.setAttribute("scrolling", "no");
}

addEventListener("message", (event) => {
  const { data } = event;
  if (data?.type !== "garden:page-height" || typeof data.height !== "number") return;
  if (event.origin !== location.origin) return;
  for (const frame of document.getElementsByTagName("iframe")) {
    if (frame.contentWindow === event.source) fit(frame, data.height);
  }
});
