"""Bare URLs (GFM autolinks) end where Chinese text resumes: `见 https://example.com/a，后文`
links `https://example.com/a`, not the comma and the words after it. A URL is cut at its
first full-width punctuation mark, and its host at its first non-ASCII character."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.common.normalize_url import normalizeLink
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

# CJK symbols and punctuation, full-width forms, and the corner and curly quotes.
_WIDE_PUNCTUATION = re.compile(r"[\u3000-\u303f\uff00-\uffef\u2018-\u201f\u2026]")
_HOST = re.compile(r"^((?:[a-z][a-z0-9+.-]*:)?/*)([^/?#]*)", re.IGNORECASE)


def autolinks_plugin(md: MarkdownIt) -> None:
    md.core.ruler.after("inline", "garden_autolinks", _trim_autolinks)


def _trim_autolinks(state: StateCore) -> None:
    for token in state.tokens:
        children = token.children
        if token.type != "inline" or not children:
            continue
        index = 0
        while index + 2 < len(children):
            opening, text = children[index], children[index + 1]
            if opening.type == "link_open" and opening.info == "auto" and text.type == "text":
                _trim(children, index, opening, text)
            index += 1


def _trim(children: list[Token], index: int, opening: Token, text: Token) -> None:
    url = text.content
    cut = _cut(url)
    if cut == len(url):
        return
    kept, rest = url[:cut], url[cut:]
    text.content = kept
    opening.attrSet("href", normalizeLink(("http://" if kept.startswith("www.") else "") + kept))
    after = Token("text", "", 0, content=rest)
    children.insert(index + 3, after)


def _cut(url: str) -> int:
    """Where the URL written as `url` really ends."""
    end = len(url)
    punctuation = _WIDE_PUNCTUATION.search(url)
    if punctuation:
        end = punctuation.start()
    host = _HOST.match(url)
    if host:
        for offset, char in enumerate(host.group(2)):
            if not char.isascii():
                end = min(end, host.start(2) + offset)
                break
    return end
