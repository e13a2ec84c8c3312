"""A page for each tag, listing the notes that carry it.

The lists are written here, from the tags and titles Garden already knows, not by a listing
of Material's tags plugin on each page: Material links every tag of every page to every
listing that features it (tags × listings × the page's tags), so a listing per tag made the
build cubic in the number of tags. Material keeps one listing, the tags index's;
`ConnectionsPlugin._prefer_tag_pages` points each tag chip at the tag's own page.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..markup import literal_text, markdown_link
from ..paths import fitting_path
from ..text import fold
from ..urls import quote_path, relative_path
from ..vault import INDEX_NAMES
from .folders import ListedNote
from .paging import numbered, paged, pager


@dataclass(frozen=True)
class TagPages:
    markdown: dict[str, str]
    """Generated pages by vault path."""
    path_of_tag: dict[str, str]
    """The page of each tag, by the tag's folded name."""

    def page_of(self, tag: str) -> str | None:
        return self.path_of_tag.get(fold(tag))

    def only(self, markdown: dict[str, str]) -> TagPages:
        """These pages, less those that were not written."""
        paths = {key: path for key, path in self.path_of_tag.items() if path in markdown}
        return TagPages(markdown, paths)


def tag_pages(
    notes: Iterable[ListedNote],
    tags_of: Mapping[str, Iterable[str]],
    folder: str,
    page_size: int = 0,
) -> TagPages:
    """One page per tag under `folder`, listing the notes that carry it: `AI/注意力` is
    `folder/AI/注意力/index.md` (a page of its own folder, so that a tag named `index` cannot
    stand for the folder's index; a name too long for a file system is cut and hashed). Tags
    that differ only in case (one tag to Obsidian) share the page of the first spelling, which
    lists the notes of every spelling. One pass over the notes' tags, one line per note. A tag
    of more than `page_size` notes (when it is not 0) is listed over several pages."""
    spellings: dict[str, set[str]] = {}
    tagged: dict[str, dict[str, ListedNote]] = {}
    for note in notes:
        for tag in tags_of.get(note.path, ()):
            if not all(tag.split("/")):
                continue  # `AI/` or `a//b` names no page
            key = fold(tag)
            spellings.setdefault(key, set()).add(tag)
            tagged.setdefault(key, {})[note.path] = note
    markdown: dict[str, str] = {}
    path_of_tag: dict[str, str] = {}
    for key in sorted(spellings, key=lambda key: min(spellings[key])):
        name = min(spellings[key])
        path = fitting_path(folder, name.split("/"), "index.md")
        listed = sorted(tagged[key].values(), key=lambda n: (fold(n.title), n.path))
        listing = paged(path, listed, page_size)
        paths = [page for page, _notes in listing]
        for page, share in listing:
            markdown[page] = _page(name, page, share, paths)
        path_of_tag[key] = path
    return TagPages(markdown, path_of_tag)


def _page(name: str, path: str, notes: Sequence[ListedNote], paths: list[str]) -> str:
    heading = literal_text("#" + name) + numbered(path, paths)
    lines = [f"# {heading}", "", "带有这个标签的笔记：", ""]
    for note in notes:
        lines.append(f"- {markdown_link(note.title, quote_path(relative_path(note.path, path)))}")
    footer = pager(path, paths)
    return "\n".join([*lines, "", footer] if footer else lines) + "\n"


def tag_pages_folder(index: str | None) -> str:
    """Where the tag pages go: beside the tags index `标签.md`, the folder `标签/`; for an index
    note that is a folder's own (`标签/index.md`), that folder; without an index, `tags/`."""
    if index is None:
        return "tags"
    if posixpath.basename(index).lower() in INDEX_NAMES:
        return posixpath.dirname(index) or "tags"
    return posixpath.splitext(index)[0]
