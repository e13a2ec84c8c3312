"""cos θ and A·B as θ sweeps from 0° to 180°, for fixed lengths |A| = 2 and |B| = 1.5."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

import numpy as np
from matplotlib.figure import Figure

from attention_math import Array, dot, polar
from figure_style import NARROW_WIDTH, Layout, Palette, save_variants, setup

NAME = "cosine-sweep"
LENGTH_A, LENGTH_B = 2.0, 1.5


@dataclass(frozen=True)
class Sweep:
    degrees: Array
    cosine: Array
    dot: Array
    """A·B computed from the two vectors themselves, not from the formula."""


def compute(steps: int = 181) -> Sweep:
    degrees = np.linspace(0.0, 180.0, steps)
    a = polar(LENGTH_A, 0.0)
    dots = np.array([dot(a, polar(LENGTH_B, theta)) for theta in degrees])
    return Sweep(degrees, np.cos(np.deg2rad(degrees)), dots)


def draw(sweep: Sweep, palette: Palette, layout: Layout) -> Figure:
    figure = Figure(figsize=(NARROW_WIDTH, 3.9) if layout.narrow else (8, 4.2))
    axes = figure.subplots()
    axes.plot(
        sweep.degrees,
        sweep.dot,
        color=palette.orange,
        lw=2.5,
        label=f"A·B（|A|={LENGTH_A:g}，|B|={LENGTH_B:g}）",
    )
    axes.plot(sweep.degrees, sweep.cosine, color=palette.blue, lw=2, label="cos θ")
    axes.axhline(0, color=palette.muted, lw=0.8)
    axes.axvline(90, color=palette.muted, lw=0.8, ls="--")
    axes.text(
        92,
        LENGTH_A * LENGTH_B * 0.8,
        "θ = 90°：正交，点积为零",
        fontsize=max(10, layout.small_font),
        color=palette.muted,
    )
    axes.set_xlabel("夹角 θ（度）")
    axes.set_ylabel("数值")
    axes.set_xticks(range(0, 181, 30))
    axes.set_title("夹角越小，点积越大：A·B = |A||B| cos θ")
    axes.legend(loc="lower left", frameon=False)
    return figure


def render(out_dir: Path, formats: tuple[str, ...]) -> list[str]:
    setup()
    sweep = compute()
    return save_variants(partial(draw, sweep), out_dir, NAME, formats)
