"""Obsidian's highlights, `==重点==`, as `<mark>`: a port of markdown-it's `mark` plugin, built
on the delimiter machinery strikethrough uses (so `==` pairs nest with emphasis the same way)."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.rules_inline.state_inline import Delimiter

_MARKER = "="


def highlights_plugin(md: MarkdownIt) -> None:
    md.inline.ruler.before("emphasis", "mark", _tokenize)
    md.inline.ruler2.before("emphasis", "mark", _post_process)


def _tokenize(state: StateInline, silent: bool) -> bool:
    if silent or state.src[state.pos] != _MARKER:
        return False
    scanned = state.scanDelims(state.pos, True)
    length = scanned.length
    if length < 2:
        return False
    if length % 2:
        token = state.push("text", "", 0)
        token.content = _MARKER
        length -= 1
    for _ in range(length // 2):
        token = state.push("text", "", 0)
        token.content = _MARKER * 2
        state.delimiters.append(
            Delimiter(
                marker=ord(_MARKER),
                length=0,
                token=len(state.tokens) - 1,
                end=-1,
                open=scanned.can_open,
                close=scanned.can_close,
            )
        )
    state.pos += scanned.length
    return True


def _post_process(state: StateInline) -> None:
    _pair(state, state.delimiters)
    for meta in state.tokens_meta:
        if meta and "delimiters" in meta:
            _pair(state, meta["delimiters"])


def _pair(state: StateInline, delimiters: list[Delimiter]) -> None:
    lone_markers: list[int] = []
    for start in delimiters:
        if start.marker != ord(_MARKER) or start.end == -1:
            continue
        end = delimiters[start.end]
        opening, closing = state.tokens[start.token], state.tokens[end.token]
        opening.type, opening.tag, opening.nesting = "mark_open", "mark", 1
        closing.type, closing.tag, closing.nesting = "mark_close", "mark", -1
        opening.markup = closing.markup = _MARKER * 2
        opening.content = closing.content = ""
        before = state.tokens[end.token - 1]
        if before.type == "text" and before.content == _MARKER:
            lone_markers.append(end.token - 1)
    # An odd run (`===`) left one `=` before its pairs: move it after the closing tags.
    while lone_markers:
        index = lone_markers.pop()
        last = index + 1
        while last < len(state.tokens) and state.tokens[last].type == "mark_close":
            last += 1
        last -= 1
        if index != last:
            state.tokens[index], state.tokens[last] = state.tokens[last], state.tokens[index]
