"""Each page's own view of MkDocs' navigation: the active folders' items cut to a window around
the page (`core.nav_window`), so that a page's size does not grow with its folder. Only the
folders on the page's path are copied; every other item is MkDocs' own object."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
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


def page_navigation(nav: Navigation, limit: int) -> Navigation | PageNavigation:
    """The navigation the current page (the one MkDocs marked active) shows; `nav` itself when
    no folder on its path holds more than `limit` items."""
    items = _windowed(nav.items, limit)
    if items is nav.items:
        return nav
    return PageNavigation(items, nav.pages, nav.homepage)


def _windowed(items: list[Any], limit: int) -> list[Any]:
    """`items` with each active folder's items cut to the window; the same list when nothing
    had to be cut."""
    changed = False
    result = []
    for item in items:
        if isinstance(item, Section) and item.active:
            view = _section_view(item, limit)
            changed = changed or view is not item
            result.append(view)
        else:
            result.append(item)
    return result if changed else items


def section_window(
    section: Section, limit: int, on_path: Callable[[Any], bool]
) -> tuple[Any, list[Any], Window]:
    """A folder's index page (shown with the folder itself), its other items, and the window
    of them shown on a page whose path (`on_path`) goes through the folder."""
    index = next((child for child in section.children if getattr(child, "is_index", False)), None)
    listed = [child for child in section.children if child is not index]
    active = next((i for i, child in enumerate(listed) if on_path(child)), None)
    return index, listed, window(len(listed), active, limit)


def _section_view(section: Section, limit: int) -> Section:
    index, listed, shown = section_window(
        section, limit, lambda child: getattr(child, "active", False)
    )
    children = _windowed(listed[shown.start : shown.stop], limit)
    uncut = not shown.before and not shown.after
    if uncut and all(view is child for view, child in zip(children, listed, strict=True)):
        return section
    target = index or section.children[0]
    more_url = target.url if isinstance(target, Page) else None
    view = copy.copy(section)
    view.children = [
        *([index] if index is not None else []),
        *([Link(more_label(shown.before, "前面"), more_url)] if shown.before and more_url else []),
        *children,
        *([Link(more_label(shown.after, "后面"), more_url)] if shown.after and more_url else []),
    ]
    return view
