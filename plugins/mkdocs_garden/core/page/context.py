"""The sentence around a link, in the text a reader sees: what a backlink shows of the note
that links."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Context:
    """The sentence around a link as the reader sees it: `before`, the link's `text`, `after`."""

    before: str
    text: str
    after: str


MAX_SIDE = 60
"""Characters kept on each side of the link; longer sentences are cut with an ellipsis."""
WINDOW = 200
"""Characters read on each side of the link: a paragraph of 10,000 links stays linear."""
_SENTENCE_END = "。！？!?；;"
_LAST_END = re.compile(f".*[{_SENTENCE_END}]", re.S)
_FIRST_END = re.compile(f"[{_SENTENCE_END}]")


def sentence_around(text: str, start: int, end: int, link_text: str) -> Context:
    """The sentence of `text` (a paragraph, list item, table cell or heading as plain text)
    holding the link that shows as `text[start:end]`."""
    before, after = text[max(0, start - WINDOW) : start], text[end : end + WINDOW]
    before = before[_last_sentence_start(before) :].lstrip()
    after = after[: _first_sentence_end(after)].rstrip()
    return Context(_clip_left(before), " ".join(link_text.split()), _clip_right(after))


def _last_sentence_start(text: str) -> int:
    found = _LAST_END.match(text)
    return found.end() if found else 0


def _first_sentence_end(text: str) -> int:
    found = _FIRST_END.search(text)
    return found.end() if found else len(text)


def _clip_left(text: str) -> str:
    return text if len(text) <= MAX_SIDE else "…" + text[-MAX_SIDE:].lstrip()


def _clip_right(text: str) -> str:
    return text if len(text) <= MAX_SIDE else text[:MAX_SIDE].rstrip() + "…"
