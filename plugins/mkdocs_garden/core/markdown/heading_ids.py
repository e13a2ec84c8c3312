"""`## 标题 { #id }`: a heading that names its own id, in the attribute-list form of
Python-Markdown. Obsidian has no such syntax, so notes are never parsed with this rule; it
reads only Markdown another plugin has added to a page (Material's tags plugin marks where a
listing goes with such a heading). It runs before inline parsing, so that `#id` is never read
as a tag."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore

HEADING_ID = "heading_id"
_ATTRIBUTE = re.compile(r"[ \t]*\{[ \t]*#([^\s{}]+)[ \t]*\}[ \t]*$")


def heading_ids_plugin(md: MarkdownIt) -> None:
    md.core.ruler.after("block", "heading_ids", _heading_ids)


def _heading_ids(state: StateCore) -> None:
    tokens = state.tokens
    for index, token in enumerate(tokens[:-1]):
        if token.type != "heading_open":
            continue
        inline = tokens[index + 1]
        match = _ATTRIBUTE.search(inline.content)
        if match is not None:
            inline.content = inline.content[: match.start()]
            token.meta[HEADING_ID] = match.group(1)
