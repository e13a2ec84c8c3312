"""Who links to whom: every link and embed between published notes, found in one pass over
the notes the renderer has already parsed. Backlinks and the graph are read from this."""

from __future__ import annotations

import posixpath
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import unquote

from markdown_it.common.utils import unescapeAll

from ..markdown.scan import LinkDestination, ParsedNote, Span, WikiLinkUse
from ..resolve import Resolver
from ..urls import has_scheme, split_url
from ..vault import Note, is_note_path, strip_note_suffix
from .context import Context, link_context

# A note holding none of these links to nothing.
_LINK_HINTS = ("[[", "](", "]:")


@dataclass(frozen=True)
class Link:
    source: str
    """Vault path of the linking note."""
    target: str
    """Vault path of the linked note."""
    line: int
    """Line of the link in the source file (1-based, frontmatter counted)."""
    offset: int
    """Where the link starts in the note's body: links are kept in this order."""
    embed: bool
    context: Context


@dataclass
class LinkGraph:
    links: list[Link] = field(default_factory=list)
    """In source order: by source path, then by place in the note."""
    ghosts: dict[str, list[str]] = field(default_factory=dict)
    """Notes not written yet, by the name links give them, with the notes that link there."""

    def __post_init__(self) -> None:
        self._incoming: dict[str, list[Link]] = defaultdict(list)
        for link in self.links:
            self._incoming[link.target].append(link)

    def backlinks(self, target: str) -> list[Link]:
        """The links into `target`, in source order."""
        return self._incoming.get(target, [])

    def pairs(self) -> list[tuple[str, str]]:
        """Each linked pair of notes once, as (source, target), in source order."""
        return list(dict.fromkeys((link.source, link.target) for link in self.links))


@dataclass(frozen=True)
class LinkSources:
    """What finding links needs from the rest of Garden."""

    resolver: Resolver
    parsed: Callable[[str], ParsedNote]
    is_published: Callable[[str], bool]
    """Whether a vault file is part of the site (a published note, a copied file)."""


def collect_links(sources: LinkSources, notes: Iterable[Note]) -> LinkGraph:
    """The links among `notes` (published ones) to published notes; unresolved targets are
    kept as ghosts, but a link to an unpublished note leaves no trace at all."""
    links: list[Link] = []
    ghosts: dict[str, list[str]] = {}
    for note in sorted(notes, key=lambda n: n.path):
        if not any(hint in note.body for hint in _LINK_HINTS):
            continue
        finder = _NoteLinks(sources, note)
        links.extend(finder.links())
        for name in finder.ghosts:
            ghosts.setdefault(name, []).append(note.path)
    return LinkGraph(links, dict(sorted(ghosts.items())))


class _NoteLinks:
    def __init__(self, sources: LinkSources, note: Note) -> None:
        self.sources = sources
        self.note = note
        self.ghosts: list[str] = []

    def links(self) -> list[Link]:
        parsed = self.sources.parsed(self.note.path)
        found = [self._wikilink(use) for use in parsed.wikilinks]
        found += [self._destination(destination) for destination in parsed.destinations]
        links = [link for link in found if link is not None]
        return sorted(links, key=lambda link: link.offset)

    def _wikilink(self, use: WikiLinkUse) -> Link | None:
        link = use.link
        if use.inside_link or not link.target:
            return None
        resolution = self.sources.resolver.resolve(link.target, self.note.path)
        if resolution.path is None:
            if not resolution.escapes_vault and _names_a_note(link.target):
                self.ghosts.append(strip_note_suffix(link.target))
            return None
        return self._link(resolution.path, use.span, link.display, link.embed)

    def _destination(self, destination: LinkDestination) -> Link | None:
        if destination.image or destination.link is None:
            return None
        raw = destination.raw
        url = unescapeAll(raw[1:-1] if raw.startswith("<") and raw.endswith(">") else raw)
        path, _ = split_url(url)
        if not path or has_scheme(url) or path.startswith("/"):
            return None
        resolution = self.sources.resolver.resolve(
            unquote(path), self.note.path, relative_first=True
        )
        if resolution.path is None:
            return None
        return self._link(resolution.path, destination.link, destination.label, False)

    def _link(self, target: str, span: Span, text: str, embed: bool) -> Link | None:
        note = self.note
        if target == note.path or not is_note_path(target):
            return None
        if not self.sources.is_published(target):
            return None
        context = link_context(note.body, span.start, span.end, text)
        return Link(note.path, target, note.body_line + span.line, span.start, embed, context)


def _names_a_note(target: str) -> bool:
    return is_note_path(target) or not posixpath.splitext(target)[1]
