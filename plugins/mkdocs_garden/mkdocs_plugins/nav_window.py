"""Each page's own view of MkDocs' navigation: every folder the theme renders is cut to a
window (`core.nav_window`), so that neither a page's size nor the work of writing it grows
with its folder. A folder on the page's path shows the window around the page; any other, its
index page and first item only where the theme shows closed folders as one link (Material's
`navigation.prune`), else its first items (the theme loops over a closed folder's items too).
Only the folders that are cut are copied; every other item is MkDocs' own object, and what a
folder's cut needs is worked out once a build, not once a page."""

from __future__ import annotations

import copy
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

from mkdocs_garden.core.nav_window import CLOSED_ITEMS, MORE_AFTER, MORE_BEFORE, Window, window


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

    def __init__(self, nav: Navigation, limit: int, features: Sequence[str]) -> None:
        self.nav = nav
        self.limit = limit
        self.pruned = "navigation.prune" in features and not (
            "navigation.sections" in features or "navigation.tabs" in features
        )
        """Whether the theme shows a closed folder as one link to its first item."""
        self.known: dict[int, Folder] = {}
        self.closed: dict[int, Section] = {}
        self.closed_views: set[int] = set()
        """The `id` of each closed view (alive all build, in `closed`)."""

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

    def window(self, section: Section, path: Sequence[Any]) -> tuple[Folder, Window]:
        """The folder, and the window of it shown on a page whose `path` (the page and its
        folders) goes through it."""
        folder = self.of(section)
        active = next((folder.position[id(s)] for s in path if id(s) in folder.position), None)
        return folder, window(len(folder.listed), active, self.limit)

    def closed_view(self, section: Section) -> Section:
        """The folder as pages whose path does not go through it show it (the same for all)."""
        known = self.closed.get(id(section))
        if known is None:
            folder = self.of(section)
            size = CLOSED_ITEMS if self.pruned else self.limit
            shown = window(len(folder.listed), None, size)
            children = self.windowed(folder.listed[: shown.stop], [])  # folders in it: closed
            known = self._view(section, folder, children, shown)
            self.closed[id(section)] = known
            self.closed_views.add(id(known))
        return known

    def as_closed(self, section: Section) -> Section:
        """A folder as a page outside it shows it: its closed view, or the folder itself when
        it is such a view already."""
        return section if id(section) in self.closed_views else self.closed_view(section)

    def open_view(self, section: Section, path: list[Any]) -> Section:
        """The folder as a page inside it shows it: the window around the page."""
        folder, shown = self.window(section, path)
        children = self.windowed(folder.listed[shown.start : shown.stop], path)
        return self._view(section, folder, children, shown)

    def windowed(self, items: list[Any], path: list[Any]) -> list[Any]:
        """`items` with each folder cut; the same list when nothing was cut."""
        result = [self.view(item, path) if isinstance(item, Section) else item for item in items]
        return items if all(a is b for a, b in zip(result, items, strict=True)) else result

    def view(self, section: Section, path: list[Any]) -> Section:
        on_path = any(step is section for step in path)
        return self.open_view(section, path) if on_path else self.closed_view(section)

    def _view(
        self, section: Section, folder: Folder, children: list[Any], shown: Window
    ) -> Section:
        uncut = not shown.before and not shown.after and len(children) == len(folder.listed)
        if uncut and all(a is b for a, b in zip(children, folder.listed, strict=True)):
            return section
        more = folder.more_url
        view = copy.copy(section)
        view.children = [
            *([folder.index] if folder.index is not None else []),
            *([Link(MORE_BEFORE, more)] if shown.before and more else []),
            *children,
            *([Link(MORE_AFTER, more)] if shown.after and more else []),
        ]
        return view


_LAST: list[Folders] = []
"""The folders of the navigation last asked about (one build's, reused for each page)."""


def folders_of(nav: Navigation, limit: int, features: Sequence[str]) -> Folders:
    if not _LAST or _LAST[0].nav is not nav or _LAST[0].limit != limit:
        _LAST[:] = [Folders(nav, limit, features)]
    return _LAST[0]


def page_navigation(
    nav: Navigation, page: Page | None, limit: int, features: Sequence[str]
) -> Navigation | PageNavigation:
    """The navigation `page` shows (a page of the theme's own, such as the 404 page, shows
    every folder closed); `nav` itself when no folder had to be cut."""
    if limit <= 0:
        return nav
    path = [page, *page.ancestors] if page is not None else []
    items = folders_of(nav, limit, features).windowed(nav.items, path)
    if items is nav.items:
        return nav
    return PageNavigation(items, nav.pages, nav.homepage)
