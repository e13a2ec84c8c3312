"""A listing page for each folder of published notes that has no index note of its own."""

from __future__ import annotations

import posixpath
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..markup import literal_text, markdown_link
from ..text import fold
from ..urls import quote_path
from ..vault import INDEX_NAMES, strip_note_suffix
from .dates import NoteDates, chinese_date
from .paging import numbered, paged, pager


@dataclass(frozen=True)
class ListedNote:
    path: str
    title: str
    dates: NoteDates


def folder_pages(notes: list[ListedNote], page_size: int = 0) -> dict[str, str]:
    """Generated `folder/index.md` pages (vault path → Markdown) for every folder holding a
    published note, directly or below, that has no index note: neither `index.md` or
    `README.md` inside it, nor a folder note `X.md` beside the folder `X` (whose page MkDocs
    writes where the folder's index goes). Only `notes` are listed. A folder of more than
    `page_size` notes (when it is not 0) is listed over several pages, `page/2.md` and on,
    so that no page grows with the vault."""
    subfolders: dict[str, set[str]] = defaultdict(set)
    for note in notes:
        folder = posixpath.dirname(note.path)
        while folder:
            subfolders[posixpath.dirname(folder)].add(folder)
            folder = posixpath.dirname(folder)
    index_of = _index_notes(notes, {f for folders in subfolders.values() for f in folders})
    children: dict[str, list[ListedNote]] = defaultdict(list)
    for note in notes:
        if note.path not in index_of.values():
            children[posixpath.dirname(note.path)].append(note)
    indexed = {fold(folder) for folder in index_of}
    folders = [f for f in sorted(set(children) | set(subfolders)) if f and fold(f) not in indexed]
    index_of.update({folder: f"{folder}/index.md" for folder in folders})
    pages: dict[str, str] = {}
    for folder in folders:
        listing = _Listing(
            folder,
            index_of[folder],
            [(sub, index_of[sub]) for sub in sorted(subfolders.get(folder, ()))],
            sorted(children.get(folder, []), key=lambda n: (fold(n.title), n.path)),
        )
        pages.update(listing.pages(page_size))
    return pages


def _index_notes(notes: list[ListedNote], folders: set[str]) -> dict[str, str]:
    """The note standing for each folder that has one, by folder."""
    index_of = {posixpath.dirname(n.path): n.path for n in notes if _is_index(n.path)}
    for note in notes:
        stem = strip_note_suffix(note.path)
        if stem in folders:
            index_of.setdefault(stem, note.path)
    return index_of


def _is_index(path: str) -> bool:
    return posixpath.basename(path).lower() in INDEX_NAMES


@dataclass(frozen=True)
class _Listing:
    folder: str
    index: str
    """The folder's own page: the first of its listing."""
    subfolders: list[tuple[str, str]]
    """Each subfolder, with its index page."""
    notes: list[ListedNote]
    """In the order they are listed."""

    def pages(self, page_size: int) -> dict[str, str]:
        listing = paged(self.index, self.notes, page_size)
        paths = [path for path, _notes in listing]
        return {path: self._page(path, notes, paths) for path, notes in listing}

    def _page(self, path: str, notes: Sequence[ListedNote], paths: list[str]) -> str:
        """One page of the listing: the subfolders on the first, then its share of the notes,
        then links to the pages before and after."""
        here = posixpath.dirname(path)
        first = path == paths[0]
        heading = literal_text(posixpath.basename(self.folder)) + numbered(path, paths)
        count = f"这个文件夹里有 {len(self.notes):,} 篇笔记{_folder_count(self.subfolders)}"
        spread = f"，分 {len(paths)} 页列出" if len(paths) > 1 else ""
        lines = [f"# {heading}", "", f"{count}{spread}。", ""]
        for child, index in self.subfolders if first else []:
            url = quote_path(posixpath.relpath(index, here))
            lines.append(f"- 📁 {markdown_link(posixpath.basename(child), url)}")
        for note in notes:
            link = markdown_link(note.title, quote_path(posixpath.relpath(note.path, here)))
            lines.append(f"- {link}{_dates(note.dates)}")
        footer = pager(path, paths)
        return "\n".join([*lines, "", footer] if footer else lines) + "\n"


def _folder_count(subfolders: list[tuple[str, str]]) -> str:
    return f"、{len(subfolders)} 个子文件夹" if subfolders else ""


def _dates(dates: NoteDates) -> str:
    if dates.latest is None:
        return ""
    return f' <span class="garden-date">{chinese_date(dates.latest)}</span>'
