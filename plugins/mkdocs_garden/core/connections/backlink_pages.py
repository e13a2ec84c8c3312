"""The full list of notes linking to a note, on pages of its own, for a note more notes link
to than its page shows (`backlinks_limit`): a page's backlinks stay the same size however
many notes link to it, and every linking note is still one click away."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..markup import literal_text, markdown_link
from ..paths import fitting_path
from ..text import fold
from ..urls import quote_path, relative_path
from ..vault import strip_note_suffix
from .paging import numbered, paged, pager

FOLDER = "反向链接"
"""Where the lists go, at the top of the site, by the linked note's path."""


@dataclass(frozen=True)
class BacklinkPages:
    markdown: dict[str, str]
    """Generated pages by vault path."""
    page_of: dict[str, str]
    """The first page of each linked note's list, by the note's path."""

    def only(self, markdown: dict[str, str]) -> BacklinkPages:
        """These pages, less those that were not written."""
        return BacklinkPages(
            markdown, {note: page for note, page in self.page_of.items() if page in markdown}
        )


def backlink_pages(
    sources_of: Mapping[str, Sequence[str]],
    title_of: Mapping[str, str],
    limit: int,
    page_size: int = 0,
    folder: str = FOLDER,
) -> BacklinkPages:
    """A list for each note with more than `limit` linking notes (`sources_of`: each note's,
    each once), in the order its backlinks show them: by title. None when `limit` is 0."""
    markdown: dict[str, str] = {}
    page_of: dict[str, str] = {}
    for note, sources in sources_of.items():
        if limit <= 0 or len(sources) <= limit:
            continue
        path = fitting_path(folder, strip_note_suffix(note).split("/"), "index.md")
        ordered = sorted(sources, key=lambda source: (fold(title_of[source]), source))
        listing = paged(path, ordered, page_size)
        paths = [page for page, _share in listing]
        for page, share in listing:
            markdown[page] = _page(note, title_of, page, share, paths)
        page_of[note] = path
    return BacklinkPages(markdown, page_of)


def _page(
    note: str, title_of: Mapping[str, str], path: str, sources: Sequence[str], paths: list[str]
) -> str:
    title = title_of[note]
    heading = f"反向链接：{literal_text(title)}{numbered(path, paths)}"
    link = markdown_link(title, quote_path(relative_path(note, path)))
    lines = [f"# {heading}", "", f"链接到 {link} 的笔记：", ""]
    for source in sources:
        target = quote_path(relative_path(source, path))
        lines.append(f"- {markdown_link(title_of[source], target)}")
    footer = pager(path, paths)
    return "\n".join([*lines, "", footer] if footer else lines) + "\n"
