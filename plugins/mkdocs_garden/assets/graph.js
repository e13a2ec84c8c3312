/* Garden: draws the link graph the build laid out (graph.json) into every
 * <div class="garden-graph" data-graph-src=…> of the page: the whole vault, or, with
 * data-graph-focus, one note and its neighbours. Canvas drawing on demand; pan, zoom, hover,
 * click and keyboard; no library. An ES module: it runs once, however many pages Material's
 * instant navigation shows, and sets each new page's graphs up. */

import { GraphWidget } from "./graph/widget.js";

const shown = new Set(); // the graphs of the pages shown so far (dropped when their page goes)

function setUp() {
  for (const graph of shown) {
    if (graph.element.isConnected) continue;
    graph.destroy();
    shown.delete(graph);
  }
  for (const element of document.querySelectorAll(".garden-graph:not([data-graph-init])")) {
    element.dataset.graphInit = "";
    shown.add(new GraphWidget(element));
  }
}

// Light and dark schemes: Material switches attributes on <body>; colours are read anew.
new MutationObserver(() => {
  for (const graph of shown) graph.recolour();
}).observe(document.body, {
  attributes: true,
  attributeFilter: ["data-md-color-scheme", "data-md-color-primary", "data-md-color-accent"],
});

if (window.document$) window.document$.subscribe(setUp);
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
else setUp();
