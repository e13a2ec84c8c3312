"""Obsidian comments, `%%hidden%%`, inline or spanning lines and paragraphs, removed from a note
before anything else reads it: they reach no page, search index, link or preview.

A `%%` inside code or math does not count. A comment that is never closed hides the rest of
the note, as in Obsidian. Line breaks inside a comment are kept, so that line numbers in
messages still match the file.
"""

from __future__ import annotations

import re

from markdown_it.token import Token

from .parser import PARSE_ALL_INLINE, obsidian_parser
from .spans import ContentMap, SourceLines, token_span

MARKER = "%%"
_CODE_BLOCKS = ("fence", "code_block", "math_block", "math_block_label")
_CODE_INLINE = ("code_inline", "math_inline", "math_inline_double")


def strip_comments(text: str) -> str:
    if MARKER not in text:
        return text
    protected = _code_and_math(text)
    markers = [
        match.start()
        for match in re.finditer(re.escape(MARKER), text)
        if not any(start <= match.start() < end for start, end in protected)
    ]
    parts: list[str] = []
    position = 0
    for opening, closing in zip(markers[::2], [*markers[1::2], None], strict=False):
        end = len(text) if closing is None else closing + len(MARKER)
        parts.append(text[position:opening])
        parts.append("\n" * text.count("\n", opening, end))
        position = end
    parts.append(text[position:])
    return "".join(parts)


def _code_and_math(text: str) -> list[tuple[int, int]]:
    """Offsets of every code block, code span and math in `text`."""
    lines = SourceLines(text)
    tokens = obsidian_parser().parse(text, {PARSE_ALL_INLINE: True})
    ranges: list[tuple[int, int]] = []
    cursors: dict[int, int] = {}
    for token in tokens:
        if token.type in _CODE_BLOCKS and token.map is not None:
            ranges.append((_line_start(lines, token.map[0]), _line_start(lines, token.map[1])))
        elif token.type == "inline" and token.map is not None:
            ranges.extend(_inline_code(lines, token, cursors))
    return ranges


def _inline_code(
    lines: SourceLines, token: Token, cursors: dict[int, int]
) -> list[tuple[int, int]]:
    content_map = ContentMap(lines, token, cursors)
    found = []
    for child in token.children or []:
        offsets = token_span(child)
        if child.type in _CODE_INLINE and offsets is not None:
            span = content_map.span(*offsets)
            if span is not None:
                found.append(span)
    return found


def _line_start(lines: SourceLines, index: int) -> int:
    return lines.starts[index] if index < len(lines.starts) else len(lines.text)
