"""Why divide by √d_k: the spread of q·k grows like √d_k, and unscaled scores saturate softmax."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from matplotlib.figure import Figure

from attention_math import Array, softmax
from figure_style import BLUE, GREY, ORANGE, save, setup

NAME = "scaling-sqrt-dk"
DIMENSIONS = (4, 16, 64, 256, 1024)
SAMPLES, SEED = 4000, 7
SATURATION_D_K, SATURATION_KEYS = 512, 8


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


def draw(scaling: Scaling) -> Figure:
    figure = Figure(figsize=(12, 4.4))
    spread_axes, weight_axes = figure.subplots(1, 2)
    smooth = np.geomspace(scaling.dimensions[0], scaling.dimensions[-1], 100)
    spread_axes.plot(smooth, np.sqrt(smooth), color=GREY, ls="--", label="√d_k")
    spread_axes.plot(
        scaling.dimensions,
        scaling.spread,
        "o",
        color=ORANGE,
        ms=8,
        label=f"模拟的 q·k 标准差（每个维度 {SAMPLES} 对）",
    )
    spread_axes.set_xscale("log", base=2)
    spread_axes.set_yscale("log", base=2)
    spread_axes.set_xlabel("维度 d_k")
    spread_axes.set_ylabel("q·k 的标准差")
    spread_axes.set_title("点积的波动随 √d_k 增长")
    spread_axes.legend(frameon=False)
    positions = np.arange(SATURATION_KEYS)
    weight_axes.bar(positions - 0.2, scaling.unscaled_weights, 0.4, color=ORANGE, label="不缩放")
    weight_axes.bar(positions + 0.2, scaling.scaled_weights, 0.4, color=BLUE, label="除以 √d_k")
    weight_axes.set_xticks(positions, [f"键 {i + 1}" for i in positions])
    weight_axes.set_ylabel("softmax 权重")
    weight_axes.set_title(f"d_k = {SATURATION_D_K} 时，不缩放的 softmax 几乎只剩一个键")
    weight_axes.legend(frameon=False)
    return figure


def render(out_dir: Path, formats: tuple[str, ...]) -> list[str]:
    setup()
    return save(draw(compute()), out_dir, NAME, formats)
