import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { importanceOrder, prepare, subset } from "../../plugins/mkdocs_garden/assets/graph/data.js";

const BASE = "https://example.org/garden/graph.json";

/** A path a - b - c - d, and e alone; `links` as the build counts them. */
function chain() {
  return prepare(
    {
      nodes: ["a", "b", "c", "d", "e"].map((id, i) => ({
        id,
        title: id.toUpperCase(),
        url: `${id}/`,
        links: [1, 2, 2, 1, 0][i],
      })),
      edges: [
        [0, 1],
        [1, 2],
        [2, 3],
      ],
    },
    BASE,
  );
}

function edgePairs(edges) {
  const pairs = [];
  for (let e = 0; e < edges.length; e += 2) pairs.push([edges[e], edges[e + 1]]);
  return pairs;
}

describe("prepare", () => {
  it("keeps each undirected edge once, whichever way and however often it is given", () => {
    const graph = prepare(
      {
        nodes: [{ id: "a" }, { id: "b" }, { id: "c" }],
        edges: [
          [0, 1],
          [1, 0],
          [0, 1],
          [2, 1],
          [1, 2],
        ],
      },
      BASE,
    );
    assert.deepEqual(edgePairs(graph.edges), [
      [0, 1],
      [2, 1],
    ]);
    assert.deepEqual(graph.adjacency, [[1], [0, 2], [1]]);
  });

  it("drops edges with a missing, negative, fractional or repeated node", () => {
    const graph = prepare(
      {
        nodes: [{ id: "a" }, { id: "b" }],
        edges: [[0, 2], [-1, 0], [0.5, 1], [1, 1], ["0", 1], [0], null, [0, 1]],
      },
      BASE,
    );
    assert.deepEqual(edgePairs(graph.edges), [[0, 1]]);
  });

  it("reads nodes defensively and makes their URLs absolute", () => {
    const graph = prepare(
      {
        nodes: [
          { id: "a", title: "甲", url: "%E7%94%B2/", x: "1.5", y: 2, links: 3, kind: "note" },
          { id: "b", kind: "ghost", url: "b/" },
          { id: "c", kind: "strange", x: "far", links: -4 },
        ],
      },
      BASE,
    );
    const [a, b, c] = graph.nodes;
    assert.equal(a.href, "https://example.org/garden/%E7%94%B2/");
    assert.deepEqual([a.x, a.y, a.links, a.title], [1.5, 2, 3, "甲"]);
    assert.equal(b.href, null); // a note not written yet leads nowhere
    assert.deepEqual([c.kind, c.x, c.links, c.title, c.href], ["note", 0, 0, "c", null]);
    assert.equal(graph.index.get("b"), 1);
  });

  it("takes an empty or missing graph", () => {
    for (const data of [{}, null, { nodes: [], edges: [] }]) {
      const graph = prepare(data, BASE);
      assert.deepEqual([graph.nodes, graph.edges], [[], []]);
    }
  });
});

describe("subset", () => {
  it("without a focus is the whole graph", () => {
    const graph = chain();
    const view = subset(graph, null, 1);
    assert.equal(view.focus, -1);
    assert.deepEqual(
      view.nodes.map((n) => n.id),
      ["a", "b", "c", "d", "e"],
    );
    assert.equal(view.edges.length, 6);
  });

  it("at depth 0 is the note alone", () => {
    const view = subset(chain(), "b", 0);
    assert.deepEqual(
      view.nodes.map((n) => n.id),
      ["b"],
    );
    assert.deepEqual([...view.edges], []);
    assert.deepEqual(view.adjacency, [[]]);
  });

  it("at depth 1 is the note and its direct neighbours, the note first", () => {
    const view = subset(chain(), "b", 1);
    assert.deepEqual(
      view.nodes.map((n) => n.id),
      ["b", "a", "c"],
    );
    assert.equal(view.focus, 0);
    assert.deepEqual([...view.distance], [0, 1, 1]);
    assert.deepEqual(edgePairs(view.edges), [
      [0, 1],
      [0, 2],
    ]);
  });

  it("at depth 2 reaches the neighbours' neighbours, and keeps the edges among them", () => {
    const view = subset(chain(), "a", 2);
    assert.deepEqual(
      view.nodes.map((n) => n.id),
      ["a", "b", "c"],
    );
    assert.deepEqual([...view.distance], [0, 1, 2]);
    assert.deepEqual(view.adjacency, [[1], [0, 2], [1]]);
    const wide = subset(chain(), "b", 2);
    assert.deepEqual(wide.nodes.map((n) => n.id).sort(), ["a", "b", "c", "d"]);
  });

  it("is null for a note the graph does not hold", () => {
    assert.equal(subset(chain(), "nowhere", 1), null);
  });

  it("of a note without links is the note alone", () => {
    const view = subset(chain(), "e", 2);
    assert.deepEqual(
      view.nodes.map((n) => n.id),
      ["e"],
    );
  });
});

describe("importanceOrder", () => {
  it("puts the focus first, then the most linked, then by title", () => {
    const graph = chain();
    assert.deepEqual(
      importanceOrder(subset(graph, null, 0)).map((i) => graph.nodes[i].id),
      ["b", "c", "a", "d", "e"],
    );
    const view = subset(graph, "d", 2);
    assert.deepEqual(
      importanceOrder(view).map((i) => view.nodes[i].id),
      ["d", "b", "c"],
    );
  });
});
