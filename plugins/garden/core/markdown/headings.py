"""Headings of an embedded note, kept as headings for the reader but out of the host page's
table of contents: each becomes a `role="heading"` element that Python-Markdown (md_in_html)
still fills with Markdown."""

from __future__ import annotations

import re

from .parser import obsidian_parser

_ATX = re.compile(r"^([ \t>]*)#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")


def demote_headings(markdown: str) -> str:
    if "#" not in markdown:
        return markdown
    lines = markdown.split("\n")
    for token in obsidian_parser().parse(markdown, {}):
        if (
            token.type != "heading_open"
            or token.map is None
            or token.markup != "#" * len(token.markup)
        ):
            continue
        number = token.map[0]
        match = _ATX.match(lines[number])
        if match:
            level = token.tag[1]
            lines[number] = (
                f'{match.group(1)}<div class="garden-embed-heading" role="heading" '
                f'aria-level="{level}" markdown="span">{match.group(2)}</div>'
            )
    return "\n".join(lines)
