"""Graph layouts kept on disk: the same graph is laid out once, in any process."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from mkdocs_garden.core.connections import graph_data, layout_worker
from mkdocs_garden.core.connections.graph_data import GraphInput, GraphNode, build_graph
from mkdocs_garden.core.connections.layout_cache import KEEP, LayoutStore


def _graph(count: int) -> GraphInput:
    notes = [GraphNode(f"n{i}.md", f"笔记{i}", f"n{i}/", "note") for i in range(count)]
    pairs = [(f"n{i}.md", f"n{(i + 1) % count}.md") for i in range(count)]
    return GraphInput(notes, pairs, {}, {}, {})


def test_a_stored_layout_is_the_layout_computed(tmp_path: Path) -> None:
    store = LayoutStore(tmp_path)
    graph_data._LAST_LAYOUT.clear()
    computed = build_graph(_graph(12), store)
    assert len(list(tmp_path.glob("*.npy"))) == 1
    graph_data._LAST_LAYOUT.clear()  # a new process: only the disk knows the layout
    calls: list[int] = []
    real = layout_worker.force_layout
    layout_worker.force_layout = lambda *a, **k: calls.append(1) or real(*a, **k)  # type: ignore[assignment]
    try:
        stored = build_graph(_graph(12), store)
    finally:
        layout_worker.force_layout = real
    assert calls == [] and stored == computed


def test_a_damaged_layout_is_computed_again_and_old_ones_go(tmp_path: Path) -> None:
    store = LayoutStore(tmp_path)
    (tmp_path / "bad.npy").write_bytes(b"not numpy")
    os.utime(tmp_path / "bad.npy", (1, 1))  # the oldest file
    assert store.get("bad") is None
    for key in range(KEEP + 3):
        store.put(f"k{key}", np.zeros((2, 2)))
        os.utime(tmp_path / f"k{key}.npy", (1000 + key, 1000 + key))  # newer, one by one
    kept = {path.name for path in tmp_path.glob("*.npy")}
    assert kept == {f"k{key}.npy" for key in range(3, KEEP + 3)}  # the newest; bad.npy gone
