"""The one markdown-it-py parser that decides what is code, math, a link or a heading."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
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
PARSE_BLOCKS_ONLY = "garden_parse_blocks_only"
"""Set in `env` to skip the inline stage wherever it cannot change the blocks: only inline
content that may hold a footnote reference is parsed, so that footnote definitions are kept
(and moved to the end) just as in a full parse."""
_FOOTNOTE_REFERENCES = ("[^", "^[")


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


@contextmanager
def gc_paused() -> Iterator[None]:
    """Python's cycle collector held off while a note is parsed and read.

    A parse makes a few tokens per line of the note, and none of them in cycles: the collections
    their number sets off find nothing to free, yet cost about a third of the time (3.3 s ->
    2.3 s for a 5 MB note). Whatever the pause leaves is collected after it.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _inline_where_needed(state: StateCore) -> None:
    """markdown-it's inline stage, skipped for text with no syntax of interest (most prose)."""
    previous_type = ""
    parse_all = bool(state.env.get(PARSE_ALL_INLINE))
    blocks_only = bool(state.env.get(PARSE_BLOCKS_ONLY))
    for token in state.tokens:
        if token.type == "inline":
            token.children = []
            if blocks_only:
                wanted = any(mark in token.content for mark in _FOOTNOTE_REFERENCES)
            else:
                wanted = parse_all or previous_type == "heading_open"
                wanted = wanted or not _INLINE_SYNTAX.isdisjoint(token.content)
            if wanted:
                state.md.inline.parse(token.content, state.md, state.env, token.children)
        previous_type = token.type
