"""The sentence around a link, as plain text: what a backlink shows of the linking note."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..markdown.wikilink import parse_wikilink

MAX_SIDE = 60
"""Characters kept on each side of the link; longer sentences are cut with an ellipsis."""

WINDOW = 200
"""Characters of the line read on each side of the link."""
_SENTENCE_END = "。！？!?；;"
_CELL = "|"
_EMPHASIS = r"\*\*|__|==|~~|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`"
# One pass: a wikilink (its text), a Markdown link (its label), an HTML tag or an emphasis mark
# (nothing). A wikilink's text is shown as written, as the page shows it.
_MARKUP_PART = re.compile(
    r"(?P<wikilink>!?\[\[[^\[\]\n]+\]\])"
    r"|!?\[(?P<label>[^\[\]\n]*)\]\([^()\n]*\)"
    r"|<[^<>\n]+>"
    rf"|{_EMPHASIS}"
)
_EMPHASIS_MARK = re.compile(_EMPHASIS)
_LINE_MARKS = re.compile(r"^(?:[ \t]*(?:>|[-*+]|\d+[.)]|#{1,6}|\[[ xX]\])[ \t]+)+")
_BLOCK_ID = re.compile(r"\s\^[A-Za-z0-9-]+\s*$")
_SPACES = re.compile(r"\s+")
_MARKUP = re.compile(r"[\[<*_=~`\t]|\s\s")


@dataclass(frozen=True)
class Context:
    """The linking sentence split around the link: `before`, the link's `text`, `after`."""

    before: str
    text: str
    after: str


def link_context(body: str, start: int, end: int, text: str) -> Context:
    """The sentence of `body` holding the link at `[start, end)`, shown as `text`."""
    # Only a window around the link is read, so a line of 10,000 links costs no more per link.
    line_start = max(body.rfind("\n", max(start - WINDOW, 0), start) + 1, start - WINDOW)
    line_end = body.find("\n", end, end + WINDOW)
    line_end = min(len(body), end + WINDOW) if line_end == -1 else line_end
    before = _plain(_LINE_MARKS.sub("", body[line_start:start]))
    after = _plain(_BLOCK_ID.sub("", body[end:line_end]))
    before = before[_last_sentence_start(before) :].lstrip()
    after = after[: _first_sentence_end(after)].rstrip()
    return Context(_clip_left(before), _plain(text), _clip_right(after))


def _last_sentence_start(text: str) -> int:
    return max(text.rfind(mark) for mark in (*_SENTENCE_END, _CELL)) + 1


def _first_sentence_end(text: str) -> int:
    """Where the sentence ends: after its closing mark, or before a table cell's edge."""
    ends = [index + 1 for index in (text.find(mark) for mark in _SENTENCE_END) if index != -1]
    cell = text.find(_CELL)
    ends += [cell] if cell != -1 else []
    return min(ends) if ends else len(text)


def _plain(markdown: str) -> str:
    """Markdown of part of a line, as the text a reader sees."""
    if not _MARKUP.search(markdown):
        return markdown
    return _SPACES.sub(" ", _MARKUP_PART.sub(_text_of, markdown))


def _text_of(match: re.Match[str]) -> str:
    wikilink, label = match.group("wikilink", "label")
    if wikilink is not None:
        return _display(wikilink)
    return "" if label is None else _EMPHASIS_MARK.sub("", label)


@lru_cache(maxsize=8192)
def _display(raw: str) -> str:
    """A wikilink's text; a link often stands in the sentences of several others."""
    link = parse_wikilink(raw)
    return raw if link is None else link.display


def _clip_left(text: str) -> str:
    return text if len(text) <= MAX_SIDE else "…" + text[-MAX_SIDE:].lstrip()


def _clip_right(text: str) -> str:
    return text if len(text) <= MAX_SIDE else text[:MAX_SIDE].rstrip() + "…"
