"""The sentence around a link, in the text a reader sees: what a backlink shows of the note
that links."""

from __future__ import annotations

from .model import Context

MAX_SIDE = 60
"""Characters kept on each side of the link; longer sentences are cut with an ellipsis."""
WINDOW = 200
"""Characters read on each side of the link: a paragraph of 10,000 links stays linear."""
_SENTENCE_END = "。！？!?；;"


def sentence_around(text: str, start: int, end: int, link_text: str) -> Context:
    """The sentence of `text` (a paragraph, list item, table cell or heading as plain text)
    holding the link that shows as `text[start:end]`."""
    before, after = text[max(0, start - WINDOW) : start], text[end : end + WINDOW]
    before = before[_last_sentence_start(before) :].lstrip()
    after = after[: _first_sentence_end(after)].rstrip()
    return Context(_clip_left(before), " ".join(link_text.split()), _clip_right(after))


def _last_sentence_start(text: str) -> int:
    return max(text.rfind(mark) for mark in _SENTENCE_END) + 1


def _first_sentence_end(text: str) -> int:
    ends = [index + 1 for index in (text.find(mark) for mark in _SENTENCE_END) if index != -1]
    return min(ends) if ends else len(text)


def _clip_left(text: str) -> str:
    return text if len(text) <= MAX_SIDE else "…" + text[-MAX_SIDE:].lstrip()


def _clip_right(text: str) -> str:
    return text if len(text) <= MAX_SIDE else text[:MAX_SIDE].rstrip() + "…"
