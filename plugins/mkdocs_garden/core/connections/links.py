"""Who links to whom: every link and embed between published notes, read from the link table
(each link resolved once, for the pages too). Backlinks and the graph are read from this."""

from __future__ import annotations

import posixpath
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..link_table import LinkTable, Resolved, Shown
from ..page.context import ShownText
from ..page.model import LinkKind, LinkUse, NotePage
from ..text import fold
from ..vault import is_note_path, strip_note_suffix


@dataclass(frozen=True, slots=True)
class EmbeddedPart:
    """What an embed shows of the note it embeds, besides the note's title."""

    heading: str = ""
    """The heading whose section it shows, as the page shows it."""
    block: ShownText | None = None
    """The block it shows: its first text."""


@dataclass(frozen=True, slots=True)
class Link:
    source: str
    """Vault path of the linking note."""
    target: str
    """Vault path of the linked note."""
    line: int
    """Line of the link in the source file (1-based, frontmatter counted)."""
    order: int
    """The link's place among the note's links: links are kept in this order."""
    embed: bool
    use: LinkUse
    part: EmbeddedPart | None = None
    """For an embed the page shows (not one shown as a link): the part of the note it shows."""


@dataclass
class LinkGraph:
    links: list[Link] = field(default_factory=list)
    """In source order: by source path, then by place in the note."""
    ghosts: dict[str, list[str]] = field(default_factory=dict)
    """Notes not written yet, by the name links give them, with the notes that link there."""
    by_note: dict[str, _NoteLinks] = field(default_factory=dict)
    """Each note's share, for the next build to keep where the note is the same."""

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
class _NoteLinks:
    """One note's share of the graph, and the page and answers it was read from."""

    page: NotePage
    resolved: list[Resolved]
    links: list[Link]
    ghosts: list[str]


def collect_links(
    pages: Mapping[str, NotePage], table: LinkTable, earlier: LinkGraph | None = None
) -> LinkGraph:
    """The links among the published `pages` to published notes (wikilinks, embeds and
    Markdown links); a wikilink to a note not written yet makes a ghost, a link to an
    unpublished note leaves no trace at all. A note whose page and answers are those of the
    `earlier` graph's build keeps its share of it."""
    kept = earlier.by_note if earlier is not None else {}
    by_note: dict[str, _NoteLinks] = {}
    for path in sorted(pages):
        page, resolved = pages[path], table.of(path)
        known = kept.get(path)
        if known is None or known.page is not page or known.resolved is not resolved:
            known = _note_links(path, page, resolved, pages)
        by_note[path] = known
    links = [link for share in by_note.values() for link in share.links]
    ghosts: dict[str, list[str]] = {}
    for path, share in by_note.items():
        for name in share.ghosts:
            ghosts.setdefault(name, []).append(path)
    for sources in ghosts.values():
        sources[:] = list(dict.fromkeys(sources))
    return LinkGraph(links, dict(sorted(ghosts.items())), by_note)


def _note_links(
    path: str, page: NotePage, resolved: list[Resolved], pages: Mapping[str, NotePage]
) -> _NoteLinks:
    links: list[Link] = []
    ghosts: list[str] = []
    for order, (use, found) in enumerate(zip(page.links, resolved, strict=True)):
        if use.kind is LinkKind.WIKI and found.missing and _names_a_note(use.target):
            ghosts.append(strip_note_suffix(use.target))
        counted = use.kind is LinkKind.WIKI or (use.kind is LinkKind.MARKDOWN and not use.image)
        target = found.path
        if not counted or target is None or target == path or target not in pages:
            continue
        shown_whole = use.embed and found.shown is Shown.NOTE  # not shown as a link
        part = _embedded_part(pages[target], use, found) if shown_whole else None
        line = page.body_line + use.line
        links.append(Link(path, target, line, order, use.embed, use, part))
    return _NoteLinks(page, resolved, links, ghosts)


def _embedded_part(target: NotePage, use: LinkUse, found: Resolved) -> EmbeddedPart:
    """The heading or block of `target` an embed shows (neither: the whole note)."""
    if len(use.subpath) == 1 and use.subpath[0].startswith("^"):
        return EmbeddedPart(block=target.block_texts.get(fold(use.subpath[0][1:])))
    heading = next((h.text for h in target.headings if h.id == found.fragment), "")
    return EmbeddedPart(heading=heading if found.fragment else "")


def _names_a_note(target: str) -> bool:
    return bool(target) and (is_note_path(target) or not posixpath.splitext(target)[1])
