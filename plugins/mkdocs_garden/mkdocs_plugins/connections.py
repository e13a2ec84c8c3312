"""`garden/connections`: backlinks, the graph, folder and tag pages, dates and recent notes.

It reads the vault that `garden/obsidian` indexed (and the notes it parsed): all the logic
is in `mkdocs_garden.core.connections`; this module only connects MkDocs events to it.
"""

from __future__ import annotations

import functools
import logging
import time
import zlib
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Any, TypeVar, cast

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Link, Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_theme_dir, write_file
from mkdocs.utils.templates import TemplateContext

from mkdocs_garden.core.connections.backlink_pages import BacklinkPages, backlink_pages
from mkdocs_garden.core.connections.dates import NoteDates, chinese_date, git_history, note_dates
from mkdocs_garden.core.connections.folders import ListedNote, folder_pages
from mkdocs_garden.core.connections.graph_data import (
    GraphInput,
    GraphLayout,
    GraphNode,
    graph_page_markdown,
    graph_shape,
)
from mkdocs_garden.core.connections.layout_cache import LayoutStore
from mkdocs_garden.core.connections.links import Link as NoteLink
from mkdocs_garden.core.connections.links import LinkGraph, collect_links
from mkdocs_garden.core.connections.paging import is_continuation
from mkdocs_garden.core.connections.recent import fill_recent, has_recent_directive
from mkdocs_garden.core.connections.section import SectionOptions, connections_section
from mkdocs_garden.core.connections.tag_pages import TagPages, tag_pages, tag_pages_folder
from mkdocs_garden.core.feeds import FEED_NAMES, FeedEntry, rss_feed, summary_of
from mkdocs_garden.core.incremental import PagePrint, same_objects
from mkdocs_garden.core.link_card import LinkCard, card_tags, reading_time_fact
from mkdocs_garden.core.progress import Counter
from mkdocs_garden.core.redirects import RedirectSource, plan_redirects, redirect_page
from mkdocs_garden.core.text import narrow_html
from mkdocs_garden.core.urls import has_scheme, quote_path, relative_path, relative_url
from mkdocs_garden.core.vault import Note

from .card_images import CardImages
from .connections_config import ConnectionsConfig
from .nav_window import page_navigation
from .obsidian import ObsidianPlugin

T = TypeVar("T")

log = logging.getLogger("mkdocs.plugins.garden.connections")


class _LastMade:
    """What was made last from inputs equal to these (under `mkdocs serve --dirty`, most
    saves leave the folder listings and the graph as they were)."""

    def __init__(self, keep: bool = False) -> None:
        self.made: dict[str, tuple[object, Any]] = {}
        self.keep = keep
        """Whether a next build in this process may use what this one made (`--dirty`)."""

    def get(self, name: str, inputs: object, make: Callable[[], T]) -> T:
        known = self.made.get(name)
        if known is not None and known[0] == inputs:
            return cast(T, known[1])
        made = make()
        if self.keep:
            self.made[name] = (inputs, made)
        return made


