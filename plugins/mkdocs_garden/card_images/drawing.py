"""Draw cards with matplotlib (imported only here, in the worker process): 1200 × 630 pixels,
the size chat apps and social sites show, as small palette PNGs, the same bytes every time."""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path

import matplotlib
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.ft2font import FT2Font
from matplotlib.patches import Rectangle
from matplotlib.text import Text
from PIL import Image

from .fonts import CardFonts
from .plan import TITLE_LINES, Card

WIDTH, HEIGHT, DPI = 1200, 630, 100
MARGIN = 96
BACKGROUND = "#fafafa"
INK = "#1f2937"
GREY = "#6b7280"
TITLE_PX, FOLDER_PX, SITE_PX = 60, 28, 30
TITLE_TOP, TITLE_LINE_PX = 0.70, 80
_POINTS_PER_PX = 72 / DPI


class CardDrawer:
    """One figure, drawn again for each card: only the texts change."""

    def __init__(self, fonts: CardFonts, primary: str) -> None:
        matplotlib.use("Agg")
        regular, regular_chars = _face(fonts.regular, 400)
        bold, bold_chars = _face(fonts.bold, 700)
        self.covered = regular_chars | bold_chars | _charmap(font_manager.findfont("DejaVu Sans"))
        self.figure = Figure(figsize=(WIDTH / DPI, HEIGHT / DPI), dpi=DPI, facecolor=BACKGROUND)
        self.canvas = FigureCanvasAgg(self.figure)
        self.figure.patches.append(
            Rectangle((0, 0), 16 / WIDTH, 1, transform=self.figure.transFigure, color=primary)
        )
        self.folder = self._text(0.80, FOLDER_PX, regular, GREY)
        self.title = [
            self._text(TITLE_TOP - row * TITLE_LINE_PX / HEIGHT, TITLE_PX, bold, INK)
            for row in range(TITLE_LINES)
        ]
        self.site = self._text(0.10, SITE_PX, regular, _readable(primary), va="baseline")
        self.palette = _palette(primary)

    def _text(self, y: float, px: int, font: FontProperties, colour: str, va: str = "top") -> Text:
        size = px * _POINTS_PER_PX
        return self.figure.text(
            MARGIN / WIDTH, y, "", fontproperties=font, fontsize=size, color=colour, va=va
        )

    def draw(self, card: Card) -> bytes:
        self.folder.set_text(self._drawable(card.folder))
        lines = [*card.title_lines, *[""] * TITLE_LINES][:TITLE_LINES]
        for text, line in zip(self.title, lines, strict=True):
            text.set_text(self._drawable(line))
            text.set_fontsize(TITLE_PX * _POINTS_PER_PX)
        self.site.set_text(self._drawable(card.site_name))
        self._render()
        width = max(text.get_window_extent().width for text in self.title)
        if width > WIDTH - 2 * MARGIN:  # wider letters than the line breaking reckoned with
            for text in self.title:
                text.set_fontsize(TITLE_PX * _POINTS_PER_PX * (WIDTH - 2 * MARGIN) / width)
            self._render()
        pixels = self.canvas.buffer_rgba()  # type: ignore[no-untyped-call]
        image = Image.frombuffer("RGBA", (WIDTH, HEIGHT), pixels, "raw")
        flat = image.convert("RGB").quantize(palette=self.palette, dither=Image.Dither.NONE)
        out = io.BytesIO()
        flat.save(out, "PNG", optimize=False, compress_level=6)
        return out.getvalue()

    def _render(self) -> None:
        self.canvas.draw()  # type: ignore[no-untyped-call]  # (matplotlib's stubs lack it)

    def _drawable(self, text: str) -> str:
        """The text without the characters no font here has (emoji: matplotlib cannot draw
        colour glyphs), rather than boxes in their place."""
        kept = "".join(char for char in text if ord(char) in self.covered or char.isspace())
        return " ".join(kept.split())


def draw_cards(cards: Iterable[tuple[str, Card]], folder: Path) -> int:
    """Draw each `(file name, card)` into `folder` (written whole, then renamed: a build that
    stops half way leaves no broken card); returns how many were drawn."""
    drawers: dict[tuple[CardFonts, str], CardDrawer] = {}
    drawn = 0
    for name, card in cards:
        key = (card.fonts, card.primary)
        if key not in drawers:
            drawers[key] = CardDrawer(*key)
        drawer = drawers[key]
        temporary = folder / f".{name}.tmp"
        temporary.write_bytes(drawer.draw(card))
        temporary.replace(folder / name)
        drawn += 1
    return drawn


def _face(path: str, weight: int) -> tuple[FontProperties, set[int]]:
    """The font file's Simplified Chinese face where it holds several (a `.ttc` of Noto Sans
    CJK holds JP, KR, SC, TC and HK, and SC draws Chinese characters in their Chinese forms),
    with DejaVu Sans for what it lacks; and the characters the face has."""
    font_manager.fontManager.addfont(path)
    faces = sorted(
        (entry for entry in font_manager.fontManager.ttflist if entry.fname == path),
        key=lambda entry: (not entry.name.endswith(" SC"), entry.index, entry.name),
    )
    if not faces:
        return FontProperties(fname=path), _charmap(path)
    face = faces[0]
    return (
        FontProperties(family=[face.name, "DejaVu Sans"], weight=weight),
        _charmap(path, face.index),
    )


def _charmap(path: str, face: int = 0) -> set[int]:
    return set(FT2Font(path, face_index=face).get_charmap())


def _readable(colour: str) -> str:
    """The primary colour for the site's name, unless it is too light to read on the card."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return colour if 0.299 * red + 0.587 * green + 0.114 * blue < 170 else INK


def _palette(primary: str) -> Image.Image:
    """Every colour the card can hold: each ink blended into the background in steps, as the
    anti-aliased edges of letters are."""
    background = _rgb(BACKGROUND)
    colours = [background]
    for ink, steps in ((INK, 32), (_readable(primary), 24), (GREY, 16), (primary, 2)):
        colours += [_blend(background, _rgb(ink), i / (steps - 1)) for i in range(1, steps)]
    palette = Image.new("P", (1, 1))
    flat = [value for colour in colours for value in colour]
    palette.putpalette(flat + [0] * (768 - len(flat)))
    return palette


def _blend(
    start: tuple[int, int, int], end: tuple[int, int, int], share: float
) -> tuple[int, int, int]:
    red, green, blue = (round(a + (b - a) * share) for a, b in zip(start, end, strict=True))
    return red, green, blue


def _rgb(colour: str) -> tuple[int, int, int]:
    return (int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16))
