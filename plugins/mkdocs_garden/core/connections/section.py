"""The HTML closing each note: its backlinks and its local graph."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

from ..page.context import Around
from ..text import fold
from .links import EmbeddedPart, Link
from .sentences import excerpt_html, sentence_html

SECTION_CLASS = "garden-connections"
MAX_CONTEXTS = 3
"""Sentences shown per linking note; the rest are counted."""
NO_BACKLINKS = "还没有其他笔记链接到这里。"
CONTEXT_CLASS = "garden-backlink-context"
EMBED_QUOTE_CLASS = "garden-backlink-embed"


@dataclass(frozen=True)
class SectionOptions:
    show_empty: bool = True
    """Say so when nothing links to the note (else the heading is left out too)."""
    graph_src: str | None = None
    """URL of the graph JSON relative to the page, for the local graph; None: no graph."""
    graph_page: str | None = None
    """URL of the global graph page relative to the page."""
    limit: int = 0
    """Linking notes shown at most (the rest are counted); 0 shows them all."""
    all_backlinks: str | None = None
    """URL of the list of every linking note, relative to the page (with `limit`)."""


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
    hidden = len(order) - options.limit if options.limit > 0 else 0
    if hidden > 0:
        order = order[: options.limit]
    target_title = title_of(backlinks[0].target)
    items = "".join(_item(s, by_source[s], title_of(s), url_of(s), target_title) for s in order)
    return f'{heading}<ul class="garden-backlinks">{items}</ul>{_rest(hidden, options)}'


def _rest(hidden: int, options: SectionOptions) -> str:
    """What stands for the linking notes a page does not show: how many, and where all are."""
    if hidden <= 0:
        return ""
    where = ""
    if options.all_backlinks is not None:
        where = f'：<a href="{html.escape(options.all_backlinks)}">全部反向链接</a>'
    return f'<p class="garden-backlinks-rest">还有 {hidden} 篇笔记链接到这里{where}。</p>'


def _count(backlinks: list[Link]) -> str:
    return str(len({link.source for link in backlinks}))


def _item(source: str, links: list[Link], title: str, url: str, target_title: str) -> str:
    quotes = _quotes(links, target_title)
    shown = "".join(_quote_html(quote) for quote in quotes[:MAX_CONTEXTS])
    more = len(quotes) - MAX_CONTEXTS
    extra = f'<p class="garden-backlink-more">还有 {more} 处</p>' if more > 0 else ""
    embed = (
        '<span class="garden-backlink-kind">嵌入</span>'
        if any(link.part is not None for link in links)
        else ""
    )
    link = f'<a href="{html.escape(url)}">{html.escape(title)}</a>'
    return f"<li>{link}{embed}{shown}{extra}</li>"


Quote = str | list[Around]
"""A quote's HTML, or the links of one sentence, whose HTML is made if the quote is shown."""


def _quotes(links: list[Link], target_title: str) -> list[Quote]:
    """What the linking note shows, each once: the sentence around its links (one sentence
    for the links it holds) and the parts of the page it embeds."""
    found: dict[object, Quote] = {}
    for link in links:
        around = link.use.around
        if link.part is not None:
            quote = _embed_quote(link.part, target_title)
            found.setdefault(quote, quote)
        elif around is None:
            quote = f'<p class="{CONTEXT_CLASS}"><mark>{html.escape(link.use.text)}</mark></p>'
            found.setdefault(quote, quote)
        else:
            sentence = found.setdefault((id(around.shown), *around.sentence()), [])
            assert isinstance(sentence, list)
            sentence.append(around)
    return list(found.values())


def _quote_html(quote: Quote) -> str:
    if isinstance(quote, str):
        return quote
    return f'<p class="{CONTEXT_CLASS}">{sentence_html(quote)}</p>'


def _embed_quote(part: EmbeddedPart, target_title: str) -> str:
    """An embed as the linking note shows it: the part of this page, named, and quoted."""
    name = html.escape(target_title)
    if part.heading:
        name += f" › {html.escape(part.heading)}"
    excerpt = f"<p>{excerpt_html(part.block)}</p>" if part.block is not None else ""
    return (
        f'<blockquote class="{EMBED_QUOTE_CLASS}">'
        f'<p class="{EMBED_QUOTE_CLASS}-source">{name}</p>{excerpt}</blockquote>'
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
