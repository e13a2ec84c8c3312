"""Why divide by √d_k: the spread of q·k grows like √d_k, and unscaled scores saturate softmax."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from attention_math import Array, softmax
from figure_style import NARROW_WIDTH, Layout, Palette, save_variants, setup

NAME = "scaling-sqrt-dk"
DIMENSIONS = (4, 16, 64, 256, 1024)
SAMPLES, SEED = 4000, 7
SATURATION_D_K, SATURATION_KEYS = 512, 8
SPREAD_TICKS = (2.0, 4.0, 8.0, 16.0, 32.0)


@dataclass(frozen=True)
class Scaling:
    dimensions: Array
    spread: Array
    """Measured standard deviation of q·k for q, k with unit-variance components."""
    unscaled_weights: Array
    scaled_weights: Array


def compute() -> Scaling:
    rng = np.random.default_rng(SEED)
    spread = []
    for d_k in DIMENSIONS:
        q = rng.standard_normal((SAMPLES, d_k))
        k = rng.standard_normal((SAMPLES, d_k))
        spread.append(np.einsum("ij,ij->i", q, k).std())
    query = rng.standard_normal(SATURATION_D_K)
    keys = rng.standard_normal((SATURATION_KEYS, SATURATION_D_K))
    scores = keys @ query
    return Scaling(
        np.array(DIMENSIONS, dtype=np.float64),
        np.array(spread),
        softmax(scores),
        softmax(scores / np.sqrt(SATURATION_D_K)),
    )


def draw(scaling: Scaling, palette: Palette, layout: Layout) -> Figure:
    """The spread beside the saturated softmax, or above it on a phone."""
    if layout.narrow:
        figure = Figure(figsize=(NARROW_WIDTH, 8.4))
        spread_axes, weight_axes = figure.subplots(2, 1, gridspec_kw={"hspace": 0.4})
    else:
        figure = Figure(figsize=(11.5, 4.4))
        spread_axes, weight_axes = figure.subplots(1, 2)
    draw_spread(spread_axes, scaling, palette)
    draw_weights(weight_axes, scaling, palette, layout)
    return figure


def draw_spread(axes: Axes, scaling: Scaling, palette: Palette) -> None:
    smooth = np.geomspace(scaling.dimensions[0], scaling.dimensions[-1], 100)
    axes.plot(smooth, np.sqrt(smooth), color=palette.muted, ls="--", label="√d_k")
    axes.plot(
        scaling.dimensions,
        scaling.spread,
        "o",
        color=palette.orange,
        ms=8,
        label=f"模拟的 q·k 标准差（每个维度 {SAMPLES} 对）",
    )
    axes.set_xscale("log", base=2)
    axes.set_yscale("log", base=2)
    # Plain labels rather than powers of two: an exponent is drawn at 70 % of the label's size.
    axes.set_xticks(scaling.dimensions, [f"{d:g}" for d in scaling.dimensions])
    axes.set_yticks(SPREAD_TICKS, [f"{s:g}" for s in SPREAD_TICKS])
    axes.minorticks_off()
    axes.set_xlabel("维度 d_k")
    axes.set_ylabel("q·k 的标准差")
    axes.set_title("点积的波动随 √d_k 增长")
    axes.legend(loc="upper left", frameon=False)  # the line rises to the right


def draw_weights(axes: Axes, scaling: Scaling, palette: Palette, layout: Layout) -> None:
    positions = np.arange(SATURATION_KEYS)
    axes.bar(positions - 0.2, scaling.unscaled_weights, 0.4, color=palette.orange, label="不缩放")
    axes.bar(positions + 0.2, scaling.scaled_weights, 0.4, color=palette.blue, label="除以 √d_k")
    axes.set_xticks(positions, [f"键 {i + 1}" for i in positions])
    axes.set_ylabel("softmax 权重")
    title = f"d_k = {SATURATION_D_K} 时，不缩放的 softmax 几乎只剩一个键"
    axes.set_title(title.replace("，", "，\n") if layout.narrow else title)
    axes.legend(frameon=False)


def render(out_dir: Path, formats: tuple[str, ...]) -> list[str]:
    setup()
    scaling = compute()
    return save_variants(partial(draw, scaling), out_dir, NAME, formats)
