"""The one markdown-it-py parser that decides what is code, math, a link or a heading."""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin

from .loose_images import loose_images_plugin
from .spans import spans_plugin
from .tags import tags_plugin
from .wikilink import wikilink_plugin

# Inline content holding none of these has nothing Garden reads or rewrites.
_INLINE_SYNTAX = frozenset("[<$^#")
PARSE_ALL_INLINE = "garden_parse_all_inline"
"""Set in `env` to parse every inline content (to find every code span, say)."""


@lru_cache(maxsize=1)
def obsidian_parser() -> MarkdownIt:
    """CommonMark with tables, `$` math, footnotes, admonitions and wikilinks.

    Admonitions (`!!! note`) are parsed so that their indented bodies are read as Markdown, as
    Python-Markdown reads them, and not as indented code. Math follows arithmatex's rules: no
    space inside the dollars, digits around them allowed.
    """
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    dollarmath_plugin(md, allow_space=False, allow_digits=True, double_inline=True)
    footnote_plugin(md)
    admon_plugin(md)
    wikilink_plugin(md)
    tags_plugin(md)
    loose_images_plugin(md)
    spans_plugin(md)
    md.core.ruler.at("inline", _inline_where_needed)
    return md


def _inline_where_needed(state: StateCore) -> None:
    """markdown-it's inline stage, skipped for text with no syntax of interest (most prose)."""
    previous_type = ""
    parse_all = bool(state.env.get(PARSE_ALL_INLINE))
    for token in state.tokens:
        if token.type == "inline":
            token.children = []
            wanted = parse_all or previous_type == "heading_open"
            if wanted or not _INLINE_SYNTAX.isdisjoint(token.content):
                state.md.inline.parse(token.content, state.md, state.env, token.children)
        previous_type = token.type
