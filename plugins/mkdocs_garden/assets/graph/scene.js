/* One frame's geometry: where each node falls on the canvas and how big its dot is. */

import { toScreen } from "./camera.js";

const HIT_MIN = 6; // px: small dots are hit as if they were this big…
const HIT_SLACK = 2; // …and a little more

/** Relative dot sizes: a node with more links is bigger. */
export function sizeFactors(nodes) {
  return Float32Array.from(nodes, (node) => 1 + 0.35 * Math.sqrt(node.links));
}

/** The radius (px) of a dot of size factor 1: smaller in a crowded frame, growing slowly as
 * one zooms in. */
export function baseRadius(width, height, count, zoom) {
  const crowd = Math.min(5, Math.max(1.5, 0.1 * Math.sqrt((width * height) / Math.max(count, 1))));
  return crowd * Math.min(Math.max(Math.sqrt(zoom), 0.6), 4);
}

/** `{x, y, r}`: Float32Arrays of screen positions and dot radii. */
export function project(positions, sizes, camera, width, height) {
  const count = sizes.length;
  const x = new Float32Array(count);
  const y = new Float32Array(count);
  const r = new Float32Array(count);
  const base = baseRadius(width, height, count, camera.zoom);
  for (let i = 0; i < count; i++) {
    [x[i], y[i]] = toScreen(camera, positions.x[i], positions.y[i]);
    r[i] = base * sizes[i];
  }
  return { x, y, r };
}

/** The node whose dot is under (px, py), the nearest if several; -1 for none. */
export function nodeAt(scene, px, py) {
  let best = -1;
  let bestDistance = Infinity;
  for (let i = 0; i < scene.x.length; i++) {
    const distance = (scene.x[i] - px) ** 2 + (scene.y[i] - py) ** 2;
    const reach = Math.max(scene.r[i], HIT_MIN) + HIT_SLACK;
    if (distance <= reach * reach && distance < bestDistance) {
      best = i;
      bestDistance = distance;
    }
  }
  return best;
}

/** Whether a dot shows at all in a frame of this size. */
export function onCanvas(scene, i, width, height) {
  const { x, y, r } = scene;
  return x[i] >= -r[i] && y[i] >= -r[i] && x[i] <= width + r[i] && y[i] <= height + r[i];
}
