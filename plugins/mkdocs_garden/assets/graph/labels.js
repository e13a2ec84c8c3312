/* Label placement: which nodes get their name drawn, and where. Greedy, in the order given
 * (the most important first): each label takes the first of eight spots around its dot that
 * stays inside the frame and covers no other label, no dot and no obstacle (the zoom
 * buttons); a label with no such spot is left out (hovering its node shows it). A forced
 * label (the note the page is about, the hovered node) may cover dots when nothing else
 * fits, but never another label. */

const CELL = 48; // px: the side of the grid cells that find nearby dots and labels
const TITLE_MAX = 18; // characters of a label before it is cut (hover shows it whole)

/** A label's text: the hovered node and the focus in full, others cut to TITLE_MAX. */
export function labelText(title, main) {
  const characters = [...title];
  if (main || characters.length <= TITLE_MAX) return title;
  return `${characters.slice(0, TITLE_MAX - 1).join("")}…`;
}

/**
 * @param requests ordered `{node, x, y, r, width, height, forced, outward: [dx, dy]}`
 * @param area `{width, height, dots: {x, y, r}, obstacles: [{left, top, right, bottom}]}`;
 *   `dots` holds every dot drawn (labels must not cover them)
 * @param options `gap` between a dot and its label, `spacing` kept between labels, `limit`
 *   on how many are placed
 * @returns `[{node, left, top, right, bottom}]`, the labels placed, none overlapping
 */
export function placeLabels(requests, area, { gap = 3, spacing = 2, limit = Infinity } = {}) {
  const { width, height, dots, obstacles = [] } = area;
  const grid = new Grid(width, height);
  for (let i = 0; i < dots.x.length; i++) {
    const { x, y, r } = { x: dots.x[i], y: dots.y[i], r: dots.r[i] };
    if (x < -r || y < -r || x > width + r || y > height + r) continue;
    grid.add({ left: x - r, top: y - r, right: x + r, bottom: y + r, dot: i });
  }
  const placed = [];
  for (const request of requests) {
    if (placed.length >= limit) break;
    const spots = candidates(request, gap);
    const clear = (box) => !grid.any(grown(box, spacing), (o) => o.dot === undefined);
    const free = (box) => !obstacles.some((o) => overlaps(box, o));
    const fits = (box) => within(box, width, height);
    let spot = spots.find(
      (box) => fits(box) && free(box) && clear(box) && !coversDot(grid, box, dots),
    );
    if (!spot && request.forced) {
      spot = leastCovering(
        spots.filter((box) => fits(box) && free(box) && clear(box)),
        grid,
        dots,
      );
      spot ??= [clamped(spots[0], width, height)].find(clear);
    }
    if (!spot) continue;
    const label = {
      node: request.node,
      left: spot.left,
      top: spot.top,
      right: spot.right,
      bottom: spot.bottom,
    };
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

function coversDot(grid, box, dots) {
  return dotsCovered(grid, box, dots) > 0;
}

function dotsCovered(grid, box, dots) {
  let count = 0;
  grid.any(grown(box, 1), (o) => {
    if (o.dot !== undefined && circleMeetsBox(dots.x[o.dot], dots.y[o.dot], dots.r[o.dot] + 1, box))
      count++;
    return false;
  });
  return count;
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

  add(box) {
    this.visit(box, (cell) => cell.push(box));
  }

  /** Whether some box overlapping `box` satisfies `test` (each is tested once). */
  any(box, test) {
    const seen = new Set();
    let found = false;
    this.visit(box, (cell) => {
      for (const other of cell) {
        if (found || seen.has(other)) continue;
        seen.add(other);
        if (overlaps(box, other) && test(other)) found = true;
      }
    });
    return found;
  }

  visit(box, action) {
    const clamp = (value, limit) => Math.min(limit - 1, Math.max(0, Math.floor(value / CELL)));
    const c0 = clamp(box.left, this.columns);
    const c1 = clamp(box.right, this.columns);
    const r0 = clamp(box.top, this.rows);
    const r1 = clamp(box.bottom, this.rows);
    for (let row = r0; row <= r1; row++) {
      for (let column = c0; column <= c1; column++) action(this.cells[row * this.columns + column]);
    }
  }
}
