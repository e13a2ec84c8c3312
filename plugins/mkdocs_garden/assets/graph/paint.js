/* Painting on the canvas: the edges and dots of the whole view (an offscreen layer, painted
 * again only when the view changes), then over it the highlighted neighbourhood, the note the
 * page is about, and the labels. */

import { onCanvas } from "./scene.js";

export const LABEL_HEIGHT = 17; // px: one line of 12–13 px text with its halo
const DIM = 0.22; // the opacity of what is not near the hovered node

/** The theme's colours (Material's custom properties), read anew for each scheme. */
export function readPalette(element) {
  const style = getComputedStyle(element);
  const value = (name, fallback) => style.getPropertyValue(name).trim() || fallback;
  return {
    text: value("--md-default-fg-color", "#000000de"),
    light: value("--md-default-fg-color--light", "#0000008a"),
    lighter: value("--md-default-fg-color--lighter", "#00000052"),
    accent: value("--md-accent-fg-color", "#526cfe"),
    primary: value("--md-primary-fg-color", "#4051b5"),
    background: value("--md-default-bg-color", "#fff"),
    font: getComputedStyle(document.body).fontFamily || "sans-serif",
  };
}

export function labelFont(main, palette) {
  return `${main ? "600 13px" : "12px"} ${palette.font}`;
}

/** Every edge and every dot but the focus's, for the layer under the rest. */
export function paintBase(context, { view, scene, width, height, palette }) {
  const { edges } = view;
  const path = new Path2D();
  for (let e = 0; e < edges.length; e += 2) {
    const a = edges[e];
    const b = edges[e + 1];
    const [x0, y0, x1, y1] = [scene.x[a], scene.y[a], scene.x[b], scene.y[b]];
    const outside =
      (x0 < 0 && x1 < 0) ||
      (y0 < 0 && y1 < 0) ||
      (x0 > width && x1 > width) ||
      (y0 > height && y1 > height);
    if (outside) continue;
    path.moveTo(x0, y0);
    path.lineTo(x1, y1);
  }
  // At most one device pixel wide: software rasterisers draw such hairlines far faster.
  // Thousands of edges are fainter, or they would merge into a dark mass.
  context.lineWidth = Math.min(0.8, 1 / (globalThis.devicePixelRatio || 1));
  context.strokeStyle = palette.lighter;
  context.globalAlpha = Math.min(0.8, 0.8 * Math.sqrt(1500 / (edges.length / 2 + 1)));
  context.stroke(path);
  context.globalAlpha = 1;
  const dots = view.nodes.map((_, i) => i).filter((i) => i !== view.focus);
  paintDots(context, dots, view, scene, width, height, palette);
}

/** Dots, one path per kind of node. */
function paintDots(context, indexes, view, scene, width, height, palette) {
  const paths = new Map();
  for (const i of indexes) {
    if (!onCanvas(scene, i, width, height)) continue;
    const kind = view.nodes[i].kind;
    if (!paths.has(kind)) paths.set(kind, new Path2D());
    const path = paths.get(kind);
    path.moveTo(scene.x[i] + scene.r[i], scene.y[i]);
    path.arc(scene.x[i], scene.y[i], scene.r[i], 0, 2 * Math.PI);
  }
  for (const [kind, path] of paths) fillDots(context, path, kind, palette);
}

function fillDots(context, path, kind, palette) {
  context.fillStyle = palette.background; // the colours are translucent: hide the edges beneath
  context.fill(path);
  if (kind === "ghost") {
    context.lineWidth = 1;
    context.strokeStyle = palette.light;
    context.stroke(path);
  } else {
    context.fillStyle = kind === "tag" ? palette.primary : palette.light;
    context.fill(path);
  }
}

/** How much of the base layer shows: all of it, or dimmed around a hovered node. */
export function baseOpacity(highlighted) {
  return highlighted >= 0 ? DIM : 1;
}

/** The hovered node's edges and neighbours, then the focus and the hovered node on top. */
export function paintOverlay(context, { view, scene, width, height, highlighted, palette }) {
  const near = nearSet(view, highlighted);
  if (highlighted >= 0) {
    const neighbours = view.adjacency[highlighted];
    const path = new Path2D();
    for (const j of neighbours) {
      path.moveTo(scene.x[highlighted], scene.y[highlighted]);
      path.lineTo(scene.x[j], scene.y[j]);
    }
    context.lineWidth = neighbours.length > 50 ? 0.8 : 1.4;
    context.strokeStyle = palette.accent;
    context.stroke(path);
    const dots = neighbours.filter((j) => j !== view.focus);
    paintDots(context, dots, view, scene, width, height, palette);
  }
  for (const i of new Set([view.focus, highlighted])) {
    if (i < 0) continue;
    const r = Math.max(scene.r[i], 4);
    const ghost = view.nodes[i].kind === "ghost";
    const opacity = highlighted >= 0 && !near.has(i) ? DIM : 1;
    if (i === view.focus) {
      // A soft ring marks the note the page is about.
      context.globalAlpha = opacity * 0.25;
      context.beginPath();
      context.arc(scene.x[i], scene.y[i], r + 4, 0, 2 * Math.PI);
      context.fillStyle = palette.accent;
      context.fill();
    }
    context.globalAlpha = opacity;
    context.beginPath();
    context.arc(scene.x[i], scene.y[i], r, 0, 2 * Math.PI);
    context.fillStyle = ghost ? palette.background : palette.accent;
    context.fill();
    if (ghost || i === highlighted) {
      context.lineWidth = 1.5;
      context.strokeStyle = i === highlighted && !ghost ? palette.text : palette.accent;
      context.stroke();
    }
  }
  context.globalAlpha = 1;
  return near;
}

/** The hovered node and its neighbours (empty when nothing is hovered). */
export function nearSet(view, highlighted) {
  return highlighted >= 0 ? new Set([highlighted, ...view.adjacency[highlighted]]) : new Set();
}

/** Labels as placed: text on a halo of the background, the hovered one on a card. */
export function paintLabels(context, labels, { view, highlighted, palette }) {
  context.textAlign = "center";
  context.textBaseline = "middle";
  context.lineJoin = "round";
  for (const label of labels) {
    const node = view.nodes[label.node];
    const main = label.node === highlighted || label.node === view.focus;
    const x = (label.left + label.right) / 2;
    const y = (label.top + label.bottom) / 2 + 0.5;
    context.font = labelFont(main, palette);
    if (label.node === highlighted) {
      context.fillStyle = palette.background;
      context.strokeStyle = palette.lighter;
      context.lineWidth = 1;
      context.beginPath();
      context.roundRect(
        label.left,
        label.top,
        label.right - label.left,
        label.bottom - label.top,
        4,
      );
      context.fill();
      context.stroke();
    } else {
      context.lineWidth = 3;
      context.strokeStyle = palette.background;
      context.strokeText(label.text, x, y);
    }
    context.fillStyle = main ? palette.text : node.kind === "tag" ? palette.primary : palette.light;
    context.fillText(label.text, x, y);
  }
}
