"""Obsidian's inline tags, `#标签` and nested `#AI/注意力`, as markdown-it-py tokens.

A tag starts at `#` after a space or at the start of a line, and holds letters (any script),
digits, `_`, `-` and `/`, with at least one that is not a digit: `#1984` is not a tag, and
neither is the `#` of a heading, a URL fragment, a colour in HTML, or anything in code.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

TOKEN = "obsidian_tag"
_TAG = re.compile(r"#([\w/-]*[^\W\d][\w/-]*)")


def tags_plugin(md: MarkdownIt) -> None:
    md.inline.ruler.before("link", TOKEN, _tag_rule)


def _tag_rule(state: StateInline, silent: bool) -> bool:
    src, pos = state.src, state.pos
    if src[pos] != "#" or (pos > 0 and not src[pos - 1].isspace()):
        return False
    match = _TAG.match(src, pos, state.posMax)
    if match is None:
        return False
    if not silent:
        token = state.push(TOKEN, "", 0)
        token.content = match.group(1)
    state.pos = match.end()
    return True
