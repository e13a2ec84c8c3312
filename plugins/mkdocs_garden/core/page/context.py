"""The text around links as a reader sees it: what a backlink shows of the note that links.

Each paragraph (list item, table row, heading, property) holding a link is kept as its plain
text, to find sentences in, and the pieces of its HTML that are more than text: formatting,
code, formulas and links (with the markers that say which link is which). A backlink cuts one
sentence out of it and shows it formatted as the note shows it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

MAX_SIDE = 60
"""Characters kept on each side of the link; longer sentences are cut with an ellipsis."""
WINDOW = 200
"""Characters read on each side of the link: a paragraph of 10,000 links stays linear."""
_SENTENCE_END = "。！？!?；;"
_LAST_END = re.compile(f".*[{_SENTENCE_END}]", re.S)
_FIRST_END = re.compile(f"[{_SENTENCE_END}]")
_NO_SENTENCE_END = str.maketrans(dict.fromkeys(_SENTENCE_END, "·"))


class Piece(NamedTuple):
    """A part of the text that is more than characters: `text[start:end]` shows as `html`."""

    start: int
    end: int
    html: str
    """Its HTML in a sentence; it may hold the markers of links (see `model.py`)."""
    nesting: int = 0
    """1 opens an element (bold, a link) that a later piece closes (-1); 0 stands alone."""


@dataclass(frozen=True, slots=True)
class ShownText:
    """A paragraph (list item, table row, heading, property) as the reader sees it."""

    text: str
    """Its plain text; a formula, code or link in it holds no sentence end."""
    pieces: tuple[Piece, ...]
    """In order; the text between them is shown as it is."""


@dataclass(frozen=True, slots=True)
class Around:
    """Where a link stands in the text shown around it."""

    shown: ShownText
    index: int
    """The link's place among its note's links: its markers in the pieces."""
    start: int
    end: int

    def sentence(self) -> tuple[int, int]:
        """The sentence holding the link, as a range of the text (not clipped yet)."""
        text = self.shown.text
        window_start = max(0, self.start - WINDOW)
        found = _LAST_END.match(text, window_start, self.start)
        start = found.end() if found else window_start
        after = _FIRST_END.search(text, self.end, self.end + WINDOW)
        end = after.end() if after else min(len(text), self.end + WINDOW)
        while start < self.start and text[start].isspace():
            start += 1
        while end > self.end and text[end - 1].isspace():
            end -= 1
        return start, end


class TextBuilder:
    """The shown text of one paragraph, built as its inline content is rendered."""

    def __init__(self) -> None:
        self._chunks: list[str] = []
        self._pieces: list[Piece] = []
        self.size = 0

    def add_text(self, text: str) -> None:
        self._chunks.append(text)
        self.size += len(text)

    def add_piece(self, start: int, html: str, nesting: int = 0) -> None:
        """The HTML of what the text from `start` to here shows (its text is added already)."""
        self._pieces.append(Piece(start, self.size, html, nesting))

    def build(self) -> ShownText:
        text = "".join(self._chunks)
        if self._pieces:
            text = _sealed(text, self._pieces)
        return ShownText(text, tuple(self._pieces))


def _sealed(text: str, pieces: list[Piece]) -> str:
    """`text` with no sentence end inside a piece: a sentence is never cut in a formula."""
    parts: list[str] = []
    position = 0
    for piece in pieces:
        if piece.end > piece.start:
            parts.append(text[position : piece.start])
            parts.append(text[piece.start : piece.end].translate(_NO_SENTENCE_END))
            position = piece.end
    parts.append(text[position:])
    return "".join(parts)
