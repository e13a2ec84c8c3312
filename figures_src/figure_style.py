"""Shared drawing helpers: a real CJK font, the site's colours, deterministic files.

Figures are drawn on `matplotlib.figure.Figure` objects, never through pyplot, so no GUI
backend is involved and nothing is kept alive between figures.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib
from matplotlib import font_manager
from matplotlib.figure import Figure

CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Sans CJK JP",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "Noto Sans SC",
    "WenQuanYi Micro Hei",
)
BLUE, ORANGE, GREEN, GREY = "#00897b", "#ff6e40", "#43a047", "#757575"


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


def save(figure: Figure, out_dir: Path, name: str, formats: tuple[str, ...]) -> list[str]:
    """Write `name.<format>` for each format, byte-identical from run to run."""
    written = []
    for fmt in formats:
        path = out_dir / f"{name}.{fmt}"
        metadata = {"Date": None} if fmt == "svg" else {"Software": None}
        figure.savefig(path, format=fmt, metadata=metadata, bbox_inches="tight")
        written.append(path.name)
    return written
