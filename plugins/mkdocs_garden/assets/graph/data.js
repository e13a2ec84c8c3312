/* The graph as the build wrote it (graph.json), made safe to draw, and the part of it one
 * view shows: the whole vault, or one note and its neighbourhood. */

const KINDS = new Set(["note", "tag", "ghost"]);

/** Nodes with absolute URLs, an index by id, and each undirected edge once. Edges that name
 * a missing node, or join a node to itself, are dropped. */
export function prepare(data, baseUrl) {
  const nodes = (data?.nodes ?? []).map((raw) => readNode(raw, baseUrl));
  const count = nodes.length;
  const adjacency = nodes.map(() => []);
  const edges = [];
  const seen = new Set();
  for (const pair of data?.edges ?? []) {
    const [a, b] = Array.isArray(pair) ? pair : [];
    if (!isIndex(a, count) || !isIndex(b, count) || a === b) continue;
    const key = a < b ? a * count + b : b * count + a;
    if (seen.has(key)) continue;
    seen.add(key);
    edges.push(a, b);
    adjacency[a].push(b);
    adjacency[b].push(a);
  }
  return { nodes, adjacency, edges, index: new Map(nodes.map((node, i) => [node.id, i])) };
}

function readNode(raw, baseUrl) {
  const kind = KINDS.has(raw?.kind) ? raw.kind : "note";
  const id = String(raw?.id ?? "");
  return {
    id,
    title: String(raw?.title || id),
    kind,
    x: Number(raw?.x) || 0,
    y: Number(raw?.y) || 0,
    links: Math.max(0, Number(raw?.links) || 0),
    href: raw?.url && kind !== "ghost" ? new URL(raw.url, baseUrl).href : null,
  };
}

function isIndex(value, count) {
  return Number.isInteger(value) && value >= 0 && value < count;
}

/** What one view draws: all nodes (`focus` null), or the nodes within `depth` steps of the
 * node `focus`, re-indexed from 0 with the focus first; null when `focus` is unknown.
 * `distance[i]` is how many steps node i is from the focus (0 everywhere without one). */
export function subset(graph, focus, depth) {
  if (focus === null || focus === undefined) {
    return {
      nodes: graph.nodes,
      adjacency: graph.adjacency,
      edges: Int32Array.from(graph.edges),
      focus: -1,
      distance: new Int32Array(graph.nodes.length),
    };
  }
  const start = graph.index.get(focus);
  if (start === undefined) return null;
  const local = new Map([[start, 0]]); // index in the graph -> index in the view
  const distance = [0];
  let ring = [start];
  for (let step = 1; step <= depth && ring.length; step++) {
    const next = [];
    for (const i of ring) {
      for (const j of graph.adjacency[i]) {
        if (local.has(j)) continue;
        local.set(j, local.size);
        distance.push(step);
        next.push(j);
      }
    }
    ring = next;
  }
  const kept = [...local.keys()];
  const adjacency = kept.map(() => []);
  const edges = [];
  kept.forEach((i, a) => {
    for (const j of graph.adjacency[i]) {
      const b = local.get(j);
      if (b === undefined) continue;
      adjacency[a].push(b);
      if (a < b) edges.push(a, b);
    }
  });
  return {
    nodes: kept.map((i) => graph.nodes[i]),
    adjacency,
    edges: Int32Array.from(edges),
    focus: 0,
    distance: Int32Array.from(distance),
  };
}

/** The order in which nodes earn labels and the keyboard visits them: the focus first, then
 * the most connected, then by title. */
export function importanceOrder(view, compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0)) {
  const { nodes, focus } = view;
  return nodes
    .map((_, i) => i)
    .sort(
      (a, b) =>
        (b === focus) - (a === focus) ||
        nodes[b].links - nodes[a].links ||
        compare(nodes[a].title, nodes[b].title) ||
        a - b,
    );
}
