"""The graph of the vault as the pages draw it: nodes with build-time coordinates, and edges."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from .layout import force_layout
from .layout_cache import LayoutStore

GRAPH_SEED = 20241128
"""Fixed, so that the same vault always gives the same picture."""


@dataclass(frozen=True)
class GraphNode:
    id: str
    title: str
    url: str | None
    """Site URL relative to the site root; None for a note not written yet."""
    kind: str = "note"
    """`note`, `tag` or `ghost`."""


@dataclass
class GraphInput:
    notes: list[GraphNode]
    pairs: list[tuple[str, str]]
    """Linked notes by id, as (source, target)."""
    tags: Mapping[str, Sequence[str]] = field(default_factory=dict)
    """Tags to show as nodes, each with the ids of the notes that carry it."""
    tag_urls: Mapping[str, str | None] = field(default_factory=dict)
    ghosts: Mapping[str, Sequence[str]] = field(default_factory=dict)
    """Notes not written yet, by name, with the ids of the notes linking there."""


def build_graph(graph: GraphInput, store: LayoutStore | None = None) -> dict[str, Any]:
    """`{"nodes": [...], "edges": [[i, j], ...]}`, laid out (or the layout taken from `store`,
    where a build laid out the same graph before); each linked pair once, i < j."""
    nodes = list(graph.notes)
    nodes += [
        GraphNode(f"tag:{tag}", f"#{tag}", graph.tag_urls.get(tag), "tag") for tag in graph.tags
    ]
    nodes += [GraphNode(f"ghost:{name}", name, None, "ghost") for name in graph.ghosts]
    pairs = list(graph.pairs)
    pairs += [(note, f"tag:{tag}") for tag, notes in graph.tags.items() for note in notes]
    pairs += [(note, f"ghost:{name}") for name, notes in graph.ghosts.items() for note in notes]
    index = {node.id: number for number, node in enumerate(nodes)}
    edges = {
        (min(index[a], index[b]), max(index[a], index[b]))
        for a, b in pairs
        if a in index and b in index and a != b
    }
    return _laid_out(nodes, sorted(edges), store)


def _tag_node(tag: str, url: str | None) -> GraphNode:
    return GraphNode(f"tag:{tag}", f"#{tag}", url, "tag")


_LAST_LAYOUT: dict[str, npt.NDArray[np.float64]] = {}
"""The last layout, by a hash of what it depends on: `mkdocs serve` lays a graph out once,
not after every save that leaves the links as they were."""


def _positions(
    node_count: int, edges: npt.NDArray[np.int64], store: LayoutStore | None
) -> npt.NDArray[np.float64]:
    key = hashlib.sha256(f"{node_count}|{_LAYOUT_CODE}|".encode() + edges.tobytes()).hexdigest()
    if key not in _LAST_LAYOUT:
        _LAST_LAYOUT.clear()
        found = store.get(key) if store is not None else None
        if found is None:
            found = force_layout(node_count, edges, seed=GRAPH_SEED)
            if store is not None:
                store.put(key, found)
        _LAST_LAYOUT[key] = found
    return _LAST_LAYOUT[key]


_LAYOUT_CODE = hashlib.sha256(
    (Path(__file__).parent / "layout.py").read_bytes() + str(GRAPH_SEED).encode()
).hexdigest()
"""The layout's own code: a layout kept on disk is a changed algorithm's no more."""


def _laid_out(
    nodes: list[GraphNode], edges: list[tuple[int, int]], store: LayoutStore | None
) -> dict[str, Any]:
    edge_array = np.array(edges, dtype=np.int64).reshape(-1, 2)
    positions = _positions(len(nodes), edge_array, store)
    degree = np.bincount(edge_array.ravel(), minlength=len(nodes))
    return {
        "nodes": [
            {
                "id": node.id,
                "title": node.title,
                "url": node.url,
                "x": round(float(x), 4),
                "y": round(float(y), 4),
                "links": int(links),
                "kind": node.kind,
            }
            for node, (x, y), links in zip(nodes, positions, degree, strict=True)
        ],
        "edges": [list(edge) for edge in edges],
    }


GRAPH_PAGE_INTRO = (
    "花园里的 {notes} 篇笔记{others}，以及它们之间的 {edges} 条连线。拖动可以平移，滚轮或按钮缩放，"
    "悬停高亮相邻的笔记，点击打开笔记；也可以用键盘操作（方向键平移，+ − 缩放，n / p 选择节点，"
    "回车打开）。"
)


def graph_json(data: dict[str, Any]) -> str:
    """JSON with `<`, `>` and `&` escaped, so that no title in it can ever read as HTML."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def graph_page_markdown(src: str, graph: dict[str, Any]) -> str:
    kinds = Counter(node["kind"] for node in graph["nodes"])
    others = "".join(
        f"、{kinds[kind]} {name}"
        for kind, name in (("tag", "个标签"), ("ghost", "篇待写的笔记"))
        if kinds[kind]
    )
    intro = GRAPH_PAGE_INTRO.format(notes=kinds["note"], others=others, edges=len(graph["edges"]))
    return (
        "# 关系图谱\n\n"
        f"{intro}\n\n"
        f'<div class="garden-graph" data-graph-src="{src}" data-graph-label="全局关系图谱"></div>\n'
    )
