"""What the theme shows of the navigation on each page, as text to hash: a page is written
again when what its navigation shows changed (`garden/incremental`)."""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from .nav_window import folders_of
from .obsidian import ObsidianPlugin


class NavPrints:
    """The navigation each page shows, as `nav_window` cuts it: the top level (closed folders
    as every page outside them shows them) and, down the page's path, the window of each folder
    around the page; and the pages before and after it. What the theme reads of an entry is
    worked out once a build, as text."""

    def __init__(
        self, nav: Navigation, obsidian: ObsidianPlugin, limit: int, config: MkDocsConfig
    ) -> None:
        self.obsidian = obsidian
        self.config = config
        features = config.theme.get("features") or []
        self.folders = folders_of(nav, limit, features) if limit > 0 else None
        self.items: dict[int, str] = {}
        self.listed: dict[int, list[bytes]] = {}
        """What the theme reads of each item of a folder, by the folder's `id` (as bytes: the
        windows of a folder's pages are cut from them and hashed as they are)."""
        self.uncertain = False
        """Whether a page shown has a title not known before it is read (a page of another
        plugin's): a page whose print holds it is written again, and not into a frame."""
        home = self.item(nav.homepage) if nav.homepage is not None else ""  # (the breadcrumbs)
        self.top = "\x1e".join([home, *(self.item(entry) for entry in nav.items)]).encode()

    def of(self, page: Page) -> list[bytes]:
        ancestors = list(page.ancestors)
        path = [page, *ancestors]
        parts = [self.top]
        for section in reversed(ancestors):
            assert isinstance(section, Section)
            parts.append(self._open(section, path))
        for neighbour in (page.previous_page, page.next_page):
            parts.append(self.item(neighbour).encode() if neighbour is not None else b"")
        return parts

    def _open(self, section: Section, path: list[Any]) -> bytes:
        """A folder on the page's path as the page shows it: its window around the page (the
        folder on the path below it is printed as a part of its own)."""
        if self.folders is None:
            shown = [self.item(child) for child in section.children]
            return "\x1e".join([str(section.title), *shown]).encode()
        folder, window = self.folders.window(section, path)
        listed = self.listed.get(id(section))
        if listed is None:
            listed = [self.item(child).encode() for child in folder.listed]
            self.listed[id(section)] = listed
        index = self.item(folder.index) if folder.index is not None else ""
        more = folder.more_url if window.before or window.after else None
        head = f"{section.title}\x1e{index}\x1e{window.before > 0}{window.after > 0}{more}"
        return b"\x1e".join([head.encode(), *listed[window.start : window.stop]])

    def item(self, entry: Any) -> str:
        """What the theme reads of an entry it shows; of a folder, the items it shows closed
        (the theme loops over them to find its index page, and links to the first)."""
        known = self.items.get(id(entry))
        if known is not None:
            return known
        kind = type(entry).__name__
        title = entry.title
        if isinstance(entry, Page):
            title = page_title(entry, self.obsidian)
            self.uncertain = self.uncertain or title is None
        found = f"{kind}\x1f{title}\x1f{getattr(entry, 'url', None)}"
        if isinstance(entry, Page):
            found += "\x1f" + self.obsidian.shown_in_navigation(entry.file.src_uri, self.config)
        if isinstance(entry, Section):
            closed = self.folders.as_closed(entry) if self.folders else entry
            found += "\x1d" + "\x1d".join(self.item(child) for child in closed.children)
        if isinstance(entry, (Page, Section)):  # the navigation's own, alive all build
            self.items[id(entry)] = found
        return found


def page_title(page: Page, obsidian: ObsidianPlugin) -> str | None:
    """A page's title before it is read: a note's, or the heading a page Garden generates
    starts with (as it will be read); None for any other page."""
    generator = page.file.generated_by
    if generator is None:
        return obsidian.title_of(page.file.src_uri)
    if not generator.startswith("garden/"):
        return None
    for line in page.file.content_string.splitlines():
        if line.startswith("# "):
            return line
    return None
