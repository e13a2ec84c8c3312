import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { bounds } from "../../plugins/mkdocs_garden/assets/graph/camera.js";
import { prepare, subset } from "../../plugins/mkdocs_garden/assets/graph/data.js";
import {
  bestTurn,
  radialLayout,
  rotated,
  turnFor,
} from "../../plugins/mkdocs_garden/assets/graph/layout.js";

const TAU = 2 * Math.PI;

/** A star: the hub at the origin and `count` spokes at the given angles, plus one further
 * node hanging off spoke 0. */
function star(angles) {
  const nodes = [{ id: "hub", x: 0, y: 0 }];
  const edges = [];
  angles.forEach((angle, i) => {
    nodes.push({ id: `s${i}`, x: Math.cos(angle) * (1 + i), y: Math.sin(angle) * (1 + i) });
    edges.push([0, i + 1]);
  });
  nodes.push({ id: "far", x: 5, y: 0 });
  edges.push([1, nodes.length - 1]);
  return prepare({ nodes, edges }, "https://example.org/");
}

describe("radialLayout", () => {
  it("puts the note in the middle and each ring at its distance", () => {
    const view = subset(star([0.1, 2, 4]), "hub", 2);
    const { x, y } = radialLayout(view);
    assert.deepEqual([x[0], y[0]], [0, 0]);
    view.nodes.forEach((_, i) => {
      const radius = Math.hypot(x[i], y[i]);
      assert.ok(Math.abs(radius - view.distance[i]) < 1e-9, `node ${i} at ${radius}`);
    });
  });

  it("spreads a ring evenly, in the directions the build's layout gave", () => {
    const angles = [0.3, 1.9, 3.1, 4.4, 5.6];
    const view = subset(star(angles), "hub", 1);
    const { x, y } = radialLayout(view);
    const placed = view.nodes.slice(1).map((_, k) => Math.atan2(y[k + 1], x[k + 1]));
    const gaps = placed.map((a, k) => (placed[(k + 1) % placed.length] - a + TAU) % TAU);
    for (const gap of gaps) assert.ok(Math.abs(gap - TAU / 5) < 1e-9); // same order, even spacing
    placed.forEach((angle, k) => {
      const off = Math.abs(((angle - angles[k] + 3 * Math.PI) % TAU) - Math.PI);
      assert.ok(off < 0.6, `spoke ${k} moved by ${off}`);
    });
  });

  it("puts the second ring's nodes near their parents", () => {
    const view = subset(star([0, 2, 4]), "hub", 2);
    const { x, y } = radialLayout(view);
    const far = view.nodes.findIndex((node) => node.id === "far");
    const parent = view.nodes.findIndex((node) => node.id === "s0");
    const angle = (i) => Math.atan2(y[i], x[i]);
    const off = Math.abs(((angle(far) - angle(parent) + 3 * Math.PI) % TAU) - Math.PI);
    assert.ok(off < 1e-9);
  });

  it("of a note alone is one point", () => {
    const view = subset(prepare({ nodes: [{ id: "a" }] }, "https://example.org/"), "a", 1);
    const { x, y } = radialLayout(view);
    assert.deepEqual([[...x], [...y]], [[0], [0]]);
  });
});

describe("bestTurn", () => {
  it("is the turn that moves evenly spread wishes least", () => {
    const wishes = [0.2, 0.2 + TAU / 4, 0.2 + TAU / 2, 0.2 + (3 * TAU) / 4];
    assert.ok(Math.abs(bestTurn(wishes) - 0.2) < 1e-9);
    assert.equal(bestTurn([]), 0);
  });
});

describe("turnFor", () => {
  const line = { x: [0, 1, 2, 3, 4], y: [0, 0.1, -0.1, 0.05, 0] };
  const spans = (turn) => {
    const { x, y } = rotated(line.x, line.y, turn);
    const box = bounds(x, y);
    return [box.right - box.left, box.bottom - box.top];
  };

  it("keeps a wide picture wide in a wide frame", () => {
    const [width, height] = spans(turnFor(line.x, line.y, 2));
    assert.ok(width > height, `${width} × ${height}`);
  });

  it("stands a wide picture up in a tall frame", () => {
    const [width, height] = spans(turnFor(line.x, line.y, 0.5));
    assert.ok(height > width, `${width} × ${height}`);
  });

  it("fits the frame at least as well as no turn at all", () => {
    const x = [0, 3, 1, -2, 0.5];
    const y = [0, 2, -1, 1, 3];
    for (const aspect of [0.4, 1, 1.9]) {
      const scale = (turn) => {
        const { x: tx, y: ty } = rotated(x, y, turn);
        const box = bounds(tx, ty);
        return Math.min(aspect / (box.right - box.left), 1 / (box.bottom - box.top));
      };
      assert.ok(scale(turnFor(x, y, aspect)) >= scale(0));
    }
  });
});
