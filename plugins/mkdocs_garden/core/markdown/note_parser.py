"""The one markdown-it-py parser of notes: CommonMark + GFM + Obsidian, as Obsidian reads them.

CommonMark, with GFM's tables, strikethrough (`~~`), task lists and autolinks; footnotes,
inline ones (`^[…]`) included; `$`/`$$` math; and Obsidian's own syntax, one plugin a module:
wikilinks and embeds, callouts, `==highlights==`, `#tags`, block ids, Markdown images whose
paths hold spaces. `%%comments%%` are gone before a note is parsed (`comments.py`).
"""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.gfm_autolink import gfm_autolink_plugin

from .autolinks import autolinks_plugin
from .block_ids import block_ids_plugin
from .callouts import callouts_plugin
from .depth_limit import depth_limit_plugin
from .heading_ids import heading_ids_plugin
from .highlights import highlights_plugin
from .loose_images import loose_images_plugin
from .tags import tags_plugin
from .wikilink import wikilink_plugin


@lru_cache(maxsize=4)
def note_parser(breaks: bool, heading_ids: bool = False) -> MarkdownIt:
    """The parser; `breaks` shows a single newline as a line break (Obsidian's default, off
    when the vault turns on "Strict line breaks"). `heading_ids` reads `{ #id }` after a
    heading, for Markdown other plugins add to a page (never in notes)."""
    md = MarkdownIt("commonmark", {"html": True, "breaks": breaks})
    md.use(depth_limit_plugin)
    md.enable(["table", "strikethrough"])
    md.options["tasklists"] = True
    md.use(gfm_autolink_plugin)
    md.use(autolinks_plugin)
    md.use(footnote_plugin, inline=True)
    md.use(dollarmath_plugin, allow_space=False, allow_digits=True, double_inline=True)
    md.use(wikilink_plugin)
    md.use(tags_plugin)
    md.use(highlights_plugin)
    md.use(loose_images_plugin)
    md.use(callouts_plugin)
    md.use(block_ids_plugin)
    if heading_ids:
        md.use(heading_ids_plugin)
    return md
