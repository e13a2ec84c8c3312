"""Dot-product geometry: A·B = |A||B|cos θ for aligned, orthogonal and opposite vectors."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from attention_math import Array, angle, dot, norm, polar, projection_length
from figure_style import NARROW_WIDTH, Layout, Palette, save_variants, setup

NAME = "dot-product-geometry"
LENGTH_A, LENGTH_B = 3.0, 2.5
ANGLE_A = 15.0
CASES = (
    ("方向一致：点积为大正数", 25.0),
    ("相互正交：点积为零", 90.0),
    ("方向相反：点积为大负数", 160.0),
)


@dataclass(frozen=True)
class Panel:
    title: str
    a: Array
    b: Array
    theta: float
    dot: float
    norm_a: float
    norm_b: float
    projection: float


def compute() -> list[Panel]:
    panels = []
    for title, between in CASES:
        a, b = polar(LENGTH_A, ANGLE_A), polar(LENGTH_B, ANGLE_A + between)
        panels.append(
            Panel(title, a, b, angle(a, b), dot(a, b), norm(a), norm(b), projection_length(b, a))
        )
    return panels


def draw(panels: list[Panel], palette: Palette, layout: Layout) -> Figure:
    """Three panels side by side, or stacked on a phone."""
    if layout.narrow:
        figure = Figure(figsize=(NARROW_WIDTH, 13.2))
        grid = figure.subplots(3, 1, gridspec_kw={"hspace": 0.42})
    else:
        figure = Figure(figsize=(12, 4.4))
        grid = figure.subplots(1, 3)
    for axes, panel in zip(grid, panels, strict=True):
        draw_panel(axes, panel, palette, layout)
    return figure


def draw_panel(axes: Axes, panel: Panel, palette: Palette, layout: Layout) -> None:
    unit_a = panel.a / panel.norm_a
    foot = unit_a * panel.projection
    axes.axhline(0, color=palette.muted, lw=0.5)
    axes.axvline(0, color=palette.muted, lw=0.5)
    axes.plot([panel.b[0], foot[0]], [panel.b[1], foot[1]], ls="--", color=palette.muted, lw=1)
    axes.plot(
        [0, foot[0]], [0, foot[1]], color=palette.orange, lw=6, alpha=0.35, solid_capstyle="butt"
    )
    for vector, colour, label in ((panel.a, palette.blue, "A"), (panel.b, palette.orange, "B")):
        axes.annotate(
            "",
            xy=tuple(vector),
            xytext=(0, 0),
            arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 2},
        )
        x, y = vector * 1.08
        axes.text(x, y, label, color=colour, fontsize=14, ha="center", va="center")
    start = np.deg2rad(ANGLE_A)
    arc = np.linspace(start, start + panel.theta, 40)
    axes.plot(0.7 * np.cos(arc), 0.7 * np.sin(arc), color=palette.text, lw=1)
    middle = start + panel.theta / 2
    axes.text(
        1.0 * np.cos(middle),
        1.0 * np.sin(middle),
        f"θ={np.degrees(panel.theta):.0f}°",
        ha="center",
        va="center",
        fontsize=max(10, layout.small_font),
    )
    axes.set_title(panel.title, fontsize=12)
    cosine, value = (round(x, 2) + 0.0 for x in (np.cos(panel.theta), panel.dot))  # no -0.00
    axes.text(
        0.5,
        -0.14,
        f"|A||B|cos θ = {panel.norm_a:.1f}×{panel.norm_b:.1f}×{cosine:.2f} = {value:.2f}",
        transform=axes.transAxes,
        ha="center",
        fontsize=11,
    )
    axes.text(
        0.5,
        -0.24,
        "橙色粗线：B 在 A 上的投影 |B| cos θ",
        transform=axes.transAxes,
        ha="center",
        fontsize=layout.small_font,
        color=palette.muted,
    )
    axes.set_xlim(-3.2, 3.4)
    axes.set_ylim(-1.6, 3.4)
    axes.set_aspect("equal")
    axes.set_xticks([])
    axes.set_yticks([])


def render(out_dir: Path, formats: tuple[str, ...]) -> list[str]:
    setup()
    panels = compute()
    return save_variants(partial(draw, panels), out_dir, NAME, formats)