class ConnectionsPlugin(BasePlugin[ConnectionsConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.obsidian: ObsidianPlugin | None = None
        self.links = LinkGraph()
        self.sections: dict[str, bytes] = {}
        """Each note's backlinks and local graph, as packed HTML."""
        self._unsectioned: tuple[Page, str] | None = None
        """The page being written, and its content before the section was added."""
        self.notes: dict[str, Note] = {}
        self.dates: dict[str, NoteDates] = {}
        self.listed: list[ListedNote] = []
        self.titles: dict[str, str] = {}
        self.tags: dict[str, list[str]] = {}
        self.urls: dict[str, str] = {}
        self.tag_pages = TagPages({}, {})
        self.backlink_pages = BacklinkPages({}, {})
        self.graph_url: str | None = None
        self._graph: tuple[_LateFile, GraphLayout, float] | None = None
        """The graph's file, its layout, and when it was started (written at the end)."""
        self.graph_page_url: str | None = None
        self.feed_url: str | None = None
        self.summaries: dict[str, str] = {}
        """Each note's summary: its `description`, else its first paragraph as text."""
        self.minutes: dict[str, int] = {}
        self.covers: dict[str, str] = {}
        self.cards = CardImages("")
        """The card images drawn for the notes without a cover."""
        self.dirty = False
        """An incremental build: each section is made when its page is written (most pages
        are not), from the links kept for the build."""
        self._last = _LastMade()
        self._backlink_prints: dict[str, tuple[list[NoteLink], str]] = {}
        self._sections_made: dict[str, tuple[tuple[object, ...], str]] = {}
        """Each note's closing section as the last dirty build made it, with what it was
        made from: the hub's backlinks quote a hundred sentences."""
        self._retitled: set[str] = set()
        """Notes whose title or address changed since the build before."""
        self.written: Counter | None = None
        """Pages written so far, for progress on a long build."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.dirty = dirty
        self._last.keep = dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.cards.font_option = self.config.card_font
        plugin = config.plugins.get("garden/obsidian")
        if not isinstance(plugin, ObsidianPlugin):
            raise PluginError("garden/connections needs the garden/obsidian plugin before it")
        self.obsidian = plugin
        return config

    @event_priority(40)  # after garden/obsidian has read the vault
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        started = time.perf_counter()
        assert self.obsidian is not None
        site = self.obsidian.site
        assert site is not None
        before = (self.titles, self.urls)
        self.urls = dict(self.obsidian.site_urls)
        # `mkdocs serve` builds again with the same plugin: nothing is kept from the last build.
        self.tag_pages = TagPages({}, {})
        self.backlink_pages = BacklinkPages({}, {})
        self.graph_url = self.graph_page_url = self.feed_url = None
        self.notes = site.notes
        self.titles = site.titles
        self.tags = site.tags
        self.links = collect_links(site.pages, site.table, self.links if self.dirty else None)
        self._retitled = {
            path
            for path, title in self.titles.items()
            if before[0].get(path) != title or before[1].get(path) != self.urls.get(path)
        }
        self.dates = self._dates(config)
        self.summaries = {
            path: summary_of(note.info.description, site.pages[path].summary)
            for path, note in self.notes.items()
        }
        self.minutes = {path: site.pages[path].reading_minutes for path in self.notes}
        self.covers = dict(site.covers)
        if self.config.link_cards and self.config.card_images and config.site_url:
            # Without `site_url` a card could not be named: its address must be absolute.
            assert self.obsidian is not None
            uncovered = [path for path in self.notes if path not in self.covers]
            cache_dir = self.obsidian.cache_dir(config) / "cards"
            self.cards.start(uncovered, self.titles, config, cache_dir)
        else:
            self.cards.urls = {}
        self.listed = [ListedNote(path, self.titles[path], self.dates[path]) for path in self.notes]
        self._add_pages(files, config)
        if self.config.graph:
            self._add_graph(files, config)
        if self.config.redirects:
            self._add_redirects(files, config)
        if self.config.feed:
            self._add_feed(files, config)
        # Each note's closing section made now, and kept packed: the links and the sentences
        # around them need not stay for the rest of the build. An incremental build writes
        # few pages, and makes only their sections.
        self.sections = {}
        if not self.dirty:
            self.sections = {
                path: zlib.compress(self._section(path, self.urls[path]).encode("utf-8"), 1)
                for path in self.notes
            }
            self.links = LinkGraph()
            site.forget_link_sentences()
        log.info(f"garden: connections {time.perf_counter() - started:.2f} s")
        return files

    # Dates -----------------------------------------------------------------------------

    def _dates(self, config: MkDocsConfig) -> dict[str, NoteDates]:
        history = git_history(Path(config.docs_dir)) if self.config.git_dates else {}
        dates, diagnostics = note_dates(self.notes, history)
        for diagnostic in diagnostics:
            log.log(int(diagnostic.severity), f"garden: {diagnostic}")
        return dates

    # Generated pages -------------------------------------------------------------------

    def _add_pages(self, files: Files, config: MkDocsConfig) -> None:
        taken = {file.dest_uri for file in files}
        if self.config.folder_pages:
            size = self.config.listing_size
            listings = self._last.get(
                "folders", (self.listed, size), lambda: folder_pages(self.listed, size)
            )
            for path, markdown in listings.items():
                inclusion = (
                    InclusionLevel.NOT_IN_NAV if is_continuation(path) else InclusionLevel.UNDEFINED
                )
                self._generate(files, config, taken, path, markdown, inclusion)
        assert self.obsidian is not None and self.obsidian.material_tags is not None
        if self.config.tag_pages and self.obsidian.material_tags.listings:
            folder = tag_pages_folder(self.obsidian.tags_page)
            size = self.config.listing_size
            pages = self._last.get(
                "tags",
                (self.listed, self.tags, folder, size),
                lambda: tag_pages(self.listed, self.tags, folder, size),
            )
            written = {
                path: markdown
                for path, markdown in pages.markdown.items()
                if self._generate(files, config, taken, path, markdown, InclusionLevel.NOT_IN_NAV)
            }
            self.tag_pages = pages.only(written)
        if self.config.backlinks:
            self._add_backlink_pages(files, config, taken)

    def _add_backlink_pages(self, files: Files, config: MkDocsConfig, taken: set[str]) -> None:
        """The list of every linking note, for a note more link to than its page shows."""
        limit, size = self.config.backlinks_limit, self.config.listing_size
        sources_of = {
            target: list(dict.fromkeys(link.source for link in links))
            for target in self.notes
            if limit > 0 and len(links := self.links.backlinks(target)) > limit
        }
        named = {p for sources in sources_of.values() for p in sources} | sources_of.keys()
        titles = {path: self.titles[path] for path in sorted(named)}
        pages = self._last.get(
            "backlinks",
            (sources_of, titles, limit, size),
            lambda: backlink_pages(sources_of, titles, limit, size),
        )
        written = {
            path: markdown
            for path, markdown in pages.markdown.items()
            if self._generate(files, config, taken, path, markdown, InclusionLevel.NOT_IN_NAV)
        }
        self.backlink_pages = pages.only(written)

    def _generate(
        self,
        files: Files,
        config: MkDocsConfig,
        taken: set[str],
        path: str,
        markdown: str,
        inclusion: InclusionLevel,
    ) -> bool:
        """Add a generated page, unless its output would replace a file of the site."""
        file = File.generated(config, path, content=markdown, inclusion=inclusion)
        if file.dest_uri in taken:
            log.info(f"garden: {file.dest_uri} is taken by a file of the vault; no page for {path}")
            return False
        taken.add(file.dest_uri)
        files.append(file)
        self.urls[path] = file.url
        return True

    # Redirects and the feed ------------------------------------------------------------

    def _add_redirects(self, files: Files, config: MkDocsConfig) -> None:
        sources = [
            RedirectSource(path, addresses, note.key_lines.get("aliases", 1))
            for path, note in self.notes.items()
            if (addresses := (*note.info.aliases, *_permalink(note)))
        ]
        taken = {file.dest_uri.casefold() for file in files} | set(FEED_NAMES)
        redirects, problems = plan_redirects(
            sources, self.urls, lambda path: path.casefold() in taken
        )
        for problem in problems:
            log.log(int(problem.severity), f"garden: {problem}")
        for redirect in redirects:
            page = redirect_page(redirect, config.site_url or "")
            files.append(File.generated(config, redirect.path, content=page))
        if redirects:
            log.info(f"garden: {len(redirects)} redirects from aliases and permalinks")

    def _add_feed(self, files: Files, config: MkDocsConfig) -> None:
        site_url = config.site_url or ""
        entries = [
            FeedEntry(
                self.titles[path],
                _absolute(site_url, self.urls[path]),
                self.dates[path].latest,
                self.summaries[path],
            )
            for path in self.notes
        ]
        feed = rss_feed(config.site_name, site_url, config.site_description or "", entries).encode(
            "utf-8"
        )
        taken = {file.dest_uri for file in files}
        self.feed_url = None
        for name in FEED_NAMES:
            if name in taken:
                log.warning(f"garden: {name} is a file of the vault; the feed is not written there")
                continue
            files.append(File.generated(config, name, content=feed))
            self.feed_url = self.feed_url or name

    # Card images -----------------------------------------------------------------------

    def on_post_build(self, config: MkDocsConfig) -> None:
        self._write_graph()
        self.cards.finish(Path(config.site_dir))

    def on_build_error(self, error: Exception) -> None:
        if self._graph is not None:
            self._graph[1].cancel()
        self._graph = None
        self.cards.stop()

    # The graph -------------------------------------------------------------------------

    def _add_graph(self, files: Files, config: MkDocsConfig) -> None:
        started = time.perf_counter()
        graph_input = self._graph_input()
        # As UTF-8 bytes: the file is held until written, and a title with an emoji would make
        # the whole text take four bytes a character.
        assert self.obsidian is not None
        store = LayoutStore(self.obsidian.cache_dir(config) / "layouts")
        layout = self._last.get(
            "graph", graph_input, lambda: GraphLayout(graph_shape(graph_input), store)
        )
        json_file = cast(
            _LateFile, _LateFile.generated(config, self.config.graph_file, content=b"")
        )
        taken = {file.dest_uri for file in files}
        if json_file.dest_uri in taken:
            log.warning(f"garden: {json_file.dest_uri} is a file of the vault; no graph written")
            return
        json_file.late = layout.json_bytes
        files.append(json_file)
        self._graph = (json_file, layout, started)
        self.graph_url = json_file.url
        page = self.config.graph_page
        if page:
            url = File.generated(config, page, content="").url
            markdown = graph_page_markdown(relative_url(json_file.url, url), layout.shape)
            if self._generate(files, config, taken, page, markdown, InclusionLevel.UNDEFINED):
                self.graph_page_url = url

    def _write_graph(self) -> None:
        """The graph's file, written once the build has written everything else (its layout
        may have been laid out meanwhile, in a worker)."""
        graph, self._graph = self._graph, None
        if graph is None:
            return
        json_file, layout, started = graph
        write_file(json_file.content_bytes, json_file.abs_dest_path)
        shape = layout.shape
        nodes, edges = len(shape.nodes), len(shape.edges)
        seconds = time.perf_counter() - started
        log.info(f"garden: graph of {nodes} nodes and {edges} edges laid out in {seconds:.2f} s")

    def _graph_input(self) -> GraphInput:
        notes = [GraphNode(path, self.titles[path], self.urls[path]) for path in sorted(self.notes)]
        tags: dict[str, list[str]] = {}
        if self.config.graph_tags:
            for path in sorted(self.notes):
                for tag in self.tags[path]:
                    tags.setdefault(tag, []).append(path)
        tag_urls = {tag: self._tag_url(tag) for tag in tags}
        ghosts = self.links.ghosts if self.config.graph_ghosts else {}
        return GraphInput(notes, self.links.pairs(), tags, tag_urls, ghosts)

    def _tag_url(self, tag: str) -> str | None:
        page = self.tag_pages.page_of(tag)
        return self.urls.get(page) if page else None

    # Pages -----------------------------------------------------------------------------

    @event_priority(40)  # after garden/obsidian has rendered the note
    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        path = page.file.src_uri
        dates = self.dates.get(path)
        if dates is not None:
            if dates.modified:
                page.meta["git_revision_date_localized"] = chinese_date(dates.modified)
            if dates.created:
                page.meta["git_creation_date_localized"] = chinese_date(dates.created)
        if not has_recent_directive(markdown):
            return markdown
        others = [note for note in self.listed if note.path != path]
        return fill_recent(markdown, others, lambda target: quote_path(relative_path(target, path)))

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        pages = sum(1 for file in files if file.is_documentation_page())
        self.written = Counter("garden: pages written", pages, log.info)
        return env

    @event_priority(-100)  # after the search plugin has indexed the page
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        self._prefer_tag_pages(context)
        features = config.theme.get("features") or []
        shown = page_navigation(nav, page, self.config.nav_limit, features)
        context["nav"] = shown  # type: ignore[typeddict-item]
        path = page.file.src_uri
        packed = self.sections.pop(path, None)
        section = zlib.decompress(packed).decode("utf-8") if packed is not None else None
        if self.dirty and path in self.notes:
            section = self._section(path, self.urls[path])
        if section is not None and page.content is not None:
            self._unsectioned = (page, page.content)
            page.content += narrow_html(section)
        return context

    def on_template_context(
        self, context: TemplateContext, /, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext:
        """A page of the theme's own (the 404 page) shows the navigation with every folder
        closed, as cut for the pages: else it would list every note of the vault."""
        nav = context.get("nav")
        if isinstance(nav, Navigation):
            features = config.theme.get("features") or []
            shown = page_navigation(nav, None, self.config.nav_limit, features)
            context["nav"] = shown  # type: ignore[typeddict-item]
        return context

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        """The page is written: its content goes back to what the search index read, so
        that the section, only ever wanted in the written page, is not held to the end of
        the build by every page. The page's head gets the feed and the link card, and its
        dates the reading time."""
        if self._unsectioned is not None and self._unsectioned[0] is page:
            page.content = self._unsectioned[1]
        self._unsectioned = None
        if self.written is not None:
            self.written.step()
        head = ""
        if self.feed_url is not None:
            href = escape(relative_url(self.feed_url, page.url), quote=True)
            title = escape(config.site_name, quote=True)
            head += (
                f'<link rel="alternate" type="application/rss+xml" title="{title}" href="{href}">\n'
            )
        path = page.file.src_uri
        if path in self.notes and self.config.link_cards:
            head += card_tags(self._card(path, page, config))
        if head and "</head>" in output:
            output = output.replace("</head>", head + "</head>", 1)
        if path in self.notes and self.config.reading_time and self.minutes.get(path):
            output = _with_reading_time(
                output, reading_time_fact(self.minutes[path], _timer_icon())
            )
        return output

    def _card(self, path: str, page: Page, config: MkDocsConfig) -> LinkCard:
        site_url = config.site_url or ""
        cover = self.covers.get(path, "")
        if has_scheme(cover):
            image = cover
        else:  # a vault file, else the card drawn for the note (only where there is a site_url)
            drawn = self.cards.urls.get(path, "")
            image = _absolute(site_url, self.urls.get(cover, "") if cover else drawn)
        return LinkCard(
            self.titles[path],
            self.summaries[path],
            config.site_name,
            _absolute(site_url, page.url or "./") if site_url else "",
            image if site_url or has_scheme(cover) else "",
        )

    def page_print(self, path: str) -> PagePrint:
        """What a note's page holds of this plugin's (for garden/incremental): its closing
        section (in its content), dates, summary, card and tag links, and the site files
        every page links to."""
        tags = [(tag, self._tag_url(tag)) for tag in self.tags.get(path, [])]
        content = [self.sections.get(path, b""), self._backlinks_print(path)]
        return PagePrint(
            content,
            [
                repr(
                    (
                        self.dates.get(path),
                        self.minutes.get(path),
                        self.summaries.get(path),
                        self.covers.get(path),
                        self.cards.urls.get(path),
                        self.urls.get(self.covers.get(path, "")),
                        tags,
                        [self.feed_url, self.graph_url, self.graph_page_url],
                        self._all_backlinks_url(path),
                    )
                )
            ],
        )

    def _backlinks_print(self, path: str) -> str:
        """The backlinks a note's page shows, as text; kept while they are the same links
        (each note's links are the same objects while the note is) from notes whose title and
        address are the same."""
        links = self.links.backlinks(path)
        known = self._backlink_prints.get(path)
        if (
            known is not None
            and same_objects(known[0], links)
            and not any(link.source in self._retitled for link in links)
        ):
            return known[1]
        text = "\x1e".join(
            f"{link.source}\x1f{self.titles[link.source]}\x1f{self.urls[link.source]}"
            f"\x1f{link.embed}\x1f{self._use_print(link)}\x1f{link.part!r}"
            for link in links
        )
        self._backlink_prints[path] = (list(links), text)
        return text

    def _use_print(self, link: NoteLink) -> str:
        """A link as its backlink shows it: its place in its note's page, named by the page's
        content key (the same key, the same sentence), else the link itself."""
        assert self.obsidian is not None and self.obsidian.site is not None
        page = self.obsidian.site.pages.get(link.source)
        key = page.key if page is not None else ""
        return f"{key}:{link.order}" if key else repr(link.use)

    def _section(self, path: str, page_url: str) -> str:
        options = SectionOptions(
            show_empty=self.config.backlinks and self.config.backlinks_empty == "message",
            graph_src=_relative_or_none(self.graph_url, page_url),
            graph_page=_relative_or_none(self.graph_page_url, page_url),
            limit=self.config.backlinks_limit,
            all_backlinks=_relative_or_none(self._all_backlinks_url(path), page_url),
        )
        made_of: tuple[object, ...] = ()
        if self.dirty:  # (a whole build makes each section once)
            shown = self._backlinks_print(path) if self.config.backlinks else ""
            made_of = (shown, self.titles[path], page_url, options)
            known = self._sections_made.get(path)
            if known is not None and known[0] == made_of:
                return known[1]
        section = connections_section(
            path,
            self.links.backlinks(path) if self.config.backlinks else [],
            self.titles.__getitem__,
            lambda source: relative_url(self.urls[source], page_url),
            options,
        )
        if made_of:
            self._sections_made[path] = (made_of, section)
        return section

    def _all_backlinks_url(self, path: str) -> str | None:
        page = self.backlink_pages.page_of.get(path)
        return self.urls.get(page) if page is not None else None

    def _prefer_tag_pages(self, context: TemplateContext) -> None:
        """Material links a page's tags to the listings that feature them, and only the tags
        index has one: each tag's own page (a plain list, see `tag_pages`) goes first, so that
        the tag chip leads there; the index stays as the second link."""
        references: list[Any] = context.get("tags") or []  # type: ignore[assignment]
        for reference in references:
            page = self.tag_pages.page_of(str(reference))
            own = self.urls.get(page) if page else None
            links = getattr(reference, "links", None)
            if own is not None and isinstance(links, list):
                links.insert(0, Link(f"#{reference}", own))


class _LateFile(File):
    """A generated file whose bytes are made when asked for (`late`), and which MkDocs does not
    copy with the static files: the graph's file, written at the end of the build."""

    late: Callable[[], bytes] = staticmethod(lambda: b"")

    @property
    def content_bytes(self) -> bytes:
        return self.late()

    @content_bytes.setter
    def content_bytes(self, value: bytes) -> None:
        self.late = lambda: value

    def copy_file(self, dirty: bool = False) -> None:
        pass


def _relative_or_none(url: str | None, page_url: str) -> str | None:
    return relative_url(url, page_url) if url is not None else None


def _permalink(note: Note) -> tuple[str, ...]:
    """Obsidian Publish's `permalink` property: the address the note is published under."""
    value = note.meta.get("permalink")
    return (value,) if isinstance(value, str) and value.strip() else ()


def _absolute(site_url: str, url: str) -> str:
    """A site URL (relative to the root) as an absolute address, when the site has one."""
    if not url:
        return ""
    url = "" if url in (".", "./") else url.removeprefix("./")
    return site_url.rstrip("/") + "/" + url if site_url else url or "./"


def _with_reading_time(output: str, fact: str) -> str:
    """The reading time first among the page's dates, or in a line of its own where the
    page shows no dates."""
    aside = '<aside class="md-source-file">'
    if aside in output:
        return output.replace(aside, aside + fact, 1)
    end = output.rfind("</article>")
    if end == -1:
        return output
    return output[:end] + f"{aside}{fact}</aside>" + output[end:]


@functools.cache
def _timer_icon() -> str:
    icon = Path(get_theme_dir("material")) / ".icons" / "material" / "timer-outline.svg"
    return icon.read_text(encoding="utf-8") if icon.is_file() else ""
