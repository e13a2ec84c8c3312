"""Where a card's title breaks into lines, measured in ems (no font needed): a Chinese, Japanese
or Korean character is one em wide and may break anywhere; other text breaks at spaces."""

from __future__ import annotations

import re
import unicodedata

ELLIPSIS = "…"
_TOKENS = re.compile(r"\s+|[\u2e80-\uffef]|[^\s\u2e80-\uffef]+")
_NO_LINE_START = set("，。、；：！？）》」』】〕”’,.;:!?)]}%")


def char_ems(char: str) -> float:
    """Roughly how wide one character is, in ems of a sans-serif font."""
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 1.0
    if char.isupper() or char in "mwMW@%":
        return 0.68
    if char in "iljtfr.,:;!'|":
        return 0.3
    return 0.55


def text_ems(text: str) -> float:
    return sum(char_ems(char) for char in text)


def wrap_title(title: str, line_ems: float, max_lines: int) -> list[str]:
    """The title in at most `max_lines` lines of at most `line_ems`; a title that does not fit
    ends with an ellipsis. A closing punctuation mark does not start a line: it hangs past the
    end of the one before (one mark; a run of them goes on to the next line)."""
    lines: list[str] = []
    line = ""
    for token in _TOKENS.findall(" ".join(title.split())):
        if token.isspace():
            line += " " if line else ""
            continue
        for piece in _pieces(token, line_ems):
            hangs = piece in _NO_LINE_START and text_ems(line) <= line_ems  # one mark may hang
            if line and text_ems(line + piece) > line_ems and not hangs:
                lines.append(line.rstrip())
                line = ""
            line += piece
    if line.strip():
        lines.append(line.rstrip())
    if len(lines) <= max_lines:
        return lines
    return [*lines[: max_lines - 1], _with_ellipsis(lines[max_lines - 1], line_ems)]


def _pieces(token: str, line_ems: float) -> list[str]:
    """A word longer than a line is cut where it reaches the line's end."""
    if text_ems(token) <= line_ems:
        return [token]
    pieces, piece = [], ""
    for char in token:
        if piece and text_ems(piece + char) > line_ems:
            pieces.append(piece)
            piece = ""
        piece += char
    return [*pieces, piece]


def _with_ellipsis(line: str, line_ems: float) -> str:
    while line and text_ems(line + ELLIPSIS) > line_ems:
        line = line[:-1]
    return line.rstrip() + ELLIPSIS
