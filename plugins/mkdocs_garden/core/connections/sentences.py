"""What a backlink quotes of the note that links, as the note shows it: the sentence around the
link (bold, code and formulas as on the page, the link marked, other links as their text), or,
for an embed, the part of the page it embeds."""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass

from ..page.context import MAX_SIDE, WINDOW, Around, Piece, ShownText
from ..page.model import CLOSE, EMBED, MARK_END, MARK_START, OPEN, URL

EXCERPT_CHARS = 120
"""Characters of an embedded block a backlink quotes."""
_MARKER = re.compile(f"{MARK_START}([{OPEN}{CLOSE}{EMBED}{URL}])(\\d+){MARK_END}")
_TAG_NAME = re.compile(r"<([A-Za-z][A-Za-z0-9]*)")


@dataclass(frozen=True, slots=True)
class Cut:
    """A range of a text to show, and whether text was left out before or after it."""

    start: int
    end: int
    clipped_start: bool = False
    clipped_end: bool = False


def sentence_html(links: Sequence[Around]) -> str:
    """The sentence holding `links` (of one text, all in one sentence, in order), with each of
    them marked; a long one is clipped around them."""
    first, last = links[0], links[-1]
    start, end = first.sentence()
    text = first.shown.text
    cut = Cut(start, end)
    if first.start - start > MAX_SIDE:
        cut = Cut(_after_space(text, first.start - MAX_SIDE), cut.end, True)
    if end - last.end > MAX_SIDE:
        cut = Cut(cut.start, _before_space(text, last.end + MAX_SIDE), cut.clipped_start, True)
    return shown_html(first.shown, cut, {link.index for link in links})


def excerpt_html(shown: ShownText, chars: int = EXCERPT_CHARS) -> str:
    """The start of a text, as shown, with no link marked."""
    if len(shown.text) <= chars:
        return shown_html(shown, Cut(0, len(shown.text)), ())
    return shown_html(shown, Cut(0, _before_space(shown.text, chars), False, True), ())


def shown_html(shown: ShownText, cut: Cut, marked: Collection[int]) -> str:
    """`shown.text[cut.start:cut.end]` in HTML: the elements open where it starts are opened
    again, those open where it ends are closed, and a piece partly outside it (a formula at a
    clipped end) is left out whole."""
    text, out = shown.text, list[str]()
    opened: list[tuple[str, str]] = []  # the opening and closing tags of open elements
    position = cut.start
    begun = False
    for piece in _near(shown.pieces, cut.start):
        piece_html = _links_marked(piece.html, marked)
        if _before(piece, cut):
            _track(opened, piece_html, piece.nesting)
            continue
        if not begun:
            out.extend(opening for opening, _ in opened)
            begun = True
        if _after(piece, cut):
            break
        if piece.start < cut.start:  # crossing the start: left out
            position = piece.end
            continue
        out.append(html.escape(text[position : min(piece.start, cut.end)]))
        if piece.end > cut.end:  # crossing the end: left out
            position = cut.end
            break
        position = piece.end
        if piece.nesting == -1:
            out.append(opened.pop()[1] if piece_html and opened else "")
        else:
            out.append(piece_html)
            _track(opened, piece_html, piece.nesting)
    if not begun:
        out.extend(opening for opening, _ in opened)
    out.append(html.escape(text[position : cut.end]))
    out.extend(closing for _, closing in reversed(opened))
    body = "".join(out)
    return ("…" if cut.clipped_start else "") + body + ("…" if cut.clipped_end else "")


def _near(pieces: Sequence[Piece], start: int) -> Iterator[Piece]:
    """The pieces from a window before `start` on: an element opened further back is not
    opened again, so that a paragraph of 10,000 links is quoted in linear time."""
    first = bisect.bisect_left(pieces, start - WINDOW, key=lambda piece: piece.start)
    if first and pieces[first - 1].end > start - WINDOW:  # a piece reaching into the window
        first -= 1
    return (pieces[index] for index in range(first, len(pieces)))


def _before(piece: Piece, cut: Cut) -> bool:
    """Wholly before the cut (an element closing where the cut starts is too)."""
    if piece.end != cut.start:
        return piece.end < cut.start
    return piece.start < cut.start or piece.nesting == -1


def _after(piece: Piece, cut: Cut) -> bool:
    """Wholly after the cut (an element opening where the cut ends is too)."""
    if piece.start != cut.end:
        return piece.start > cut.end
    return piece.end > piece.start or piece.nesting == 1


def _links_marked(piece_html: str, marked: Collection[int]) -> str:
    """A piece's link markers made final: the marked links' as `<mark>`, the others' gone."""
    if MARK_START not in piece_html:
        return piece_html

    def replace(match: re.Match[str]) -> str:
        kind, index = match.group(1), int(match.group(2))
        if index not in marked or kind not in (OPEN, CLOSE):
            return ""
        return "<mark>" if kind == OPEN else "</mark>"

    return _MARKER.sub(replace, piece_html)


def _track(opened: list[tuple[str, str]], piece_html: str, nesting: int) -> None:
    if not piece_html or nesting == 0:
        return
    if nesting == 1:
        name = _TAG_NAME.match(piece_html)
        opened.append((piece_html, f"</{name.group(1)}>" if name else ""))
    elif opened:
        opened.pop()


def _after_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def _before_space(text: str, position: int) -> int:
    while position > 0 and text[position - 1].isspace():
        position -= 1
    return position
