"""The cost of attention: n×n scores against a sliding window, as the sequence grows."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from attention_math import Array
from figure_style import NARROW_WIDTH, Layout, Palette, save_variants, setup

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


COUNT_TICKS = (1e5, 1e6, 1e7, 1e8)


def length_label(n: int) -> str:
    """128, 256, 512, 1K, 2K…: sequence lengths as they are usually written."""
    return str(n) if n < 1024 else f"{n // 1024}K"


def count_label(count: float) -> str:
    """10万, 100万, 1000万, 1亿: large counts the Chinese way."""
    return f"{count / 1e8:g}亿" if count >= 1e8 else f"{count / 1e4:g}万"


def draw(cost: Cost, palette: Palette, layout: Layout) -> Figure:
    """The counts beside the two masks, or above them on a phone."""
    if layout.narrow:
        figure = Figure(figsize=(NARROW_WIDTH, 6.6))
        grid = figure.add_gridspec(2, 2, height_ratios=(3, 2), hspace=0.45)
        counts, masks = figure.add_subplot(grid[0, :]), (grid[1, 0], grid[1, 1])
    else:
        figure = Figure(figsize=(12, 4.4))
        grid = figure.add_gridspec(2, 3)
        counts, masks = figure.add_subplot(grid[:, :2]), (grid[0, 2], grid[1, 2])
    draw_counts(counts, cost, palette)
    for place, (mask, title) in zip(
        masks, ((cost.dense_mask, "完整"), (cost.window_mask, "滑动窗口")), strict=True
    ):
        mask_axes = figure.add_subplot(place)
        mask_axes.imshow(mask, cmap=palette.sequential, vmin=0, vmax=1.5)
        mask_axes.set_title(f"{title}（n={MASK_LENGTH}）", fontsize=max(10, layout.small_font))
        mask_axes.set_xticks([])
        mask_axes.set_yticks([])
        mask_axes.spines[:].set_visible(True)
    return figure


def draw_counts(axes: Axes, cost: Cost, palette: Palette) -> None:
    axes.plot(cost.lengths, cost.dense, "o-", color=palette.orange, label="完整注意力：n² 个分数")
    axes.plot(
        cost.lengths,
        cost.window,
        "s-",
        color=palette.blue,
        label=f"滑动窗口（每侧 {WINDOW} 个键）：约 n·{2 * WINDOW + 1}",
    )
    axes.set_xscale("log", base=2)
    axes.set_yscale("log", base=10)
    # Plain labels rather than powers: an exponent is drawn at 70 % of the label's size.
    axes.set_xticks(cost.lengths, [length_label(int(n)) for n in cost.lengths])
    axes.set_yticks(COUNT_TICKS, [count_label(count) for count in COUNT_TICKS])
    axes.set_xlabel("序列长度 n")
    axes.set_ylabel("要计算的分数个数")
    axes.set_title("序列长度翻倍，完整注意力的分数变成四倍")
    axes.legend(frameon=False)


def render(out_dir: Path, formats: tuple[str, ...]) -> list[str]:
    setup()
    cost = compute()
    return save_variants(partial(draw, cost), out_dir, NAME, formats)
