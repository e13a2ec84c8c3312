"""Time of the graph layout on seeded vault-like graphs, medians over three runs.

    .venv/bin/python bench/graph_layout.py [--sizes 200 1000 5000] [--repeat 3]

A graph has its nodes in folders of about 40; each node links to about 10 others, 80 % in its
own folder and 20 % anywhere, with popular notes (a Zipf-like weight) picked more often, so
that there are hubs as in a real vault.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time
from importlib.metadata import version

import numpy as np
import numpy.typing as npt

from mkdocs_garden.core.connections.layout import (
    choose_repulsion,
    exact_repulsion,
    force_layout,
    simple_edges,
)

LINKS_PER_NODE = 10
FOLDER_SIZE = 40
INSIDE_FOLDER = 0.8


def vault_graph(nodes: int, seed: int = 0) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """(edges (m, 2), folder of each node) for a vault-like graph of `nodes` notes."""
    rng = np.random.default_rng(seed)
    folders = max(1, nodes // FOLDER_SIZE)
    folder = np.sort(rng.integers(0, folders, nodes))
    popularity = 1.0 / (1.0 + rng.permutation(nodes).astype(np.float64))
    sources = np.repeat(np.arange(nodes), LINKS_PER_NODE)
    inside = rng.random(sources.size) < INSIDE_FOLDER
    targets = np.where(
        inside,
        _pick_in_folder(rng, folder, popularity, folder[sources]),
        rng.choice(nodes, size=sources.size, p=popularity / popularity.sum()),
    )
    return np.column_stack([sources, targets]).astype(np.int64), folder


def _pick_in_folder(
    rng: np.random.Generator,
    folder: npt.NDArray[np.int64],
    popularity: npt.NDArray[np.float64],
    wanted: npt.NDArray[np.int64],
) -> npt.NDArray[np.int64]:
    """For each wanted folder, one of its nodes, the popular ones more often."""
    # Nodes are sorted by folder, so a folder's share of the cumulative popularity is a range.
    cumulative = np.cumsum(popularity)
    first = np.searchsorted(folder, wanted, side="left")
    last = np.searchsorted(folder, wanted, side="right") - 1
    before = np.where(first > 0, cumulative[np.maximum(first - 1, 0)], 0.0)
    point = before + rng.random(wanted.size) * (cumulative[last] - before)
    picked = np.searchsorted(cumulative, point, side="left")
    return np.clip(picked, first, last).astype(np.int64)


def median_seconds(nodes: int, edges: npt.NDArray[np.int64], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        force_layout(nodes, edges, seed=1)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 1000, 5000])
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} CPUs; "
        f"Python {platform.python_version()}, NumPy {version('numpy')}; "
        f"median of {arguments.repeat} runs\n"
    )
    print("| nodes | edges | method | median seconds |")
    print("| --- | --- | --- | --- |")
    for nodes in arguments.sizes:
        edges, _ = vault_graph(nodes)
        unique = len(simple_edges(edges, nodes))
        method = "exact" if choose_repulsion(nodes) is exact_repulsion else "approximate"
        seconds = median_seconds(nodes, edges, arguments.repeat)
        print(f"| {nodes:,} | {unique:,} | {method} | {seconds:.2f} |")


if __name__ == "__main__":
    main()
