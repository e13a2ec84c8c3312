"""Each page's own view of MkDocs' navigation: every folder the theme renders is cut to a
window (`core.nav_window`), so that neither a page's size nor the work of writing it grows
with its folder. A folder on the page's path shows the window around the page; any other shows
its first items (the theme loops over a closed folder's items too, to find its index page).
Only the folders that are cut are copied; every other item is MkDocs' own object, and what a
folder's cut needs is worked out once a build, not once a page."""

from __future__ import annotations

import copy
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

from mkdocs_garden.core.nav_window import Window, more_label, window


@dataclass
class PageNavigation:
    """What the theme reads of `nav`: its items and its home page (MkDocs' `Navigation` would
    look for the home page among all pages, for every page)."""

    items: list[Any]
    pages: list[Page]
    homepage: Page | None

    def __iter__(self) -> Iterator[Any]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


@dataclass
class Folder:
    """A folder of the navigation as the window needs it."""

    index: Any
    """Its index page (shown with the folder itself), or None."""
    listed: list[Any]
    """Its other items, in order."""
    position: dict[int, int]
    """Where each of them is in `listed`, by `id`."""
    more_url: str | None
    """Where the hidden items are listed: the folder's page."""


class Folders:
    """`Folder` of each section of one build's navigation, made when first asked for."""

    def __init__(self, nav: Navigation) -> None:
        self.nav = nav
        self.known: dict[int, Folder] = {}
        self.closed: dict[int, Section] = {}

    def of(self, section: Section) -> Folder:
        known = self.known.get(id(section))
        if known is None:
            index = next((c for c in section.children if getattr(c, "is_index", False)), None)
            listed = [child for child in section.children if child is not index]
            target = index or (section.children[0] if section.children else None)
            more_url = target.url if isinstance(target, Page) else None
            known = Folder(index, listed, {id(c): i for i, c in enumerate(listed)}, more_url)
            self.known[id(section)] = known
        return known

    def window(self, section: Section, path: Sequence[Any], limit: int) -> tuple[Folder, Window]:
        """The folder, and the window of it shown on a page whose `path` (the page and its
        folders) may go through it."""
        folder = self.of(section)
        active = next((folder.position[id(s)] for s in path if id(s) in folder.position), None)
        return folder, window(len(folder.listed), active, limit)


_LAST: list[Folders] = []
"""The folders of the navigation last asked about (one build's, reused for each page)."""


def folders_of(nav: Navigation) -> Folders:
    if not _LAST or _LAST[0].nav is not nav:
        _LAST[:] = [Folders(nav)]
    return _LAST[0]


def page_navigation(nav: Navigation, page: Page, limit: int) -> Navigation | PageNavigation:
    """The navigation `page` shows; `nav` itself when no folder holds more than `limit`."""
    if limit <= 0:
        return nav
    folders = folders_of(nav)
    path = [page, *page.ancestors]
    items = _windowed(nav.items, folders, path, limit)
    if items is nav.items:
        return nav
    return PageNavigation(items, nav.pages, nav.homepage)


def _windowed(items: list[Any], folders: Folders, path: list[Any], limit: int) -> list[Any]:
    """`items` with each folder cut to its window; the same list when nothing was cut."""
    result = [
        _section_view(item, folders, path, limit) if isinstance(item, Section) else item
        for item in items
    ]
    return items if all(a is b for a, b in zip(result, items, strict=True)) else result


def _section_view(section: Section, folders: Folders, path: list[Any], limit: int) -> Section:
    on_path = any(step is section for step in path)
    if not on_path and id(section) in folders.closed:
        return folders.closed[id(section)]
    folder, shown = folders.window(section, path if on_path else [], limit)
    children = folder.listed[shown.start : shown.stop]
    if on_path:  # the folders inside it that the theme renders open
        children = _windowed(children, folders, path, limit)
    if not shown.before and not shown.after and len(children) == len(folder.listed):
        if all(a is b for a, b in zip(children, folder.listed, strict=True)):
            view = section
        else:
            view = _copy(section, folder, children, shown)
    else:
        view = _copy(section, folder, children, shown)
    if not on_path:
        folders.closed[id(section)] = view
    return view


def _copy(section: Section, folder: Folder, children: list[Any], shown: Window) -> Section:
    more = folder.more_url
    view = copy.copy(section)
    view.children = [
        *([folder.index] if folder.index is not None else []),
        *([Link(more_label(shown.before, "前面"), more)] if shown.before and more else []),
        *children,
        *([Link(more_label(shown.after, "后面"), more)] if shown.after and more else []),
    ]
    return view
