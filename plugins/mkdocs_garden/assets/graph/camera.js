/* The camera: which part of the world (the layout's coordinates) the canvas shows. A screen
 * point is (world - centre) × fit scale × zoom + origin, on each axis; zoom 1 fits the nodes'
 * bounding box to the frame. The scales of the two axes may differ a little (up to
 * `stretch`), so that a round cloud of nodes uses a wide frame. All functions are pure: each
 * returns a new camera. */

export const ZOOM_MIN = 0.3;
export const ZOOM_MAX = 60;

/** The bounding box of the points: `{left, top, right, bottom}`. */
export function bounds(x, y) {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (let i = 0; i < x.length; i++) {
    left = Math.min(left, x[i]);
    right = Math.max(right, x[i]);
    top = Math.min(top, y[i]);
    bottom = Math.max(bottom, y[i]);
  }
  return x.length ? { left, top, right, bottom } : { left: 0, top: 0, right: 0, bottom: 0 };
}

/** The camera that shows `box` whole in the frame, inside its margins, centred on it.
 * `frame`: `{width, height, margin: {left, top, right, bottom}}`; `stretch` ≥ 1: how much
 * more one axis may be scaled than the other. */
export function fit(box, frame, stretch = 1) {
  const { width, height, margin } = frame;
  const room = {
    width: Math.max(1, width - margin.left - margin.right),
    height: Math.max(1, height - margin.top - margin.bottom),
  };
  const spanX = box.right - box.left;
  const spanY = box.bottom - box.top;
  const fitX = spanX > 1e-9 ? room.width / spanX : Infinity;
  const fitY = spanY > 1e-9 ? room.height / spanY : Infinity;
  const scale = Math.min(fitX, fitY);
  // A single node, or nodes in one spot, have no extent to fit: any scale will do.
  const base = Number.isFinite(scale) ? scale : 1;
  return {
    centreX: (box.left + box.right) / 2,
    centreY: (box.top + box.bottom) / 2,
    scaleX: Math.min(fitX, base * stretch),
    scaleY: Math.min(fitY, base * stretch),
    zoom: 1,
    originX: margin.left + room.width / 2,
    originY: margin.top + room.height / 2,
  };
}

/** The same view in a frame of another size: the same centre and zoom, the fit scales and
 * the origin of the new frame. */
export function refit(camera, box, frame, stretch = 1) {
  const fitted = fit(box, frame, stretch);
  return { ...fitted, centreX: camera.centreX, centreY: camera.centreY, zoom: camera.zoom };
}

export function toScreen(camera, x, y) {
  return [
    (x - camera.centreX) * camera.scaleX * camera.zoom + camera.originX,
    (y - camera.centreY) * camera.scaleY * camera.zoom + camera.originY,
  ];
}

export function toWorld(camera, sx, sy) {
  return [
    (sx - camera.originX) / (camera.scaleX * camera.zoom) + camera.centreX,
    (sy - camera.originY) / (camera.scaleY * camera.zoom) + camera.centreY,
  ];
}

/** Moved by (dx, dy) screen pixels: the world follows the pointer. */
export function panned(camera, dx, dy) {
  return {
    ...camera,
    centreX: camera.centreX - dx / (camera.scaleX * camera.zoom),
    centreY: camera.centreY - dy / (camera.scaleY * camera.zoom),
  };
}

export function clampZoom(zoom) {
  return Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, zoom));
}

/** Zoomed by `factor` (within the limits) about the screen point (sx, sy), which keeps
 * showing the same world point. */
export function zoomedAt(camera, factor, sx, sy) {
  const zoom = clampZoom(camera.zoom * factor);
  const [wx, wy] = toWorld(camera, sx, sy);
  const next = { ...camera, zoom };
  const [nx, ny] = toWorld(next, sx, sy);
  return { ...next, centreX: camera.centreX + wx - nx, centreY: camera.centreY + wy - ny };
}

/** Part way (t from 0 to 1) from camera `a` to camera `b`: the zoom geometrically, so that
 * zooming in and out feel alike. */
export function between(a, b, t) {
  return {
    ...b,
    zoom: a.zoom * (b.zoom / a.zoom) ** t,
    centreX: a.centreX + (b.centreX - a.centreX) * t,
    centreY: a.centreY + (b.centreY - a.centreY) * t,
  };
}

/** Whether the screen point lies at least `inset` pixels inside the frame. */
export function inside(sx, sy, width, height, inset = 0) {
  return sx >= inset && sy >= inset && sx <= width - inset && sy <= height - inset;
}
