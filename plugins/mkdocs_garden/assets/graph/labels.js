/* Label placement: which nodes get their name drawn, and where. Greedy, in the order given
 * (the most important first): each label takes the first of eight spots around its dot that
 * stays inside the frame and covers no other label, no dot and no obstacle (the zoom
 * buttons); a label with no such spot is left out (hovering its node shows it). A forced
 * label (the note the page is about, the hovered node) may cover dots when nothing else
 * fits, but never another label. */

const CELL = 48; // px: the side of the grid cells that find nearby dots and labels
export const TITLE_MAX = 18; // characters of a label before it is cut (hover shows it whole)
export const SHORT_MAX = 8; // characters of the shorter label tried where the longer fits nowhere

/** A label's text: the hovered node and the focus in full, others cut to `max` characters. */
export function labelText(title, main, max = TITLE_MAX) {
  const characters = [...title];
  if (main || characters.length <= max) return title;
  return `${characters.slice(0, max - 1).join("")}…`;
}

/**
 * @param requests ordered `{node, x, y, r, width, height, forced, outward: [dx, dy]}`, and
 *   optionally `shortWidth`: the width of a shorter text, tried where the whole one fits nowhere
 * @param area `{width, height, dots: {x, y, r}, obstacles: [{left, top, right, bottom}]}`;
 *   `dots` holds every dot drawn (labels must not cover them)
 * @param options `gap` between a dot and its label, `spacing` kept between labels,
 *   `clearance` kept from other dots, `limit` on how many are placed
 * @returns `[{node, left, top, right, bottom, short}]`, the labels placed, none overlapping
 */
export function placeLabels(
  requests,
  area,
  { gap = 3, spacing = 2, clearance = 7, limit = Infinity } = {},
) {
  const { width, height, dots, obstacles = [] } = area;
  const grid = new Grid(width, height);
  for (let i = 0; i < dots.x.length; i++) {
    const [x, y, r] = [dots.x[i], dots.y[i], dots.r[i]];
    if (x < -r || y < -r || x > width + r || y > height + r) continue;
    grid.add({ left: x - r, top: y - r, right: x + r, bottom: y + r, dot: i });
  }
  const open = (box) => within(box, width, height) && !obstacles.some((o) => overlaps(box, o));
  const nearLabel = (box) => grid.any(grown(box, spacing), (other) => other.dot === undefined);
  // A label keeps clear of other dots, so that it is plainly its own dot's.
  const blocked = (box, own) =>
    grid.any(grown(box, Math.max(spacing, clearance)), (other) => {
      if (other.dot === undefined) return overlaps(grown(box, spacing), other);
      const margin = other.dot === own ? 1 : clearance;
      return circleMeetsBox(dots.x[other.dot], dots.y[other.dot], dots.r[other.dot] + margin, box);
    });
  const placed = [];
  for (const request of requests) {
    if (placed.length >= limit) break;
    const widths = [request.width, request.shortWidth].filter((w) => w > 0 && w < Infinity);
    let spot = null;
    let short = false;
    for (const [k, w] of widths.entries()) {
      const spots = candidates({ ...request, width: w }, gap);
      spot = spots.find((box) => open(box) && !blocked(box, request.node));
      short = k > 0;
      if (spot) break;
    }
    if (!spot && request.forced) {
      // Nowhere clear of dots: the spot covering fewest, or failing that one moved into the frame.
      const spots = candidates(request, gap);
      spot = leastCovering(
        spots.filter((box) => open(box) && !nearLabel(box)),
        grid,
        dots,
      );
      spot ??= [clamped(spots[0], width, height)].find((box) => !nearLabel(box));
      short = false;
    }
    if (!spot) continue;
    const { left, top, right, bottom } = spot;
    const label = { node: request.node, left, top, right, bottom, short };
    placed.push(label);
    grid.add(label);
  }
  return placed;
}

/** The eight spots around a dot, best first: those facing `outward` (away from the middle
 * of the picture), and above or below before the sides. */
