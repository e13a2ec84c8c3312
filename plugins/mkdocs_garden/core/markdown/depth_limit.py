"""Blocks nested deeper than `DEPTH_LIMIT` (a list 600 levels deep, say) are read as one
paragraph of their text. markdown-it would drop everything past its nesting limit; each
level also costs the parser a few frames of Python's stack. Obsidian shows such text, so
Garden shows it too, just without the deeper indentation."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

DEPTH_LIMIT = 40
"""Nesting of containers (quotes, lists, callouts) kept as structure."""
PARSER_NESTING = DEPTH_LIMIT + 20
"""markdown-it's own limit, which this rule keeps it from ever reaching."""


def depth_limit_plugin(md: MarkdownIt) -> None:
    md.options["maxNesting"] = PARSER_NESTING
    md.block.ruler.before("table", "depth_limit", _as_text, {"alt": ["paragraph"]})


def _as_text(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    if state.level < DEPTH_LIMIT:
        return False
    if silent:
        return True
    content = state.getLines(start_line, end_line, state.blkIndent, False).strip()
    state.line = end_line
    opening = state.push("paragraph_open", "p", 1)
    opening.map = [start_line, end_line]
    inline = state.push("inline", "", 0)
    inline.content = content
    inline.map = [start_line, end_line]
    inline.children = []
    state.push("paragraph_close", "p", -1)
    return True
