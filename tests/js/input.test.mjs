import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { keyCommand, wheelFactor } from "../../plugins/mkdocs_garden/assets/graph/input.js";

describe("keyCommand", () => {
  it("maps the graph's keys, and no others", () => {
    assert.deepEqual(keyCommand("ArrowLeft"), { pan: [60, 0] });
    assert.deepEqual(keyCommand("ArrowDown"), { pan: [0, -60] });
    assert.ok(keyCommand("+").zoom > 1 && keyCommand("=").zoom > 1);
    assert.ok(keyCommand("-").zoom < 1);
    assert.deepEqual(keyCommand("0"), { reset: true });
    assert.deepEqual(keyCommand("N"), { step: 1 });
    assert.deepEqual(keyCommand("["), { step: -1 });
    assert.deepEqual(keyCommand("Enter"), { open: true });
    assert.deepEqual(keyCommand("Escape"), { clear: true });
    for (const key of ["a", "Tab", " ", "1", "nn"]) assert.equal(keyCommand(key), null);
  });
});

describe("wheelFactor", () => {
  it("zooms in on a wheel turned up, out on one turned down, a pinch faster", () => {
    const up = wheelFactor({ deltaY: -100, deltaMode: 0 }, 800);
    const down = wheelFactor({ deltaY: 100, deltaMode: 0 }, 800);
    assert.ok(up > 1 && down < 1);
    assert.ok(Math.abs(up * down - 1) < 1e-12);
    assert.ok(
      wheelFactor({ deltaY: -10, deltaMode: 0, ctrlKey: true }, 800) >
        wheelFactor({ deltaY: -10, deltaMode: 0 }, 800),
    );
    assert.equal(
      wheelFactor({ deltaY: -3, deltaMode: 1 }, 800),
      wheelFactor({ deltaY: -48, deltaMode: 0 }, 800),
    );
  });
});
