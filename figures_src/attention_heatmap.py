"""A toy self-attention for 猫 追 老鼠…: scores QKᵀ/√d_k and their softmax, side by side.

The numbers are also written as `attention-example.json`, so that the interactive page starts
from exactly the same example as the figure.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import numpy as np
from matplotlib.figure import Figure

from attention_math import Array, scaled_scores, softmax
from figure_style import NARROW_WIDTH, Layout, Palette, cell_colours, save_variants, setup

NAME = "attention-heatmap"
DATA_FILE = "attention-example.json"
TOKENS = ("猫", "追", "老鼠", "因为", "它", "饿了")
D_MODEL, D_K, SEED = 6, 4, 20240611


@dataclass(frozen=True)
class Example:
    tokens: tuple[str, ...]
    x: Array
    w_q: Array
    w_k: Array
    w_v: Array
    q: Array
    k: Array
    v: Array
    scores: Array
    weights: Array
    output: Array


def compute() -> Example:
    """Inputs rounded to two decimals (so a reader can redo them); the rest derived exactly."""
    rng = np.random.default_rng(SEED)
    x, w_q, w_k, w_v = (
        np.round(rng.normal(0.0, scale, shape), 2)
        for scale, shape in (
            (1.0, (len(TOKENS), D_MODEL)),
            (0.8, (D_MODEL, D_K)),
            (0.8, (D_MODEL, D_K)),
            (0.8, (D_MODEL, D_K)),
        )
    )
    q, k, v = x @ w_q, x @ w_k, x @ w_v
    scores = scaled_scores(q, k)
    weights = softmax(scores)
    return Example(TOKENS, x, w_q, w_k, w_v, q, k, v, scores, weights, weights @ v)


def as_json(example: Example) -> str:
    fields = {name: getattr(example, name) for name in Example.__dataclass_fields__}
    data = {
        name: value.tolist() if isinstance(value, np.ndarray) else list(value)
        for name, value in fields.items()
    }
    data["d_k"] = D_K
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def draw(example: Example, palette: Palette, layout: Layout) -> Figure:
    """Scores and weights side by side, or one above the other on a phone."""
    if layout.narrow:
        figure = Figure(figsize=(NARROW_WIDTH, 9.6))
        grid = figure.subplots(2, 1, gridspec_kw={"hspace": 0.45})
    else:
        figure = Figure(figsize=(11, 4.8))
        grid = figure.subplots(1, 2)
    limit = np.abs(example.scores).max()
    panels = (
        (example.scores, r"分数 $QK^{\top}/\sqrt{d_k}$", palette.diverging, -limit, limit),
        (
            example.weights,
            "softmax 权重（每行和为 1）",
            palette.sequential,
            0.0,
            example.weights.max(),
        ),
    )
    for axes, (matrix, title, colours, low, high) in zip(grid, panels, strict=True):
        image = axes.imshow(matrix, cmap=colours, vmin=low, vmax=high)
        inks = cell_colours(matrix, colours, low, high)
        for (row, column), value in np.ndenumerate(matrix):
            axes.text(
                column,
                row,
                f"{value:.2f}",
                ha="center",
                va="center",
                fontsize=layout.small_font,
                color=palette.ink_on(tuple(inks[row, column])),
            )
        axes.set_xticks(range(len(example.tokens)), example.tokens)
        axes.set_yticks(range(len(example.tokens)), example.tokens)
        axes.set_xlabel("键（被关注的词）")
        axes.set_ylabel("查询（正在看的词）")
        axes.set_title(title, fontsize=14)  # its exponent and index drawn at 70 %
        figure.colorbar(image, ax=axes, shrink=0.8)
    return figure


def render(out_dir: Path, formats: tuple[str, ...]) -> list[str]:
    setup()
    example = compute()
    (out_dir / DATA_FILE).write_text(as_json(example), encoding="utf-8")
    return [*save_variants(partial(draw, example), out_dir, NAME, formats), DATA_FILE]
