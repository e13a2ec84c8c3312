"""`[[target#heading|alias]]` and `![[embed]]` as markdown-it-py inline tokens."""

from __future__ import annotations

import sys
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

TOKEN = "wikilink"


@dataclass(frozen=True)
class WikiLink:
    target: str
    """What stands before `#` or `|`; empty for a link into the same note."""
    subpath: tuple[str, ...]
    """Headings, outermost first, or a single `^block-id`."""
    alias: str | None
    embed: bool
    raw: str

    @property
    def block_id(self) -> str | None:
        if len(self.subpath) == 1 and self.subpath[0].startswith("^"):
            return self.subpath[0][1:]
        return None

    @property
    def display(self) -> str:
        """The text Obsidian shows for the link when it has no alias."""
        if self.alias is not None:
            return self.alias
        target = self.target[:-3] if self.target.lower().endswith(".md") else self.target
        return " > ".join(part for part in (target, *self.subpath) if part)


def parse_wikilink(raw: str) -> WikiLink | None:
    """The link written as `raw` (`[[...]]` or `![[...]]`), or None if it is not one."""
    embed = raw.startswith("!")
    inner = raw[3 if embed else 2 : -2]
    if not inner or "\n" in inner or "[[" in inner or "]]" in inner:
        return None
    link_part, alias = _split_alias(inner)
    target, *headings = link_part.split("#")
    # Interned: a vault names the same notes and headings in thousands of links.
    subpath = tuple(sys.intern(part.strip()) for part in headings if part.strip())
    target = sys.intern(target.strip())
    if not target and not subpath:
        return None
    return WikiLink(target, subpath, alias, embed, raw)


def _split_alias(inner: str) -> tuple[str, str | None]:
    bar = inner.find("|")
    if bar == -1:
        return inner, None
    link_end = bar - 1 if bar > 0 and inner[bar - 1] == "\\" else bar
    return inner[:link_end], inner[bar + 1 :].strip() or None


def wikilink_plugin(md: MarkdownIt) -> None:
    md.inline.ruler.before("link", TOKEN, _wikilink_rule)


def _wikilink_rule(state: StateInline, silent: bool) -> bool:
    # Silent calls come from link-label scanning: declining there lets `[text [[note]]](url)`
    # stay one Markdown link, as Obsidian shows it; the wikilink then becomes plain text.
    if silent:
        return False
    src, pos = state.src, state.pos
    start = pos + 1 if src.startswith("![[", pos) else pos
    if not src.startswith("[[", start):
        return False
    end = src.find("]]", start + 2)
    if end == -1 or end + 2 > state.posMax:
        return False
    link = parse_wikilink(src[pos : end + 2])
    if link is None:
        return False
    token = state.push(TOKEN, "", 0)
    token.content = link.raw
    token.meta = {"link": link}
    state.pos = end + 2
    return True
