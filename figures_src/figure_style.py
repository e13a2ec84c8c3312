"""Shared drawing helpers: a real CJK font, the site's colours, deterministic files, and the
variants every figure is drawn in (light and dark schemes, wide and narrow screens).

Figures are drawn on `matplotlib.figure.Figure` objects, never through pyplot, so no GUI
backend is involved and nothing is kept alive between figures.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import matplotlib
import numpy as np
from matplotlib import font_manager
from matplotlib.colors import Colormap, LinearSegmentedColormap, to_rgb
from matplotlib.figure import Figure
from matplotlib.typing import RcKeyType

CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Sans CJK JP",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "Noto Sans SC",
    "WenQuanYi Micro Hei",
)


@dataclass(frozen=True)
class Palette:
    """The colours of one scheme of the site (Material's `default` or `slate`)."""

    name: str
    suffix: str
    """How the names of this scheme's files end (before the format)."""
    background: str
    text: str
    muted: str
    blue: str
    orange: str
    green: str
    diverging: Colormap
    """For values around zero (scores)."""
    sequential: Colormap
    """For values from zero up (weights, masks)."""

    def rc(self) -> dict[RcKeyType, Any]:
        return {
            "figure.facecolor": self.background,
            "axes.facecolor": self.background,
            "savefig.facecolor": self.background,
            "text.color": self.text,
            "axes.labelcolor": self.text,
            "axes.edgecolor": self.muted,
            "xtick.color": self.text,
            "ytick.color": self.text,
        }

    def ink_on(self, colour: tuple[float, ...]) -> str:
        """The ink, dark or light, with the higher contrast (WCAG) on a cell of `colour`."""
        cell = relative_luminance(colour)
        dark, light = relative_luminance(to_rgb(DARK_INK)), relative_luminance(to_rgb(LIGHT_INK))
        return (
            DARK_INK
            if (cell + 0.05) / (dark + 0.05) >= (light + 0.05) / (cell + 0.05)
            else LIGHT_INK
        )


DARK_INK, LIGHT_INK = "#111111", "#f5f5f5"


def relative_luminance(colour: tuple[float, ...]) -> float:
    """WCAG's relative luminance of an sRGB colour (channels from 0 to 1)."""
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in colour[:3]]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


SLATE = "#1e2129"  # Material's slate background: hsl(225°, 15%, 14%)
LIGHT = Palette(
    "light",
    suffix="",
    background="#ffffff",
    text="#000000",
    muted="#757575",
    blue="#00897b",
    orange="#ff6e40",
    green="#43a047",
    diverging=matplotlib.colormaps["RdBu_r"],
    sequential=matplotlib.colormaps["Greens"],
)
DARK = Palette(
    "dark",
    suffix=".dark",
    background=SLATE,
    text="#e3e5ea",
    muted="#9aa0ac",
    blue="#4db6ac",
    orange="#ff8a65",
    green="#81c784",
    diverging=matplotlib.colormaps["berlin"],
    sequential=LinearSegmentedColormap.from_list("garden-dark-greens", ["#262a33", "#a5d6a7"]),
)
PALETTES = (LIGHT, DARK)


@dataclass(frozen=True)
class Layout:
    """The shape a figure is drawn in: side by side for a wide screen, stacked for a phone."""

    name: str
    suffix: str
    narrow: bool
    small_font: float
    """The smallest text drawn: on a phone the narrow figure is shown about as wide as it is
    drawn (4.8 in, 345 pt, on a 358 px column), so 10 pt stays above 9 CSS px there."""


WIDE = Layout("wide", "", narrow=False, small_font=10)
NARROW = Layout("narrow", ".narrow", narrow=True, small_font=10)
LAYOUTS = (WIDE, NARROW)
NARROW_WIDTH = 4.8
"""Inches: the width of a narrow figure."""

Draw = Callable[[Palette, Layout], Figure]


class CJKFontMissing(RuntimeError):
    pass


def cjk_font() -> str:
    """The name of an installed CJK font, or a clear error (never tofu boxes)."""
    found = _known_cjk_family()
    if found is None:
        # matplotlib's font list is cached: a font installed after it was made is not in it.
        for path in font_manager.findSystemFonts():
            if any(mark in Path(path).name for mark in ("CJK", "SourceHan", "wqy")):
                font_manager.fontManager.addfont(path)
        found = _known_cjk_family()
    if found is not None:
        return found
    raise CJKFontMissing(
        "no CJK font found for the figures' Chinese labels; install one, e.g. "
        "`apt-get install fonts-noto-cjk` (Noto Sans CJK), then delete matplotlib's font cache "
        f"in {matplotlib.get_cachedir()}"
    )


def _known_cjk_family() -> str | None:
    installed = {font.name for font in font_manager.fontManager.ttflist}
    return next((family for family in CJK_FAMILIES if family in installed), None)


def setup() -> None:
    matplotlib.rcParams.update(
        {
            "font.family": "sans-serif",
            "font.sans-serif": [cjk_font(), "DejaVu Sans"],
            "axes.unicode_minus": False,
            "svg.hashsalt": "garden-figures",
            "svg.fonttype": "path",
            "figure.dpi": 100,
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    )


def variant_name(name: str, palette: Palette, layout: Layout) -> str:
    """`name`, `name.dark`, `name.narrow`, `name.narrow.dark`: the names garden/figures reads
    to serve each variant where it belongs."""
    return name + layout.suffix + palette.suffix


def save_variants(draw: Draw, out_dir: Path, name: str, formats: tuple[str, ...]) -> list[str]:
    """Every variant of one figure, each drawn by `draw` from the same computed data."""
    written = []
    for palette in PALETTES:
        for layout in LAYOUTS:
            with matplotlib.rc_context(palette.rc()):
                figure = draw(palette, layout)
                written += save(figure, out_dir, variant_name(name, palette, layout), formats)
    return written


def cell_colours(matrix: np.ndarray, colours: Colormap, low: float, high: float) -> np.ndarray:
    """The colour each cell of `matrix` gets, as `imshow(cmap=colours, vmin=low, vmax=high)`
    paints it."""
    return colours((np.asarray(matrix) - low) / (high - low))


def save(figure: Figure, out_dir: Path, name: str, formats: tuple[str, ...]) -> list[str]:
    """Write `name.<format>` for each format, byte-identical from run to run."""
    written = []
    for fmt in formats:
        path = out_dir / f"{name}.{fmt}"
        metadata = {"Date": None} if fmt == "svg" else {"Software": None}
        figure.savefig(path, format=fmt, metadata=metadata, bbox_inches="tight")
        written.append(path.name)
    return written
