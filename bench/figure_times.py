"""Cold and cached times of the figures build step, medians over several runs.

    .venv/bin/python bench/figure_times.py [runs]

A cold run starts from an empty cache (every script drawn in worker processes); a cached
run is the same build again, which must do no figure work.
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

from mkdocs_garden.figures.runner import draw_figures

ROOT = Path(__file__).resolve().parent.parent


def main(runs: int) -> None:
    cold, cached = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as cache:
            started = time.perf_counter()
            result = draw_figures(ROOT / "figures_src", Path(cache))
            cold.append(time.perf_counter() - started)
            started = time.perf_counter()
            again = draw_figures(ROOT / "figures_src", Path(cache))
            cached.append(time.perf_counter() - started)
            assert again.drawn == [], "a second build redrew figures"
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    )
    print(f"numpy {version('numpy')}, matplotlib {version('matplotlib')}")
    print(f"figures: {len(result.drawn)} scripts, {len(result.outputs)} files; runs: {runs}")
    print(f"cold   (draw all):  median {statistics.median(cold):.2f} s  (min {min(cold):.2f})")
    print(f"cached (draw none): median {statistics.median(cached) * 1000:.1f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
