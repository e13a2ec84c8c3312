import assert from "node:assert/strict";
import { describe, it } from "node:test";

import {
  candidates,
  circleMeetsBox,
  labelText,
  overlaps,
  placeLabels,
} from "../../plugins/mkdocs_garden/assets/graph/labels.js";

/** A small seeded generator (mulberry32): the same inputs on every run. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` dots in a frame, each asking for a label, the first forced. */
function scatter(seed, count, width, height) {
  const next = random(seed);
  const dots = {
    x: new Float32Array(count),
    y: new Float32Array(count),
    r: new Float32Array(count),
  };
  const requests = [];
  for (let i = 0; i < count; i++) {
    dots.x[i] = next() * width;
    dots.y[i] = next() * height;
    dots.r[i] = 2 + next() * 8;
    requests.push({
      node: i,
      x: dots.x[i],
      y: dots.y[i],
      r: dots.r[i],
      width: 20 + next() * 120,
      shortWidth: next() < 0.5 ? 30 : 0,
      height: 17,
      forced: i === 0,
      outward: [dots.x[i] - width / 2, dots.y[i] - height / 2],
    });
  }
  return { dots, requests };
}

describe("placeLabels", () => {
  it("never lets two labels overlap, and keeps them in the frame and off the dots", () => {
    for (let seed = 1; seed <= 60; seed++) {
      const width = 300 + (seed % 5) * 200;
      const height = 200 + (seed % 3) * 200;
      const { dots, requests } = scatter(seed, 10 + (seed % 7) * 25, width, height);
      const obstacles = [{ left: width - 40, top: 0, right: width, bottom: 110 }];
      const placed = placeLabels(requests, { width, height, dots, obstacles });
      assert.ok(placed.length > 0);
      for (let a = 0; a < placed.length; a++) {
        for (let b = a + 1; b < placed.length; b++) {
          assert.ok(!overlaps(placed[a], placed[b]), `seed ${seed}: labels ${a} and ${b} overlap`);
        }
      }
      for (const label of placed) {
        const request = requests[label.node];
        assert.equal(label.right - label.left, label.short ? request.shortWidth : request.width);
        if (request.forced) continue; // may cover dots when nothing else fits
        assert.ok(
          label.left >= 0 && label.top >= 0 && label.right <= width && label.bottom <= height,
        );
        assert.ok(!obstacles.some((o) => overlaps(label, o)), `seed ${seed}: under the buttons`);
        for (let i = 0; i < dots.x.length; i++) {
          const covers = circleMeetsBox(dots.x[i], dots.y[i], dots.r[i], label);
          assert.ok(!covers, `seed ${seed}: label of ${label.node} covers dot ${i}`);
        }
      }
    }
  });

  it("always shows the most important label, however crowded the frame", () => {
    for (let seed = 100; seed < 140; seed++) {
      const { dots, requests } = scatter(seed, 400, 320, 240); // dots everywhere
      const placed = placeLabels(requests, { width: 320, height: 240, dots });
      assert.equal(placed[0]?.node, 0, `seed ${seed}`);
    }
  });

  it("labels every node of a sparse picture", () => {
    const dots = { x: [100, 400, 250], y: [100, 100, 300], r: [5, 5, 8] };
    const requests = [0, 1, 2].map((i) => ({
      node: i,
      x: dots.x[i],
      y: dots.y[i],
      r: dots.r[i],
      width: 80,
      height: 17,
    }));
    const placed = placeLabels(requests, { width: 500, height: 400, dots });
    assert.deepEqual(
      placed.map((label) => label.node),
      [0, 1, 2],
    );
    // Below each dot, centred, where there is room.
    assert.deepEqual(placed[0], {
      node: 0,
      left: 60,
      top: 108,
      right: 140,
      bottom: 125,
      short: false,
    });
  });

  it("leaves a label out rather than let it cover another", () => {
    // A strip with room for one row of labels, below the dots: the second has nowhere to go,
    // forced or not.
    const dots = { x: [100, 104], y: [20, 20], r: [3, 3] };
    const requests = [0, 1].map((i) => ({
      node: i,
      x: dots.x[i],
      y: dots.y[i],
      r: 3,
      width: 190,
      height: 17,
      forced: true,
    }));
    const placed = placeLabels(requests, { width: 200, height: 60, dots });
    assert.deepEqual(
      placed.map((label) => label.node),
      [0],
    );
  });

  it("shortens a label that fits nowhere whole", () => {
    const dots = { x: [100], y: [20], r: [3] };
    const request = { node: 0, x: 100, y: 20, r: 3, width: 250, shortWidth: 60, height: 17 };
    const [label] = placeLabels([request], { width: 200, height: 60, dots });
    assert.equal(label.short, true);
    assert.equal(label.right - label.left, 60);
    const roomy = placeLabels([request], { width: 400, height: 60, dots });
    assert.equal(roomy[0].short, false);
  });

  it("stops at the limit", () => {
    const { dots, requests } = scatter(7, 50, 2000, 2000);
    assert.equal(
      placeLabels(requests, { width: 2000, height: 2000, dots }, { limit: 5 }).length,
      5,
    );
  });
});

describe("candidates", () => {
  it("face outwards first, above or below before the sides", () => {
    const spot = { x: 100, y: 100, r: 5, width: 40, height: 17 };
    const [first] = candidates({ ...spot, outward: [0, -1] });
    assert.ok(first.bottom <= 95); // above the dot
    const [down] = candidates(spot);
    assert.ok(down.top >= 105); // below, with nothing to face
    const [right, second] = candidates({ ...spot, outward: [1, 0] });
    assert.ok(right.left >= 105, "to the right"); // facing outwards beats below
    assert.ok(second.left > 80, "then below and to the right");
  });
});

describe("labelText", () => {
  it("cuts long titles, except those of the note and the node hovered", () => {
    assert.equal(labelText("短标题", false), "短标题");
    const long = "注意力机制在 Transformer 模型中是如何运作的？";
    assert.equal(labelText(long, false), "注意力机制在 Transforme…");
    assert.equal([...labelText(long, false)].length, 18);
    assert.equal(labelText(long, true), long);
    assert.equal(labelText("🪄".repeat(20), false), `${"🪄".repeat(17)}…`); // by characters
  });
});
