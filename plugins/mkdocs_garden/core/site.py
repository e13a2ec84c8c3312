"""One build of a vault, stage by stage, free of any site generator:

read the vault → decide what is published → parse and render each published note once →
choose the attachments → resolve every link once → fill each page.

Everything a later stage (backlinks, the graph, folder and tag pages) reads is here, and it
holds only what is published: an unpublished note is never parsed, has no page, no title, no
tags and no URL, so nothing downstream can show it by looping over what this object has.
"""

from __future__ import annotations

import dataclasses
import posixpath
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .anchors import Slugify
from .attachments import Attachments, choose_attachments
from .cover import cover_of
from .diagnostics import Diagnostic, Severity
from .link_table import LinkTable, SiteFacts, build_link_table, resolve_page
from .markup import render_failure_page
from .page.build import PageOptions, render_note
from .page.fill import FilledPage, Filling, fill_page
from .page.model import NotePage, pack_html
from .page_cache import PageCache
from .progress import Report, tracked
from .reading_time import reading_minutes
from .resolve import Resolver
from .urls import OwnSite
from .vault import INDEX_NAMES, Note, Vault


@dataclass(frozen=True)
class SiteOptions:
    slugify: Slugify
    separator: str = "-"
    breaks: bool = True
    own_site: OwnSite = field(default_factory=lambda: OwnSite(()))
    missing_severity: Severity = Severity.INFO
    site_name: str = ""
    shown_properties: tuple[str, ...] = ()
    progress: Report | None = None
    """Where lines of progress go on a long build (`notes rendered: 1,200 / 5,000`)."""


