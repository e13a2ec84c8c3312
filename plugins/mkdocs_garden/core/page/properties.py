"""Links in a note's properties: `related: "[[笔记]]"`, `up: ["[[A]]", "[[B]]"]`, `source:
"[文章](https://…)"`. They are links like those of the body: resolved once with them, counted by
backlinks and the graph, and shown, for the properties a site lists, in a compact block at the
top of the page (Obsidian's properties view, reduced to what a reader needs)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from typing import Any

from ..markdown.wikilink import parse_wikilink
from ..urls import has_scheme
from .context import Around, TextBuilder
from .model import CLOSE, OPEN, LinkKind, LinkUse, marker
from .writer import PageWriter

GARDENS_OWN = frozenset(
    (
        "publish",
        "title",
        "description",
        "aliases",
        "alias",
        "tags",
        "tag",
        "cssclasses",
        "cssclass",
        "permalink",
        "image",
        "cover",
    )
)
"""Properties Garden reads as what they are (an alias is a name, not a link)."""
_WEB = re.compile(r"https?://", re.IGNORECASE)
_LINK = re.compile(r"(!?\[\[[^\[\]\n]+\]\])|\[([^\[\]\n]*)\]\(([^()\s]+)\)")


def property_links(
    writer: PageWriter,
    properties: Mapping[str, Any],
    key_lines: Mapping[str, int],
    shown: Iterable[str],
) -> str:
    """Record the links of every property with the writer (before the body's, so that they
    come first), and return the HTML of the block of the `shown` properties, with link
    markers; empty when none of them has a value."""
    wanted = [key.casefold() for key in shown]
    rows: list[str] = []
    for key, value in properties.items():
        if key in GARDENS_OWN and key not in wanted:
            continue
        values = _texts(value)
        if not any(_LINK.search(text) for text in values) and key not in wanted:
            continue
        line = key_lines.get(key, writer.body_line) - writer.body_line
        cells = [_value(writer, key, text, line) for text in values]
        if key in wanted and cells:
            rows.append(f"<dt>{html.escape(key)}</dt><dd>{'、'.join(cells)}</dd>")
    if not rows:
        return ""
    return f'<dl class="garden-properties">{"".join(rows)}</dl>\n'


def _texts(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, list):
        return [item for item in value if isinstance(item, str) and item.strip()]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return [str(value)]
    return []


def _value(writer: PageWriter, key: str, text: str, line: int) -> str:
    """One value as HTML: its text escaped, each link in it a marked link. Its links' sentence
    is the property itself (`key: value`)."""
    parts: list[str] = []
    shown = TextBuilder()
    shown.add_text(f"{key}: ")
    uses: list[tuple[LinkUse, int, int, int]] = []
    position = 0
    for match in _LINK.finditer(text):
        parts.append(html.escape(text[position : match.start()]))
        shown.add_text(text[position : match.start()])
        use = _link_use(match)
        if use is None and match.group(3) and _WEB.match(match.group(3)):
            label = match.group(2) or match.group(3)
            parts.append(
                f'<a href="{html.escape(match.group(3), quote=True)}">{html.escape(label)}</a>'
            )
            shown.add_text(label)
        elif use is None:
            parts.append(html.escape(match.group(0)))
            shown.add_text(match.group(0))
        else:
            index = writer.property_link(use, line)
            link_html = f"{marker(OPEN, index)}{html.escape(use.text)}{marker(CLOSE, index)}"
            parts.append(link_html)
            start = shown.size
            shown.add_text(use.text)
            shown.add_piece(start, link_html)
            uses.append((use, index, start, shown.size))
        position = match.end()
    parts.append(html.escape(text[position:]))
    shown.add_text(text[position:])
    sentence = shown.build()
    for use, index, start, end in uses:
        use.around = Around(sentence, index, start, end)
    return "".join(parts)


def _link_use(match: re.Match[str]) -> LinkUse | None:
    if match.group(1):
        link = parse_wikilink(match.group(1).removeprefix("!"))
        if link is None:
            return None
        return LinkUse(
            LinkKind.WIKI, link.target, link.subpath, text=link.display, alias=link.alias
        )
    label, target = match.group(2), match.group(3)
    if has_scheme(target):
        return None  # an address on the web: a plain link, not one of the site's
    return LinkUse(LinkKind.MARKDOWN, target, text=label or target)
