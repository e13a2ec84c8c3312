import assert from "node:assert/strict";
import { describe, it } from "node:test";

import {
  ZOOM_MAX,
  ZOOM_MIN,
  between,
  bounds,
  fit,
  panned,
  refit,
  toScreen,
  toWorld,
  zoomedAt,
} from "../../plugins/mkdocs_garden/assets/graph/camera.js";

const FRAME = { width: 800, height: 400, margin: { left: 40, top: 20, right: 80, bottom: 20 } };
const close = (a, b, tolerance = 1e-9) =>
  assert.ok(Math.abs(a - b) <= tolerance, `${a} is not within ${tolerance} of ${b}`);

describe("fit", () => {
  it("shows the bounding box whole inside the margins, filling one side", () => {
    const box = bounds([-1, 3, 0], [2, 0, 1]); // 4 wide, 2 high
    assert.deepEqual(box, { left: -1, top: 0, right: 3, bottom: 2 });
    const camera = fit(box, FRAME);
    const [left, top] = toScreen(camera, box.left, box.top);
    const [right, bottom] = toScreen(camera, box.right, box.bottom);
    assert.ok(left >= 40 - 1e-9 && right <= 720 + 1e-9 && top >= 20 - 1e-9 && bottom <= 380 + 1e-9);
    // 680 × 360 of room: a 4 × 2 box is held by its width, and centred in the room.
    close(right - left, 680);
    close(bottom - top, 340);
    close((left + right) / 2, 380);
    close((top + bottom) / 2, 200);
  });

  it("may scale one axis more than the other, up to the stretch allowed", () => {
    const box = { left: 0, top: 0, right: 1, bottom: 1 };
    const square = fit(box, FRAME);
    assert.equal(square.scaleX, square.scaleY);
    const stretched = fit(box, FRAME, 1.5);
    close(stretched.scaleX, square.scaleX * 1.5);
    close(stretched.scaleY, square.scaleY);
    const free = fit(box, FRAME, 10);
    close(free.scaleX, 680); // as wide as the room, no wider
  });

  it("centres a single point at the middle of the room", () => {
    const camera = fit(bounds([5], [7]), FRAME);
    assert.deepEqual(toScreen(camera, 5, 7), [380, 200]);
    assert.ok(Number.isFinite(camera.scaleX) && camera.scaleX > 0);
  });

  it("keeps the centre and zoom when the frame changes size", () => {
    const box = { left: 0, top: 0, right: 2, bottom: 1 };
    const moved = zoomedAt(fit(box, FRAME), 2, 100, 100);
    const wider = refit(moved, box, { ...FRAME, width: 1200 });
    assert.deepEqual([wider.centreX, wider.centreY, wider.zoom], [moved.centreX, moved.centreY, 2]);
    assert.ok(wider.scaleX > moved.scaleX);
  });
});

describe("screen and world", () => {
  it("round-trip", () => {
    const camera = zoomedAt(
      fit({ left: -3, top: -1, right: 5, bottom: 4 }, FRAME, 1.3),
      3.7,
      10,
      390,
    );
    for (const [x, y] of [
      [0, 0],
      [-3, 4],
      [123.25, -7.5],
    ]) {
      const [sx, sy] = toScreen(camera, x, y);
      const [wx, wy] = toWorld(camera, sx, sy);
      close(wx, x, 1e-9);
      close(wy, y, 1e-9);
    }
  });

  it("a pan moves every point by the same pixels", () => {
    const camera = fit({ left: 0, top: 0, right: 1, bottom: 1 }, FRAME);
    const [x0, y0] = toScreen(camera, 0.25, 0.75);
    const [x1, y1] = toScreen(panned(camera, 30, -12), 0.25, 0.75);
    close(x1 - x0, 30);
    close(y1 - y0, -12);
  });
});

describe("zoomedAt", () => {
  it("keeps the point under the pointer where it was", () => {
    const camera = fit({ left: -2, top: -1, right: 2, bottom: 1 }, FRAME, 1.25);
    for (const [factor, sx, sy] of [
      [1.6, 100, 50],
      [0.5, 700, 390],
      [3, 400, 200],
    ]) {
      const before = toWorld(camera, sx, sy);
      const zoomed = zoomedAt(camera, factor, sx, sy);
      const after = toWorld(zoomed, sx, sy);
      close(after[0], before[0], 1e-9);
      close(after[1], before[1], 1e-9);
      close(zoomed.zoom, factor);
    }
  });

  it("stays within the zoom limits", () => {
    const camera = fit({ left: 0, top: 0, right: 1, bottom: 1 }, FRAME);
    assert.equal(zoomedAt(camera, 1e6, 0, 0).zoom, ZOOM_MAX);
    assert.equal(zoomedAt(camera, 1e-6, 0, 0).zoom, ZOOM_MIN);
  });
});

describe("between", () => {
  it("runs from one camera to the other, the zoom geometrically", () => {
    const a = fit({ left: 0, top: 0, right: 1, bottom: 1 }, FRAME);
    const b = { ...a, zoom: 4, centreX: 3, centreY: -1 };
    assert.deepEqual(between(a, b, 0), { ...a });
    assert.deepEqual(between(a, b, 1), b);
    close(between(a, b, 0.5).zoom, 2);
    close(between(a, b, 0.5).centreX, 1.75);
  });
});
