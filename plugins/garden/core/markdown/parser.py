"""The one markdown-it-py parser that decides what is code, math, a link or a heading."""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin

from .spans import spans_plugin
from .wikilink import wikilink_plugin


@lru_cache(maxsize=1)
def obsidian_parser() -> MarkdownIt:
    """CommonMark with tables, `$` math, footnotes, admonitions and wikilinks.

    Admonitions (`!!! note`) are parsed so that their indented bodies are read as Markdown, as
    Python-Markdown reads them, and not as indented code.
    """
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    dollarmath_plugin(md, allow_space=False, allow_digits=False, double_inline=True)
    footnote_plugin(md)
    admon_plugin(md)
    wikilink_plugin(md)
    spans_plugin(md)
    return md
