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

from .layout_cache import LayoutStore
from .layout_worker import PendingLayout

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
    return GraphLayout(graph_shape(graph), store).data()


@dataclass(frozen=True)
class GraphShape:
    """A graph's nodes, and its edges by node index (each linked pair once, i < j)."""

    nodes: list[GraphNode]
    edges: list[tuple[int, int]]

    def kinds(self) -> Counter[str]:
        """How many nodes of each kind (`note`, `tag`, `ghost`)."""
        return Counter(node.kind for node in self.nodes)


def graph_shape(graph: GraphInput) -> GraphShape:
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
    return GraphShape(nodes, sorted(edges))


_LAST_LAYOUT: dict[str, npt.NDArray[np.float64]] = {}
"""The last layout, by a hash of what it depends on: `mkdocs serve` lays a graph out once,
not after every save that leaves the links as they were."""


class GraphLayout:
    """A graph laid out: taken from the last build or `store` when the same graph was laid out
    before, else started at once (in a worker for a large graph, `layout_worker`) and waited
    for when its data is asked."""

    def __init__(self, shape: GraphShape, store: LayoutStore | None) -> None:
        self.shape = shape
        self._edges = np.array(shape.edges, dtype=np.int64).reshape(-1, 2)
        count = len(shape.nodes)
        self._key = hashlib.sha256(
            f"{count}|{_LAYOUT_CODE}|".encode() + self._edges.tobytes()
        ).hexdigest()
        self._store = store
        known = _LAST_LAYOUT.get(self._key)
        if known is None and store is not None:
            known = store.get(self._key)
        self._known = known
        self._pending = None if known is not None else PendingLayout(count, self._edges, GRAPH_SEED)
        self._data: dict[str, Any] | None = None
        self._json: bytes | None = None

    def positions(self) -> npt.NDArray[np.float64]:
        if self._known is None:
            assert self._pending is not None
            self._known = self._pending.result()
            self._pending = None
            if self._store is not None:
                self._store.put(self._key, self._known)
        _LAST_LAYOUT.clear()
        _LAST_LAYOUT[self._key] = self._known
        return self._known

    def cancel(self) -> None:
        """The build stopped before the layout was asked for."""
        if self._pending is not None:
            self._pending.cancel()

    def data(self) -> dict[str, Any]:
        if self._data is None:
            self._data = _laid_out(self.shape, self._edges, self.positions())
        return self._data

    def json_bytes(self) -> bytes:
        """The graph's file (as UTF-8: it is held until written, and a title with an emoji
        would make the whole text take four bytes a character)."""
        if self._json is None:
            self._json = graph_json(self.data()).encode("utf-8")
        return self._json


_LAYOUT_CODE = hashlib.sha256(
    (Path(__file__).parent / "layout.py").read_bytes() + str(GRAPH_SEED).encode()
).hexdigest()
"""The layout's own code: a layout kept on disk is a changed algorithm's no more."""


def _laid_out(
    shape: GraphShape, edge_array: npt.NDArray[np.int64], positions: npt.NDArray[np.float64]
) -> dict[str, Any]:
    degree = np.bincount(edge_array.ravel(), minlength=len(shape.nodes))
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
            for node, (x, y), links in zip(shape.nodes, positions, degree, strict=True)
        ],
        "edges": [list(edge) for edge in shape.edges],
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


def graph_page_markdown(src: str, shape: GraphShape) -> str:
    kinds = shape.kinds()
    others = "".join(
        f"、{kinds[kind]} {name}"
        for kind, name in (("tag", "个标签"), ("ghost", "篇待写的笔记"))
        if kinds[kind]
    )
    intro = GRAPH_PAGE_INTRO.format(notes=kinds["note"], others=others, edges=len(shape.edges))
    return (
        "# 关系图谱\n\n"
        f"{intro}\n\n"
        f'<div class="garden-graph" data-graph-src="{src}" data-graph-label="全局关系图谱"></div>\n'
    )
