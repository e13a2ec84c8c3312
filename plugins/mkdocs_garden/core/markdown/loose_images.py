"""`![alt](附件/图 1.png)`: an image whose path holds spaces, which Obsidian shows and CommonMark
does not parse. Tried only where the CommonMark image rule failed; the token carries the
destination's span, like a link's, so the link layer rewrites it as a proper URL."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

TOKEN = "loose_image"
_LOOSE_IMAGE = re.compile(r"!\[([^\[\]\n]*)\]\(([^()<>\n]*\s[^()<>\n]*?)\)")


def loose_images_plugin(md: MarkdownIt) -> None:
    md.inline.ruler.after("image", TOKEN, _loose_image_rule)


def _loose_image_rule(state: StateInline, silent: bool) -> bool:
    if not state.src.startswith("![", state.pos):
        return False
    match = _LOOSE_IMAGE.match(state.src, state.pos, state.posMax)
    if match is None or not match.group(2).strip():
        return False
    if not silent:
        token = state.push(TOKEN, "img", 0)
        token.content = match.group(1)
        token.meta["destination"] = match.span(2)
        token.meta["src"] = match.group(2).strip()
    state.pos = match.end()
    return True
