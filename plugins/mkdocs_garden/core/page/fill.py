"""A page's HTML made final: each marker replaced by its link, text or embed, with URLs
relative to the page the HTML lands on (a note's own page, or the page that embeds it)."""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..diagnostics import Diagnostic
from ..link_table import LinkTable, Resolved, Shown
from ..markup import (
    EMBED_CLASS,
    MISSING_CLASS,
    MISSING_TITLE,
    TAG_CLASS,
    media_element,
    page_embed,
    pdf_embed,
)
from ..urls import relative_url
from .model import CLOSE, EMBED, MARK_END, MARK_START, OPEN, URL, LinkKind, LinkUse, NotePage

MAX_EMBED_DEPTH = 8
_MARKER = re.compile(f"{MARK_START}([{OPEN}{CLOSE}{EMBED}{URL}])(\\d+){MARK_END}")
_HEADING = re.compile(
    r'<h([1-6]) id="[^"]*">(.*?)<a class="headerlink" href="[^"]*" title="[^"]*">¶</a></h\1>',
    re.S,
)


@dataclass(frozen=True)
class Filling:
    """What filling pages needs: the pages, the link table and the site's URLs and titles."""

    pages: dict[str, NotePage]
    table: LinkTable
    url_of: Callable[[str], str | None]
    title_of: Callable[[str], str]


@dataclass
class FilledPage:
    html: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    raw_html: bool = False
    """The page holds a note's own HTML (its own, or an embedded note's), to be sanitised;
    everything else on it Garden wrote from escaped text."""
    embedded: frozenset[str] = frozenset()
    """The notes embedded in the page, however deep."""


def fill_page(filling: Filling, path: str, host_url: str) -> FilledPage:
    """The final HTML of the note at `path` on its page, whose site URL is `host_url`."""
    page = filling.pages[path]
    run = _Fill(filling, host_url, path)
    html_text = run.fill(page, run.html_of(page), (f"{path}#",))
    return FilledPage(html_text, run.diagnostics, run.raw_html, frozenset(run.embedded))


