"""Dot-product geometry: A·B = |A||B|cos θ for aligned, orthogonal and opposite vectors."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from matplotlib.figure import Figure

from attention_math import Array, angle, dot, norm, polar, projection_length
from figure_style import BLUE, GREY, ORANGE, save, setup

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


def draw(panels: list[Panel]) -> Figure:
    figure = Figure(figsize=(12, 4.4))
    for axes, panel in zip(figure.subplots(1, 3), panels, strict=True):
        unit_a = panel.a / panel.norm_a
        foot = unit_a * panel.projection
        axes.axhline(0, color=GREY, lw=0.5)
        axes.axvline(0, color=GREY, lw=0.5)
        axes.plot([panel.b[0], foot[0]], [panel.b[1], foot[1]], ls="--", color=GREY, lw=1)
        axes.plot([0, foot[0]], [0, foot[1]], color=ORANGE, lw=6, alpha=0.35, solid_capstyle="butt")
        for vector, colour, label in ((panel.a, BLUE, "A"), (panel.b, ORANGE, "B")):
            axes.annotate(
                "",
                xy=tuple(vector),
                xytext=(0, 0),
                arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 2},
            )
            axes.text(*(vector * 1.08), label, color=colour, fontsize=14, ha="center", va="center")
        start = np.deg2rad(ANGLE_A)
        arc = np.linspace(start, start + panel.theta, 40)
        axes.plot(0.7 * np.cos(arc), 0.7 * np.sin(arc), color="black", lw=1)
        middle = start + panel.theta / 2
        axes.text(
            1.0 * np.cos(middle),
            1.0 * np.sin(middle),
            f"θ={np.degrees(panel.theta):.0f}°",
            ha="center",
            va="center",
            fontsize=10,
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
            fontsize=9,
            color=GREY,
        )
        axes.set_xlim(-3.2, 3.4)
        axes.set_ylim(-1.6, 3.4)
        axes.set_aspect("equal")
        axes.set_xticks([])
        axes.set_yticks([])
    return figure


def render(out_dir: Path, formats: tuple[str, ...]) -> list[str]:
    setup()
    return save(draw(compute()), out_dir, NAME, formats)
