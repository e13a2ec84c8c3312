"""A large graph is laid out in a worker process while the build goes on
(`core/connections/layout_worker.py`): the worker's positions are exactly those the build
would compute itself, a worker that cannot start or fails leaves the build to compute them, and
a site's graph file is the same either way."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import numpy as np
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_garden.core.connections import graph_data, layout_worker
from mkdocs_garden.core.connections.layout import force_layout
from mkdocs_garden.core.connections.layout_worker import PendingLayout
from sitebuild import write_garden_config


def _edges(count: int) -> np.ndarray:
    rng = np.random.default_rng(7)
    return rng.integers(0, count, (count * 4, 2)).astype(np.int64)


@pytest.fixture
def small_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(layout_worker, "WORKER_NODES", 30)
    monkeypatch.setattr(layout_worker.os, "cpu_count", lambda: 2)


def _not_here(*_args: object, **_kwargs: object) -> np.ndarray:
    raise AssertionError("laid out in the build's process, not the worker")


@pytest.mark.usefixtures("small_worker")
def test_the_worker_s_positions_are_those_computed_here(monkeypatch: pytest.MonkeyPatch) -> None:
    edges = _edges(120)
    monkeypatch.setattr(layout_worker, "force_layout", _not_here)  # (the worker's is its own)
    pending = PendingLayout(120, edges, seed=5)
    assert pending._process is not None  # laid out in the worker
    assert np.array_equal(pending.result(), force_layout(120, edges, seed=5))
    assert pending._process is None


@pytest.mark.usefixtures("small_worker")
@pytest.mark.parametrize("program", ["/bin/false", "/bin/true", "/nonexistent/python"])
def test_a_worker_that_fails_or_cannot_start_leaves_the_layout_to_the_build(
    monkeypatch: pytest.MonkeyPatch, program: str
) -> None:
    monkeypatch.setattr(layout_worker.sys, "executable", program)
    edges = _edges(60)
    assert np.array_equal(
        PendingLayout(60, edges, seed=5).result(), force_layout(60, edges, seed=5)
    )
    monkeypatch.setattr(layout_worker.sys, "executable", sys.executable)


@pytest.mark.usefixtures("small_worker")
def test_a_stopped_build_stops_its_worker_and_leaves_no_file() -> None:
    pending = PendingLayout(120, _edges(120), seed=5)
    process, edges_file = pending._process, pending._input
    assert process is not None and edges_file is not None and Path(edges_file).exists()
    pending.cancel()
    assert process.returncode is not None and not Path(edges_file).exists()


def test_a_small_graph_is_laid_out_here() -> None:
    pending = PendingLayout(10, _edges(10), seed=5)
    assert pending._process is None


def _site(root: Path) -> Path:
    vault = root / "vault"
    vault.mkdir(parents=True)
    (vault / "index.md").write_text("---\npublish: true\n---\n# 首页\n\n[[笔记0]]\n", "utf-8")
    for number in range(40):
        links = " ".join(f"[[笔记{(number * 7 + k) % 40}]]" for k in range(1, 4))
        text = f"---\npublish: true\n---\n第 {number} 篇，见 {links}。\n"
        (vault / f"笔记{number}.md").write_text(text, encoding="utf-8")
    return write_garden_config(root, "图")


def test_the_graph_file_is_the_same_from_the_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    monkeypatch.setattr(layout_worker.os, "cpu_count", lambda: 2)
    started: list[int] = []
    real = layout_worker.PendingLayout._start
    monkeypatch.setattr(
        layout_worker.PendingLayout, "_start", lambda self: started.append(1) or real(self)
    )
    written = []
    for worker in (False, True):
        root = tmp_path / str(worker)
        config = load_config(str(_site(root)), site_dir=str(root / "site"))
        config.plugins.on_startup(command="build", dirty=False)
        monkeypatch.setattr(layout_worker, "WORKER_NODES", 30 if worker else 10**9)
        if worker:  # the worker's positions, not the build's own after a failed worker
            monkeypatch.setattr(layout_worker, "force_layout", _not_here)
        graph_data._LAST_LAYOUT.clear()
        build(config)
        written.append((root / "site" / "graph.json").read_bytes())
    assert started == [1]  # the second build only
    assert written[0] == written[1] and b'"x":' in written[0]