class GardenSite:
    def __init__(
        self,
        vault: Vault,
        built: Iterable[str],
        options: SiteOptions,
        cache: PageCache | None = None,
        earlier: GardenSite | None = None,
        incremental: bool = False,
    ) -> None:
        """Decide what is published: the published notes among `built` (the pages the site
        generator would make); parse and render each of them, once (or take its page from
        `cache`, where an earlier build left it). With the build before (`earlier`, under
        `mkdocs serve --dirty`), later stages redo only what a change reaches;
        `incremental`: a build whose work a next build reuses (filled pages are kept)."""
        self.vault = vault
        self.incremental = incremental
        self._earlier = earlier
        self._names = vault.names()
        self.options = options
        self.cache = cache
        self.resolver = Resolver(vault)
        self.notes: dict[str, Note] = {
            path: vault.notes[path]
            for path in sorted(built)
            if path in vault.notes and vault.notes[path].published
        }
        """The published notes, each with a page: the one answer to "is it published?"."""
        self.page_options = PageOptions(
            options.slugify,
            options.separator,
            options.breaks,
            self._is_own_address,
            options.shown_properties,
        )
        notes = list(self.notes.items())
        self.pages: dict[str, NotePage] = {
            path: self._render(note)
            for path, note in tracked(notes, "garden: notes rendered", options.progress)
        }
        self.titles = {path: self._title(note) for path, note in self.notes.items()}
        self.tags = {path: self._tags(note) for path, note in self.notes.items()}
        self.covers: dict[str, str] = {}
        """Each published note's card image (`image`/`cover`): a vault file or an address."""
        self.urls: dict[str, str] = {}
        self.facts = SiteFacts(lambda path: None)
        self.table = LinkTable({}, [])
        self._filled: dict[str, FilledPage] = {}
        self._references: dict[str, tuple[str, ...]] = {}

    def take_diagnostics(self) -> list[Diagnostic]:
        """What reading the pages and resolving the links found, in file order; handed over
        once (to be reported). A page keeps its own: a cache may hand it to the next build."""
        found = [d for page in self.pages.values() for d in page.diagnostics]
        found += self.table.diagnostics
        self.table.diagnostics = []
        return found

    def forget_link_sentences(self) -> None:
        """Let go of the text around links, once the backlinks that show it are made."""
        for page in self.pages.values():
            for use in page.links:
                use.around = None

    def choose_attachments(
        self, public: Iterable[str], read_page: Callable[[str], str]
    ) -> Attachments:
        """The attachments published notes refer to, their card images included."""
        self.covers = {
            path: cover
            for path, note in self.notes.items()
            if (cover := cover_of(note, self.resolver))
        }
        images = [cover for cover in self.covers.values() if cover in self.vault.files]
        chosen = choose_attachments(
            self.vault,
            self.pages.values(),
            self.resolver,
            self.options.own_site,
            [*public, *images],
            read_page,
            self._known_references(),
        )
        self._references = chosen.references
        return chosen

    def _known_references(self) -> dict[str, tuple[str, ...]]:
        """What the pages the build before had too refer to, where names resolve the same."""
        earlier = self._earlier
        if (
            earlier is None
            or earlier._names != self._names
            or earlier.options.own_site != self.options.own_site
        ):
            return {}
        return {
            path: found
            for path, found in earlier._references.items()
            if earlier.pages.get(path) is self.pages.get(path)
        }

    def resolve_links(
        self,
        urls: dict[str, str],
        tag_url: Callable[[str], str | None] = lambda tag: None,
        context: object = None,
    ) -> None:
        """Every link resolved once, now that the site's URLs are known (`urls`: the URL of
        every vault file the site has). After the build before it, with the same `context`
        (what `tag_url` and the site generator's settings depend on), only the pages a change
        reaches are resolved and filled again."""
        earlier, self._earlier = self._earlier, None  # one build back is all that is kept
        self.urls = urls
        self.facts = SiteFacts(
            urls.get, self.options.own_site, tag_url, self.options.missing_severity
        )
        if context is not None:
            options = self.options
            context = (context, self._names, options.own_site, options.missing_severity)
        before = earlier.table if earlier is not None else None
        self.table = build_link_table(
            self.vault, self.resolver, self.pages, self.facts, context, before
        )
        self.resolver.forget()
        if earlier is not None:
            self._filled = {
                path: filled
                for path, filled in earlier._filled.items()
                if path in self.pages and self._same_filling(earlier, path, filled)
            }

    def _same_filling(self, earlier: GardenSite, path: str, filled: FilledPage) -> bool:
        """Whether a page filled by the build before is filled the same now: the same page,
        answers and URL, and so for every note it embeds (and the embed's title)."""
        if earlier.urls.get(path) != self.urls.get(path):
            return False
        for shown in (path, *filled.embedded):
            if earlier.pages.get(shown) is not self.pages.get(shown) or earlier.table.resolved.get(
                shown
            ) is not self.table.resolved.get(shown):
                return False
        return all(
            earlier.titles.get(shown) == self.titles.get(shown)
            and earlier.urls.get(shown) == self.urls.get(shown)
            for shown in filled.embedded
        )

    def page_html(self, path: str) -> tuple[NotePage, FilledPage]:
        """A note's page, and its final HTML (filled once a build, or kept from the one
        before when nothing it shows changed)."""
        filled = self._filled.get(path)
        if filled is None:
            filling = Filling(self.pages, self.table, self.urls.get, self.titles.__getitem__)
            filled = fill_page(filling, path, self.urls[path])
            if self.incremental:  # else the page's HTML lives on in the site generator's page
                self._filled[path] = filled
        return self.pages[path], filled

    def changed_page_html(
        self, path: str, markdown: str, body_line: int
    ) -> tuple[NotePage, FilledPage]:
        """A note's page from its Markdown as another plugin changed it (Material's tags
        plugin marks where a listing goes), parsed a second time, this page only."""
        note = self.notes[path]
        page = render_note(
            path,
            markdown,
            body_line,
            self.page_options,
            heading_ids=True,
            properties=note.meta,
            key_lines=note.key_lines,
        )
        pages = {**self.pages, path: page}
        links = resolve_page(self.vault, self.resolver, self.pages, self.facts, page)
        table = LinkTable({**self.table.resolved, path: links}, [])
        filling = Filling(pages, table, self.urls.get, self.titles.__getitem__)
        return page, fill_page(filling, path, self.urls[path])

    def hand_over_body(self, path: str) -> str:
        """A note's text, for the site generator, which keeps it from now on: the site keeps
        no copy of its own (everything it needs of the text it read when the note was
        parsed). Under `--dirty` the vault's readings and the page cache's keys still hold
        the note as read, for the next build."""
        note = self.notes[path]
        if note.body:
            self.notes[path] = self.vault.notes[path] = dataclasses.replace(note, body="")
        return note.body

    def first_note_holding(self, marker: str) -> str | None:
        """The first published note (by path) whose text holds `marker`: the one that holds
        a listing directive, say."""
        return next((path for path, note in self.notes.items() if marker in note.body), None)

    def release_pages(self) -> None:
        """Let go of the pages' HTML and links once every page has been filled: a build's
        later stages (templates, search) need the memory, and read none of it."""
        for page in self.pages.values():
            page.packed_html = b""
            page.links = []
            page.sections = []
            page.blocks = {}
            page.block_texts = {}
            page.headings = []
            page.toc = []
            page.ids = set()
        self.table = LinkTable({}, [])
        self._filled = {}

    def _render(self, note: Note) -> NotePage:
        """The note's page, from the cache when it holds it."""
        if self.cache is None:
            return self._render_now(note)
        key = self.cache.key(note)
        page = self.cache.get(key)
        if page is None:
            page = self._render_now(note)
            if not any(d.severity >= Severity.ERROR for d in page.diagnostics):
                self.cache.put(key, page)
        page.key = key
        return page

    def _render_now(self, note: Note) -> NotePage:
        """The note's page; a note Garden fails to render costs its own page, not the site:
        the page shows the note's text as written, and the failure is reported."""
        try:
            page = render_note(
                note.path,
                note.body,
                note.body_line,
                self.page_options,
                properties=note.meta,
                key_lines=note.key_lines,
            )
            page.reading_minutes = reading_minutes(note.body)
            return page
        except Exception as error:  # a defect of Garden's, met by one note
            message = (
                f"could not be rendered ({type(error).__name__}: {error}); the page shows the "
                "note's text as written"
            )
            problem = Diagnostic(note.path, note.body_line, message, Severity.ERROR)
            html = pack_html(render_failure_page(note.body))
            return NotePage(note.path, html, note.body_line, diagnostics=[problem])

    def _is_own_address(self, url: str) -> bool:
        return self.options.own_site.path_of(url) is not None

    def _title(self, note: Note) -> str:
        """The title of the note's page: its `title`, else its file name; an index note
        without a `title` takes its first `# heading`, else its folder's name (or the
        site's), as MkDocs names such pages."""
        if note.info.title or posixpath.basename(note.path).lower() not in INDEX_NAMES:
            return note.title
        for heading in self.pages[note.path].headings:
            if heading.level == 1:
                return heading.text
        return posixpath.basename(posixpath.dirname(note.path)) or self.options.site_name

    def _tags(self, note: Note) -> list[str]:
        """The note's tags: those of its frontmatter, then its inline `#tags`, each once."""
        return list(dict.fromkeys([*note.info.tags, *self.pages[note.path].tags]))
