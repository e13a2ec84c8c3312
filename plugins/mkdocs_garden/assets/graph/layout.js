/* Where a view puts its nodes. The whole graph keeps the build's force layout, turned so that
 * it fills the frame best. A local graph is laid out around its note: the note in
 * the middle, the nodes one step away on a ring, those two steps away on a ring outside it,
 * each ring in the order of the directions the build's layout gave them, so that the picture
 * still looks like that part of the whole graph. */

const TAU = 2 * Math.PI;
const CROWDED_RING = 10; // nodes on a ring from which every other one steps outwards
const STAGGER = 0.22; // how far (in ring widths) those nodes step out
const TURN_STEP = Math.PI / 36; // 5°

/** Positions `{x, y}` (Float64Arrays) for the nodes of `view`. */
export function viewPositions(view, aspect) {
  if (view.focus >= 0) return radialLayout(view);
  const x = Float64Array.from(view.nodes, (node) => node.x);
  const y = Float64Array.from(view.nodes, (node) => node.y);
  return rotated(x, y, turnFor(x, y, aspect));
}

/** The focus (node 0) at the origin, ring r at radius r. */
export function radialLayout(view) {
  const { nodes, adjacency, distance } = view;
  const count = nodes.length;
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  const angle = new Float64Array(count);
  const focus = nodes[view.focus];
  const direction = (i) => Math.atan2(nodes[i].y - focus.y, nodes[i].x - focus.x);
  const rings = [];
  for (let i = 0; i < count; i++) if (i !== view.focus) (rings[distance[i]] ??= []).push(i);
  for (let r = 1; r < rings.length; r++) {
    const ring = rings[r] ?? [];
    // A node's wish: its own direction on the first ring, its parent's further out.
    const wish = new Map(ring.map((i) => [i, r === 1 ? direction(i) : parentAngle(i, r)]));
    ring.sort((a, b) => wish.get(a) - wish.get(b) || direction(a) - direction(b) || a - b);
    const turn = bestTurn(ring.map((i) => wish.get(i)));
    ring.forEach((i, k) => {
      angle[i] = turn + (TAU * k) / ring.length;
      const radius = ring.length > CROWDED_RING && k % 2 ? r + STAGGER : r;
      x[i] = radius * Math.cos(angle[i]);
      y[i] = radius * Math.sin(angle[i]);
    });
  }
  return { x, y };

  function parentAngle(i, r) {
    const parent = adjacency[i].find((j) => distance[j] === r - 1);
    return parent === undefined || parent === view.focus ? direction(i) : angle[parent];
  }
}

/** The rotation that, added to slots spread evenly round the circle in the order of `wishes`
 * (angles, sorted), moves them least: the circular mean of each wish less its slot. */
export function bestTurn(wishes) {
  if (!wishes.length) return 0;
  let sin = 0;
  let cos = 0;
  wishes.forEach((wish, k) => {
    const offset = wish - (TAU * k) / wishes.length;
    sin += Math.sin(offset);
    cos += Math.cos(offset);
  });
  return sin === 0 && cos === 0 ? wishes[0] : Math.atan2(sin, cos);
}

/** The turn (radians) under which the points' bounding box fits a frame of this `aspect`
 * (width / height) at the largest scale, so that the picture fills the frame. Turns are tried
 * every TURN_STEP; the smallest wins a tie, so that a picture that already fits stays as it is. */
export function turnFor(x, y, aspect) {
  let best = 0;
  let bestScale = -Infinity;
  for (let turn = 0; turn < Math.PI - 1e-9; turn += TURN_STEP) {
    const { x: tx, y: ty } = rotated(x, y, turn);
    const width = spread(tx);
    const height = spread(ty);
    const scale = Math.min(aspect / Math.max(width, 1e-9), 1 / Math.max(height, 1e-9));
    if (scale > bestScale * (1 + 1e-6)) [best, bestScale] = [turn, scale];
  }
  return best;
}

function spread(values) {
  let low = Infinity;
  let high = -Infinity;
  for (const value of values) {
    low = Math.min(low, value);
    high = Math.max(high, value);
  }
  return high - low;
}

export function rotated(x, y, turn) {
  const cos = Math.cos(turn);
  const sin = Math.sin(turn);
  return {
    x: x.map((value, i) => value * cos - y[i] * sin),
    y: y.map((value, i) => x[i] * sin + value * cos),
  };
}
