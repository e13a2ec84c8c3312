"""Where inline tokens stand in the note's source.

markdown-it-py gives block tokens a line range but inline tokens no position at all, and a
block's inline content has its container prefixes (`> `, list indents) removed. We record
each inline token's offsets within that content as the rules run, then map content offsets
back to the source. Rewrites of the source are then exact, and never touch code or math.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.helpers import parseLinkDestination, parseLinkLabel
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

SPAN = "span"
DESTINATION = "destination"

RuleFn = Callable[[StateInline, bool], bool]


TRACKED_RULES = (
    "wikilink",
    "link",
    "image",
    "html_inline",
    "autolink",
    "math_inline",
    "backticks",
    "obsidian_tag",
    "loose_image",
)


def spans_plugin(md: MarkdownIt, rules: tuple[str, ...] = TRACKED_RULES) -> None:
    """Record `meta["span"]` on the tokens of `rules` (and `meta["destination"]` on links).

    Only the rules whose tokens are rewritten are wrapped: the wrapper runs on every call,
    and the text rule alone is called for most characters of a note.
    """
    ruler = md.inline.ruler
    for rule in ruler.__rules__:
        if rule.name.startswith(rules):
            rule.fn = _tracking(rule.fn, rule.name)
    ruler.__cache__ = None


def _tracking(fn: RuleFn, name: str) -> RuleFn:
    is_link = name in ("link", "image")

    def rule(state: StateInline, silent: bool) -> bool:
        start, count = state.pos, len(state.tokens)
        flushes_pending_text = bool(state.pending)
        if not fn(state, silent):
            return False
        if silent:
            return True
        new_tokens = state.tokens[count + flushes_pending_text :]
        for token in new_tokens:
            token.meta.setdefault(SPAN, (start, state.pos))
        if is_link and new_tokens:
            destination = _destination_span(state, start + (name == "image"))
            if destination is not None:
                new_tokens[0].meta[DESTINATION] = destination
        return True

    return rule


def _destination_span(state: StateInline, label_start: int) -> tuple[int, int] | None:
    """Offsets of `dest` in `[label](dest "title")`; None for reference links."""
    end_pos = state.pos
    label_end = parseLinkLabel(state, label_start, True)
    state.pos = end_pos
    pos = label_end + 1
    src = state.src
    if label_end < 0 or pos >= len(src) or src[pos] != "(":
        return None
    pos += 1
    while pos < end_pos and src[pos] in " \t\n":
        pos += 1
    result = parseLinkDestination(src, pos, end_pos)
    if not result.ok or result.pos == pos:
        return None
    return (pos, result.pos)


class SourceLines:
    """Line starts of a text, for turning offsets into line numbers and back."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0, *(m.end() for m in re.finditer("\n", text))]

    def line(self, index: int) -> str:
        start = self.starts[index]
        end = self.starts[index + 1] - 1 if index + 1 < len(self.starts) else len(self.text)
        return self.text[start:end]

    def offset(self, line: int) -> int:
        """Where `line` starts (the text's end for a line past it)."""
        return self.starts[line] if line < len(self.starts) else len(self.text)

    def line_of(self, offset: int) -> int:
        """0-based line holding `offset`."""
        return bisect.bisect_right(self.starts, offset) - 1


class ContentMap:
    """Maps offsets in a block token's content to offsets in the source."""

    def __init__(self, lines: SourceLines, token: Token, cursors: dict[int, int]) -> None:
        assert token.map is not None
        self.lines = lines
        self.first_line = token.map[0]
        self.content_starts = [0]
        self.columns: list[Callable[[int], int] | None] = []
        content_lines = token.content.split("\n")
        single = len(content_lines) == 1
        for index, content_line in enumerate(content_lines):
            if index:
                self.content_starts.append(
                    self.content_starts[-1] + len(content_lines[index - 1]) + 1
                )
            line_no = self.first_line + index
            if line_no >= len(lines.starts):
                self.columns.append(None)
                continue
            column = _align(lines.line(line_no), content_line, single, cursors.get(line_no, 0))
            self.columns.append(column)
            if column is not None and single:
                cursors[line_no] = column(len(content_line))

    def to_source(self, offset: int) -> int | None:
        index = bisect.bisect_right(self.content_starts, offset) - 1
        column = self.columns[index] if index < len(self.columns) else None
        if column is None:
            return None
        return self.lines.starts[self.first_line + index] + column(
            offset - self.content_starts[index]
        )

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        source_start, source_end = self.to_source(start), self.to_source(end)
        if source_start is None or source_end is None:
            return None
        return (source_start, source_end)


def _align(source: str, content: str, single: bool, cursor: int) -> Callable[[int], int] | None:
    """How columns of `content` map into `source`, the line it was cut from."""
    if not single:
        trimmed = source.rstrip()
        for candidate in (source, trimmed):
            if candidate.endswith(content):
                base = len(candidate) - len(content)
                return lambda column: base + column
    base = source.find(content, cursor)
    if base != -1:
        return lambda column: base + column
    if "|" in content:
        return _align_unescaped_pipes(source, content, cursor)
    return _align_expanded_tab(source, content)


def _align_expanded_tab(source: str, content: str) -> Callable[[int], int] | None:
    """markdown-it writes a tab that list indentation only partly used as spaces."""
    text = content.lstrip(" ")
    if not text or not source.endswith(text) or "\t" not in source[: len(source) - len(text)]:
        return None
    base, padding = len(source) - len(text), len(content) - len(text)
    return lambda column: base + max(column - padding, 0)


def _align_unescaped_pipes(source: str, content: str, cursor: int) -> Callable[[int], int] | None:
    """Table cells hold `|` where the source wrote `\\|`."""
    pattern = "".join(r"\\?\|" if char == "|" else re.escape(char) for char in content)
    match = re.compile(pattern).search(source, cursor)
    if match is None:
        return None
    positions: list[int] = []
    position = match.start()
    for char in content:
        if char == "|" and source[position] == "\\":
            position += 1
        positions.append(position)
        position += 1
    positions.append(position)
    return lambda column: positions[column]


def token_span(token: Token) -> tuple[int, int] | None:
    span: Any = token.meta.get(SPAN) if token.meta else None
    return span if isinstance(span, tuple) else None
