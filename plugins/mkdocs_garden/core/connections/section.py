"""The HTML closing each note: its backlinks and its local graph."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

from ..text import fold
from .links import Link

SECTION_CLASS = "garden-connections"
MAX_CONTEXTS = 3
"""Sentences shown per linking note; the rest are counted."""
NO_BACKLINKS = "还没有其他笔记链接到这里。"


@dataclass(frozen=True)
class SectionOptions:
    show_empty: bool = True
    """Say so when nothing links to the note (else the heading is left out too)."""
    graph_src: str | None = None
    """URL of the graph JSON relative to the page, for the local graph; None: no graph."""
    graph_page: str | None = None
    """URL of the global graph page relative to the page."""


def connections_section(
    note_id: str,
    backlinks: list[Link],
    title_of: Callable[[str], str],
    url_of: Callable[[str], str],
    options: SectionOptions,
) -> str:
    """`url_of` gives a note's URL relative to the page; `title_of` its title."""
    parts = [_backlinks(backlinks, title_of, url_of, options)]
    if options.graph_src is not None:
        parts.append(_local_graph(note_id, options))
    body = "".join(part for part in parts if part)
    return f'<section class="{SECTION_CLASS}">{body}</section>' if body else ""


def _backlinks(
    backlinks: list[Link],
    title_of: Callable[[str], str],
    url_of: Callable[[str], str],
    options: SectionOptions,
) -> str:
    if not backlinks and not options.show_empty:
        return ""
    heading = f'<h2 id="garden-backlinks">反向链接 <small>{_count(backlinks)}</small></h2>'
    if not backlinks:
        return f'{heading}<p class="garden-backlinks-empty">{NO_BACKLINKS}</p>'
    by_source: dict[str, list[Link]] = {}
    for link in backlinks:
        by_source.setdefault(link.source, []).append(link)
    order = sorted(by_source, key=lambda source: (fold(title_of(source)), source))
    items = "".join(_item(s, by_source[s], title_of(s), url_of(s)) for s in order)
    return f'{heading}<ul class="garden-backlinks">{items}</ul>'


def _count(backlinks: list[Link]) -> str:
    return str(len({link.source for link in backlinks}))


def _item(source: str, links: list[Link], title: str, url: str) -> str:
    contexts = "".join(_context(link) for link in links[:MAX_CONTEXTS])
    more = len(links) - MAX_CONTEXTS
    extra = f'<p class="garden-backlink-more">还有 {more} 处</p>' if more > 0 else ""
    embed = (
        '<span class="garden-backlink-kind">嵌入</span>'
        if any(link.embed for link in links)
        else ""
    )
    link = f'<a href="{html.escape(url)}">{html.escape(title)}</a>'
    return f"<li>{link}{embed}{contexts}{extra}</li>"


def _context(link: Link) -> str:
    context = link.context
    return (
        '<p class="garden-backlink-context">'
        f"{html.escape(context.before)}<mark>{html.escape(context.text)}</mark>"
        f"{html.escape(context.after)}</p>"
    )


def _local_graph(note_id: str, options: SectionOptions) -> str:
    src = html.escape(options.graph_src or "")
    link = ""
    if options.graph_page is not None:
        link = f'<p><a href="{html.escape(options.graph_page)}">查看全局关系图谱</a></p>'
    return (
        '<h2 id="garden-local-graph">关系图谱</h2>'
        f'<div class="garden-graph garden-graph--local" data-graph-src="{src}"'
        f' data-graph-focus="{html.escape(note_id)}" data-graph-depth="1"'
        ' data-graph-label="本页的关系图谱"></div>'
        f"{link}"
    )
