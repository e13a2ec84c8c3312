"""The cost of attention: n×n scores against a sliding window, as the sequence grows."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from matplotlib.figure import Figure

from attention_math import Array
from figure_style import BLUE, ORANGE, save, setup

NAME = "attention-cost"
LENGTHS = tuple(2**p for p in range(7, 15))  # 128 … 16384
WINDOW = 256  # keys on each side of a query in the sliding window
MASK_LENGTH, MASK_WINDOW = 24, 3


@dataclass(frozen=True)
class Cost:
    lengths: Array
    dense: Array
    """Scores computed by full attention: n²."""
    window: Array
    """Scores computed by a sliding window of ±WINDOW keys."""
    dense_mask: Array
    window_mask: Array


def window_mask(n: int, window: int) -> Array:
    positions = np.arange(n)
    mask: Array = (np.abs(positions[:, None] - positions[None, :]) <= window).astype(np.float64)
    return mask


def compute() -> Cost:
    lengths = np.array(LENGTHS, dtype=np.float64)
    window = np.array([window_count(n, WINDOW) for n in LENGTHS])
    return Cost(
        lengths,
        lengths**2,
        window,
        np.ones((MASK_LENGTH, MASK_LENGTH)),
        window_mask(MASK_LENGTH, MASK_WINDOW),
    )


def window_count(n: int, window: int) -> float:
    """Entries with |i − j| ≤ window, counted without building the n×n mask."""
    w = min(window, n - 1)
    return float(n * (2 * w + 1) - w * (w + 1))


def draw(cost: Cost) -> Figure:
    figure = Figure(figsize=(12, 4.4))
    grid = figure.add_gridspec(2, 3)
    axes = figure.add_subplot(grid[:, :2])
    axes.plot(cost.lengths, cost.dense, "o-", color=ORANGE, label="完整注意力：n² 个分数")
    axes.plot(
        cost.lengths,
        cost.window,
        "s-",
        color=BLUE,
        label=f"滑动窗口（每侧 {WINDOW} 个键）：约 n·{2 * WINDOW + 1}",
    )
    axes.set_xscale("log", base=2)
    axes.set_yscale("log", base=10)
    axes.set_xlabel("序列长度 n")
    axes.set_ylabel("要计算的分数个数")
    axes.set_title("序列长度翻倍，完整注意力的分数变成四倍")
    axes.legend(frameon=False)
    for row, (mask, title) in enumerate(
        ((cost.dense_mask, "完整"), (cost.window_mask, "滑动窗口"))
    ):
        mask_axes = figure.add_subplot(grid[row, 2])
        mask_axes.imshow(mask, cmap="Greys", vmin=0, vmax=1.5)
        mask_axes.set_title(f"{title}（n={MASK_LENGTH}）", fontsize=10)
        mask_axes.set_xticks([])
        mask_axes.set_yticks([])
    return figure


def render(out_dir: Path, formats: tuple[str, ...]) -> list[str]:
    setup()
    return save(draw(compute()), out_dir, NAME, formats)
