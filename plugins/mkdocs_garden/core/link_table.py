"""Every link of every published note resolved once, into one table that the pages, the
backlinks, the graph and the attachments all read.

A link's target is found the way Obsidian finds it (`resolve.py`), then checked against what
the site publishes: a note or file that is missing, unpublished or held back is shown as
text. A heading or block is found in the target's page. Each problem is reported here, once,
with the file and line of the link.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from urllib.parse import quote, unquote

from .anchors import HeadingAnchors
from .diagnostics import Diagnostic, Severity
from .page.model import LinkKind, LinkUse, NotePage, Span
from .resolve import Resolution, Resolver
from .text import fold
from .urls import OwnSite, has_scheme, split_url
from .vault import Vault, is_note_path

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".bmp", ".svg", ".webp", ".avif"})
PAGE_SUFFIXES = frozenset({".html", ".htm"})
AUDIO_SUFFIXES = frozenset({".mp3", ".wav", ".m4a", ".ogg", ".oga", ".flac", ".3gp"})
VIDEO_SUFFIXES = frozenset({".mp4", ".webm", ".ogv", ".mov", ".mkv"})
PDF_SUFFIXES = frozenset({".pdf"})
_SIZE = re.compile(r"(\d+)(?:x(\d+))?")


class Shown(str, Enum):
    """How a link appears on the page."""

    LINK = "link"
    """A link to a page or file of the site."""
    TEXT = "text"
    """Its text only: the target is missing or not published."""
    AS_WRITTEN = "as written"
    """Untouched: another site, or a file Garden does not know."""
    NOTE = "note"
    """An embedded note (or part of one)."""
    IMAGE = "image"
    AUDIO = "audio"
    VIDEO = "video"
    PDF = "pdf"
    PAGE = "page"
    """An HTML page of the vault, in a frame."""
    NOTICE = "notice"
    """An embed that cannot be shown: its name only."""


@dataclass(frozen=True)
class Resolved:
    shown: Shown
    path: str | None = None
    """The vault path of the target, when the site has it."""
    fragment: str = ""
    """The anchor: a heading's id, `^block`, or a file's fragment (`page=3`)."""
    window: Span | None = None
    """For an embedded note: the part of its page that is shown (None: all of it)."""
    width: str | None = None
    height: str | None = None
    url: str | None = None
    """A site URL that is no vault file's (a tag's entry on the tags index)."""
    missing: bool = False
    """The target is in the vault nowhere (a note not written yet)."""

    @property
    def is_note(self) -> bool:
        return self.path is not None and is_note_path(self.path)


AS_WRITTEN = Resolved(Shown.AS_WRITTEN)
TEXT = Resolved(Shown.TEXT)


@dataclass(frozen=True)
class SiteFacts:
    """What resolving needs to know of the site being built."""

    url_of: Callable[[str], str | None]
    """The site URL of a vault file the site has; None for one it does not."""
    own_site: OwnSite = field(default_factory=lambda: OwnSite(()))
    tag_url: Callable[[str], str | None] = lambda tag: None
    """Where an inline `#tag` links (its entry on the tags index), if anywhere."""
    missing_severity: Severity = Severity.INFO


@dataclass
class LinkTable:
    resolved: dict[str, list[Resolved]]
    """For each note, the resolution of each of its links, in the order of `NotePage.links`."""
    diagnostics: list[Diagnostic]
    reuse: Reuse | None = None
    """What the next build needs to resolve again only the pages a change reaches."""

    def of(self, path: str) -> list[Resolved]:
        return self.resolved.get(path, [])


@dataclass
class Reuse:
    """One build's resolving, kept for the next (`mkdocs serve --dirty`): each page's
    problems, and what of other files it read to find its answers (the answers themselves
    are the table's `resolved`)."""

    context: object
    """Everything every answer depends on (the vault's names, the site's settings)."""
    pages: dict[str, NotePage]
    on_site: dict[str, str | None]
    """The URL of each file a page's answers read (None: not on the site)."""
    reports: dict[str, list[Diagnostic]]
    reads: dict[str, frozenset[str]]
    """For each page, the files whose place on the site, headings or blocks it read."""
    windows: dict[str, frozenset[str]]
    """For each page, the notes whose page it embeds a part of (their sections' offsets)."""


def build_link_table(
    vault: Vault,
    resolver: Resolver,
    pages: dict[str, NotePage],
    site: SiteFacts,
    context: object = None,
    earlier: LinkTable | None = None,
) -> LinkTable:
    """Every page's links resolved. With `earlier` (the last build's table) and the same
    `context`, a page is resolved again only when it changed or a file its answers read did
    (its place on the site, its headings or blocks; the page of a note it embeds part of).
    Without a `context` nothing is kept for a next build."""
    resolving = _Resolving(vault, resolver, pages, site)
    kept = earlier.reuse if earlier is not None else None
    stale = _stale(kept, pages, site, context) if kept is not None else None
    answered = earlier.resolved if earlier is not None else {}
    resolved: dict[str, list[Resolved]] = {}
    reports: dict[str, list[Diagnostic]] = {}
    reads: dict[str, frozenset[str]] = {}
    windows: dict[str, frozenset[str]] = {}
    for path, page in pages.items():
        if kept is not None and stale is not None and path not in stale and path in answered:
            resolved[path], reports[path] = answered[path], kept.reports[path]
            reads[path], windows[path] = kept.reads[path], kept.windows[path]
            continue
        resolved[path] = resolving.page(page)
        reports[path] = resolving.take_diagnostics()
        reads[path], windows[path] = resolving.take_reads()
    diagnostics = [d for found in reports.values() for d in found]
    if context is None:
        return LinkTable(resolved, diagnostics)
    read = {target for targets in reads.values() for target in targets}
    on_site = {target: _site_key(target, pages, site) for target in read}
    reuse = Reuse(context, dict(pages), on_site, reports, reads, windows)
    return LinkTable(resolved, diagnostics, reuse)


def _stale(
    reuse: Reuse, pages: dict[str, NotePage], site: SiteFacts, context: object
) -> set[str] | None:
    """The pages to resolve again; None when every page must be (the context changed)."""
    if context is None or reuse.context != context:
        return None
    changed = {path for path, page in pages.items() if reuse.pages.get(path) is not page}
    moved = {
        target
        for target, key in reuse.on_site.items()
        if _site_key(target, pages, site) != key
        or (target in changed and _anchors_changed(reuse.pages.get(target), pages.get(target)))
    }
    stale = set(changed)
    for path, targets in reuse.reads.items():
        if not targets.isdisjoint(moved):
            stale.add(path)
    for path, targets in reuse.windows.items():
        if not targets.isdisjoint(changed):
            stale.add(path)
    return stale


def _site_key(target: str, pages: dict[str, NotePage], site: SiteFacts) -> str | None:
    """Where the site has a file: its URL, or None when the site does not have it."""
    if is_note_path(target) and target not in pages:
        return None
    return site.url_of(target)


def _anchors_changed(before: NotePage | None, now: NotePage | None) -> bool:
    if before is None or now is None:
        return before is not now
    return before.headings != now.headings or {
        key: block[0] for key, block in before.blocks.items()
    } != {key: block[0] for key, block in now.blocks.items()}


def resolve_page(
    vault: Vault, resolver: Resolver, pages: dict[str, NotePage], site: SiteFacts, page: NotePage
) -> list[Resolved]:
    """The links of one more page of a note (its Markdown as another plugin changed it),
    against the same pages; its problems were reported with the note's own page."""
    return _Resolving(vault, resolver, pages, site).page(page)


class _Resolving:
    def __init__(
        self, vault: Vault, resolver: Resolver, pages: dict[str, NotePage], site: SiteFacts
    ) -> None:
        self.vault = vault
        self.resolver = resolver
        self.pages = pages
        self.site = site
        self.diagnostics: list[Diagnostic] = []
        self._anchors: dict[str, HeadingAnchors] = {}
        self._source: NotePage | None = None
        self._use: LinkUse | None = None
        self._same: dict[Resolved, Resolved] = {}
        self._reads: set[str] = set()
        self._windows: set[str] = set()

    def take_diagnostics(self) -> list[Diagnostic]:
        found, self.diagnostics = self.diagnostics, []
        return found

    def take_reads(self) -> tuple[frozenset[str], frozenset[str]]:
        """The files the last pages' answers read, and the notes whose sections they took."""
        found = frozenset(self._reads), frozenset(self._windows)
        self._reads, self._windows = set(), set()
        return found

    def page(self, page: NotePage) -> list[Resolved]:
        # Equal answers are one object: notes link the same targets thousands of times.
        return [self._same.setdefault(found, found) for found in map(self._one(page), page.links)]

    def _one(self, page: NotePage) -> Callable[[LinkUse], Resolved]:
        return lambda use: self.resolve(page, use)

    def resolve(self, page: NotePage, use: LinkUse) -> Resolved:
        self._source, self._use = page, use
        if use.kind is LinkKind.TAG:
            url = self.site.tag_url(use.target)
            return Resolved(Shown.LINK, url=url) if url else TEXT
        if use.kind is LinkKind.WIKI:
            return self._wikilink(use)
        return self._url(use)

    # Reporting ---------------------------------------------------------------------

    def _report(self, message: str, severity: Severity = Severity.WARNING) -> None:
        assert self._source is not None and self._use is not None
        line = self.vault.notes[self._source.path].body_line + self._use.line
        self.diagnostics.append(Diagnostic(self._source.path, line, message, severity))

    def _missing(self, message: str) -> None:
        self._report(message, self.site.missing_severity)

    # Wikilinks ---------------------------------------------------------------------

    def _wikilink(self, use: LinkUse) -> Resolved:
        source = self._source
        assert source is not None
        if not use.target:
            target: str | None = source.path
        else:
            target = self._target(use.target, use.raw, relative_first=False, embed=use.embed)
        if target is None:
            found = self.resolver.resolve(use.target, source.path)
            missing = found.path is None and not found.escapes_vault
            if use.embed and _names_a_note(use.target):
                return Resolved(Shown.NOTICE, missing=missing)
            return Resolved(Shown.TEXT, missing=missing)
        suffix = posixpath.splitext(target)[1].lower()
        if is_note_path(target):
            return self._note_link(use, target)
        fragment = quote("#".join(use.subpath), safe="=&") if use.subpath else ""
        if not use.embed:
            return Resolved(Shown.LINK, target, fragment)
        if suffix in IMAGE_SUFFIXES:
            size = _SIZE.fullmatch(use.alias or "")
            width, height = (size.group(1), size.group(2)) if size else (None, None)
            return Resolved(Shown.IMAGE, target, fragment, width=width, height=height)
        for suffixes, shown in (
            (AUDIO_SUFFIXES, Shown.AUDIO),
            (VIDEO_SUFFIXES, Shown.VIDEO),
            (PDF_SUFFIXES, Shown.PDF),
            (PAGE_SUFFIXES, Shown.PAGE),
        ):
            if suffix in suffixes:
                return Resolved(shown, target, fragment)
        return Resolved(Shown.LINK, target, fragment)

    def _note_link(self, use: LinkUse, target: str) -> Resolved:
        if not use.embed:
            return Resolved(Shown.LINK, target, self._anchor(target, use.subpath) or "")
        if use.in_text:
            self._report(f"embed {use.raw} shares its line with text; shown as a link")
            return Resolved(Shown.LINK, target, self._anchor(target, use.subpath) or "")
        if not use.subpath:
            return Resolved(Shown.NOTE, target)
        window = self._window(target, use.subpath)
        if window is None:
            return Resolved(Shown.LINK, target)
        anchor = self._anchor(target, use.subpath, report=False)
        return Resolved(Shown.NOTE, target, anchor or "", window)

    def _window(self, target: str, subpath: Sequence[str]) -> Span | None:
        """The part of the target's page an embed of a heading or block shows; None (and a
        message) when the target has no such heading or block."""
        page = self.pages[target]
        self._windows.add(target)
        assert self._use is not None
        if len(subpath) == 1 and subpath[0].startswith("^"):
            block = page.blocks.get(fold(subpath[0][1:]))
            if block is None:
                self._report(f"embed {self._use.raw}: no block {subpath[0]} in '{target}'")
                return None
            return block[1]
        index = self._anchors_of(target).find_index(subpath)
        if index is None:
            self._report(f"embed {self._use.raw}: no heading '{'#'.join(subpath)}' in '{target}'")
            return None
        return page.sections[index]

    def _anchor(self, target: str, subpath: Sequence[str], *, report: bool = True) -> str | None:
        if not subpath:
            return None
        assert self._use is not None
        raw = self._use.raw
        self._reads.add(target)
        if len(subpath) == 1 and subpath[0].startswith("^"):
            block = self.pages[target].blocks.get(fold(subpath[0][1:]))
            if block is None and report:
                self._report(f"link {raw}: no block {subpath[0]} in '{target}'")
            return f"^{block[0]}" if block else None
        anchor = self._anchors_of(target).find(subpath)
        if anchor is None and report:
            self._report(f"link {raw}: no heading '{'#'.join(subpath)}' in '{target}'")
        return anchor

    def _anchors_of(self, path: str) -> HeadingAnchors:
        self._reads.add(path)
        anchors = self._anchors.get(path)
        if anchors is None:
            anchors = self._anchors[path] = HeadingAnchors(self.pages[path].headings)
        return anchors

    # Targets -----------------------------------------------------------------------

    def _target(self, target: str, raw: str, *, relative_first: bool, embed: bool) -> str | None:
        """The vault file `target` names, if the site has it; reports why when it does not."""
        assert self._source is not None
        resolution = self.resolver.resolve(target, self._source.path, relative_first=relative_first)
        if resolution.escapes_vault:
            self._report(f"link {raw} points outside the vault; refused")
            return None
        self._report_ties(resolution, raw)
        path = resolution.path
        if path is None and embed and not _names_a_note(target):
            self._report(f"embed {raw}: no file '{target}' in the vault or among the figures")
            return None
        if path is None:
            self._missing(f"link {raw}: no note or file '{target}' in the vault (not created yet)")
            return None
        if not self._on_site(path):
            self._missing(f"link {raw}: '{path}' is not published; shown as plain text")
            return None
        return path

    def _on_site(self, path: str) -> bool:
        """A note is on the site when it has a page; a file, when the site keeps it."""
        self._reads.add(path)
        if path in self.vault.notes:
            return path in self.pages
        return self.site.url_of(path) is not None

    def _report_ties(self, resolution: Resolution, raw: str) -> None:
        if resolution.tied_with and resolution.path is not None:
            others = ", ".join(f"'{p}'" for p in resolution.tied_with)
            self._report(
                f"link {raw} is ambiguous: '{resolution.path}' and {others} match equally; "
                f"using '{resolution.path}' (write the folder to choose)"
            )

    # Markdown links, images and URLs in raw HTML --------------------------------------

    def _url(self, use: LinkUse) -> Resolved:
        assert self._source is not None
        url = use.target if use.kind is LinkKind.HTML else unquote(use.target)
        path, fragment = split_url(url)
        site_path = self.site.own_site.path_of(url)
        if site_path is not None:
            return self._own_address(site_path, url, fragment, use)
        if has_scheme(url) or path.startswith("/"):
            return AS_WRITTEN
        if not path:
            return Resolved(
                Shown.LINK, self._source.path, self._fragment(self._source.path, fragment)
            )
        found = self.resolver.resolve(path, self._source.path, relative_first=True)
        if found.path is None and (use.image or not _names_a_note(path)):
            self._report(f"link {use.raw}: no file '{path}' in the vault; left as written")
            return AS_WRITTEN
        target = self._target(path, use.raw, relative_first=True, embed=False)
        if target is None:
            return TEXT
        return self._shown(use, target, self._fragment(target, fragment))

    def _own_address(self, site_path: str, url: str, fragment: str, use: LinkUse) -> Resolved:
        target = self.resolver.by_site_path(site_path)
        if target is None:
            self._report(f"link to {url}: no such page on this site; left as is", Severity.INFO)
            return AS_WRITTEN
        if not self._on_site(target):
            self._missing(f"link to {url}: '{target}' is not published; shown as plain text")
            return TEXT
        return self._shown(use, target, self._fragment(target, fragment))

    def _shown(self, use: LinkUse, target: str, fragment: str) -> Resolved:
        if not use.image:
            return Resolved(Shown.LINK, target, fragment)
        size = _SIZE.fullmatch((use.alias or "").rpartition("|")[2].strip())
        width, height = (size.group(1), size.group(2)) if size else (None, None)
        return Resolved(Shown.IMAGE, target, fragment, width=width, height=height)

    def _fragment(self, target: str, fragment: str) -> str:
        """A fragment written as a heading's text becomes its id; any other is kept."""
        self._reads.add(target)
        if not fragment or not is_note_path(target) or target not in self.pages:
            return fragment
        return self._anchors_of(target).find([unquote(fragment)]) or fragment


def _names_a_note(path: str) -> bool:
    return is_note_path(path) or not posixpath.splitext(path)[1]