export function candidates({ x, y, r, width: w, height: h, outward = [0, 0] }, gap = 3) {
  const below = y + r + gap;
  const above = y - r - gap - h;
  const middle = y - h / 2;
  const length = Math.hypot(outward[0], outward[1]);
  const [ox, oy] = length > 0 ? [outward[0] / length, outward[1] / length] : [0, 0];
  const d = Math.SQRT1_2;
  const spots = [
    [x - w / 2, below, 0, 1, 0.4],
    [x - w / 2, above, 0, -1, 0.35],
    [x + r + gap, middle, 1, 0, 0],
    [x - r - gap - w, middle, -1, 0, 0],
    [x - r, below, d, d, 0],
    [x + r - w, below, -d, d, 0],
    [x - r, above, d, -d, 0],
    [x + r - w, above, -d, -d, 0],
  ].map(([left, top, dx, dy, bonus], order) => ({
    left,
    top,
    right: left + w,
    bottom: top + h,
    score: dx * ox + dy * oy + bonus - order * 1e-3,
  }));
  return spots.sort((a, b) => b.score - a.score);
}

export function overlaps(a, b) {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** Whether the circle (x, y, r) and the box share any point. */
export function circleMeetsBox(x, y, r, box) {
  const nx = Math.min(Math.max(x, box.left), box.right);
  const ny = Math.min(Math.max(y, box.top), box.bottom);
  return (nx - x) ** 2 + (ny - y) ** 2 < r * r;
}

function within(box, width, height) {
  return box.left >= 0 && box.top >= 0 && box.right <= width && box.bottom <= height;
}

function grown(box, by) {
  return {
    left: box.left - by,
    top: box.top - by,
    right: box.right + by,
    bottom: box.bottom + by,
  };
}

function dotsCovered(grid, box, dots) {
  const covered = new Set();
  grid.any(grown(box, 1), (o) => {
    if (o.dot !== undefined && circleMeetsBox(dots.x[o.dot], dots.y[o.dot], dots.r[o.dot] + 1, box))
      covered.add(o.dot);
    return false;
  });
  return covered.size;
}

function leastCovering(spots, grid, dots) {
  let best = null;
  let fewest = Infinity;
  for (const spot of spots) {
    const count = dotsCovered(grid, spot, dots);
    if (count < fewest) [best, fewest] = [spot, count];
  }
  return best;
}

/** The box moved (not resized) as little as possible to lie inside the frame; a box wider
 * than the frame keeps its left edge at 0. */
function clamped(box, width, height) {
  const w = box.right - box.left;
  const h = box.bottom - box.top;
  const left = Math.max(0, Math.min(box.left, width - w));
  const top = Math.max(0, Math.min(box.top, height - h));
  return { left, top, right: left + w, bottom: top + h };
}

/** Boxes (dots and labels) filed by the grid cells they touch. */
class Grid {
  constructor(width, height) {
    this.columns = Math.max(1, Math.ceil(width / CELL));
    this.rows = Math.max(1, Math.ceil(height / CELL));
    this.cells = Array.from({ length: this.columns * this.rows }, () => []);
  }

  /** Whether some box overlapping `box` satisfies `test` (which may see a box more than
   * once: one in several cells). */
  any(box, test) {
    const [c0, c1, r0, r1] = this.span(box);
    for (let row = r0; row <= r1; row++) {
      for (let column = c0; column <= c1; column++) {
        for (const other of this.cells[row * this.columns + column]) {
          if (overlaps(box, other) && test(other)) return true;
        }
      }
    }
    return false;
  }

  add(box) {
    const [c0, c1, r0, r1] = this.span(box);
    for (let row = r0; row <= r1; row++) {
      for (let column = c0; column <= c1; column++)
        this.cells[row * this.columns + column].push(box);
    }
  }

  span(box) {
    const clamp = (value, limit) => Math.min(limit - 1, Math.max(0, Math.floor(value / CELL)));
    return [
      clamp(box.left, this.columns),
      clamp(box.right, this.columns),
      clamp(box.top, this.rows),
      clamp(box.bottom, this.rows),
    ];
  }
}