class _Fill:
    def __init__(self, filling: Filling, host_url: str, host_path: str) -> None:
        self.filling = filling
        self.host_url = host_url
        self.host_path = host_path
        self.diagnostics: list[Diagnostic] = []
        self.raw_html = False
        self.embedded: set[str] = set()
        self._html: dict[str, str] = {}

    def html_of(self, page: NotePage) -> str:
        """A page's HTML, unpacked once however often it is embedded here."""
        text = self._html.get(page.path)
        if text is None:
            text = self._html[page.path] = page.html
        return text

    def fill(self, page: NotePage, text: str, chain: tuple[str, ...]) -> str:
        self.raw_html = self.raw_html or page.raw_html
        if MARK_START not in text:
            return text
        resolved = self.filling.table.of(page.path)

        def replace(match: re.Match[str]) -> str:
            kind, index = match.group(1), int(match.group(2))
            use, found = page.links[index], resolved[index]
            if kind == OPEN:
                return self._open(use, found)
            if kind == CLOSE:
                return "</span>" if found.shown is Shown.TEXT else "</a>"
            if kind == URL:
                return self._bare_url(use, found)
            return self._embed(page, use, found, chain)

        return _MARKER.sub(replace, text)

    # Links -------------------------------------------------------------------------

    def _href(self, found: Resolved) -> str:
        """The URL of a target, relative to the page being filled."""
        fragment = f"#{found.fragment}" if found.fragment else ""
        if found.url is not None:
            return relative_url(found.url, self.host_url)
        assert found.path is not None
        if found.path == self.host_path:
            return fragment or "#"
        target_url = self.filling.url_of(found.path)
        assert target_url is not None  # the link table lets only published targets through
        return relative_url(target_url, self.host_url) + fragment

    def _open(self, use: LinkUse, found: Resolved) -> str:
        tag = use.kind is LinkKind.TAG
        if found.shown is Shown.TEXT:
            return f'<span class="{TAG_CLASS}">' if tag else _missing_open()
        if found.shown is Shown.AS_WRITTEN:
            return f'<a href="{html.escape(use.target)}">'
        classes = f'class="{TAG_CLASS}" ' if tag else ""
        title = f' title="{html.escape(use.title)}"' if use.title else ""
        return f'<a {classes}href="{html.escape(self._href(found))}"{title}>'

    def _bare_url(self, use: LinkUse, found: Resolved) -> str:
        if found.shown is Shown.AS_WRITTEN:
            return html.escape(use.target)
        return "" if found.shown is Shown.TEXT else html.escape(self._href(found))

    # Embeds ------------------------------------------------------------------------

    def _embed(self, page: NotePage, use: LinkUse, found: Resolved, chain: tuple[str, ...]) -> str:
        shown = found.shown
        if shown is Shown.NOTE:
            return self._note(page, use, found, chain)
        if shown is Shown.IMAGE:
            return self._image(use, found)
        if shown is Shown.AS_WRITTEN:
            return f'<img alt="{html.escape(use.alias or "")}" src="{html.escape(use.target)}">'
        if shown in (Shown.AUDIO, Shown.VIDEO, Shown.PDF, Shown.PAGE):
            return self._media(use, found)
        if shown is Shown.LINK:
            text = html.escape(use.text if use.image else use.alias or use.text)
            return _block(f'<a href="{html.escape(self._href(found))}">{text}</a>', use)
        if shown is Shown.TEXT:
            return _block(f"{_missing_open()}{html.escape(use.alias or use.text)}</span>", use)
        return _block(_notice(use.alias or use.text), use)

    def _note(self, page: NotePage, use: LinkUse, found: Resolved, chain: tuple[str, ...]) -> str:
        assert found.path is not None
        key = f"{found.path}#{'#'.join(use.subpath)}"
        if key in chain or len(chain) > MAX_EMBED_DEPTH:
            trail = " → ".join((*chain, key))
            reason = "a cycle" if key in chain else f"nested deeper than {MAX_EMBED_DEPTH}"
            self._report(page, use, f"embed {use.raw} is {reason}: {trail}; stopped there")
            return _block(_notice(use.text), use)
        target = self.filling.pages[found.path]
        self.embedded.add(found.path)
        window, whole = found.window, self.html_of(target)
        part = whole[window.start : window.end] if window else _without_footnotes(whole)
        body = _demote_headings(self.fill(target, part, (*chain, key)))
        title = html.escape(self.filling.title_of(found.path))
        href = html.escape(self._href(found))
        source = f'<p><a class="{EMBED_CLASS}-source" href="{href}">{title}</a></p>'
        return f'<div class="{EMBED_CLASS}">\n{source}\n{body.strip()}\n</div>\n'

    def _image(self, use: LinkUse, found: Resolved) -> str:
        alt = use.alias or ""
        if found.width is not None:
            alt = alt.rpartition("|")[0].strip() if use.kind is LinkKind.MARKDOWN else ""
        elif use.kind is LinkKind.WIKI and use.alias is None and found.path is not None:
            alt = posixpath.splitext(posixpath.basename(found.path))[0]
        size = "".join(
            f' {name}="{value}"'
            for name, value in (("width", found.width), ("height", found.height))
            if value
        )
        title = f' title="{html.escape(use.title)}"' if use.title else ""
        return f'<img alt="{html.escape(alt)}" src="{html.escape(self._href(found))}"{size}{title}>'

    def _media(self, use: LinkUse, found: Resolved) -> str:
        assert found.path is not None
        url = self._href(found)
        title = use.alias or posixpath.splitext(posixpath.basename(found.path))[0]
        if found.shown is Shown.AUDIO:
            return media_element("audio", url, title)
        if found.shown is Shown.VIDEO:
            return media_element("video", url, title)
        if found.shown is Shown.PDF:
            return pdf_embed(url, title)
        return page_embed(url, title)

    def _report(self, page: NotePage, use: LinkUse, message: str) -> None:
        self.diagnostics.append(Diagnostic(page.path, page.body_line + use.line, message))


def _missing_open() -> str:
    return f'<span class="{MISSING_CLASS}" title="{MISSING_TITLE}">'


def _notice(name: str) -> str:
    return f'<span class="{EMBED_CLASS}-missing">无法嵌入：{html.escape(name)}</span>'


def _block(inline_html: str, use: LinkUse) -> str:
    """An embed standing as a paragraph of its own keeps its paragraph."""
    return inline_html if use.in_text else f"<p>{inline_html}</p>\n"


def _without_footnotes(html: str) -> str:
    end = html.find('<div class="footnote">')
    return html if end == -1 else html[:end]


def _demote_headings(text: str) -> str:
    """Headings of an embedded note stay headings to the reader, not to the host's table of
    contents, and give no second element the same id."""
    return _HEADING.sub(
        r'<div class="garden-embed-heading" role="heading" aria-level="\1">\2</div>', text
    )
