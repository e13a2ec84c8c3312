"""`garden/obsidian`: the vault's notes rendered by Garden (links, embeds, callouts, math and
the rest as Obsidian shows them) and handed to MkDocs as finished pages. All the logic lives
in `mkdocs_garden.core`; this module only connects MkDocs events to it."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from typing import Any

from markdown.extensions.toc import slugify as toc_default_slugify
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from mkdocs_garden.core.anchors import Slugify
from mkdocs_garden.core.connections.recent import has_recent_directive
from mkdocs_garden.core.diagnostics import Diagnostic, Severity
from mkdocs_garden.core.feeds import summary_of
from mkdocs_garden.core.home import home_note
from mkdocs_garden.core.incremental import PagePrint, same_objects
from mkdocs_garden.core.markup import render_failure_page
from mkdocs_garden.core.mathml import mathml_as_text
from mkdocs_garden.core.note_meta import PublishMode
from mkdocs_garden.core.obsidian_settings import (
    folders_that_are_not_notes,
    is_in_folders,
    strict_line_breaks,
)
from mkdocs_garden.core.page.model import NotePage, TocEntry
from mkdocs_garden.core.page_cache import PageCache, callable_signature
from mkdocs_garden.core.paths import is_inside
from mkdocs_garden.core.sanitize import sanitize_html
from mkdocs_garden.core.site import GardenSite, SiteOptions
from mkdocs_garden.core.text import narrow_html
from mkdocs_garden.core.theme_meta import ThemeLookup, theme_meta
from mkdocs_garden.core.urls import OwnSite, has_scheme
from mkdocs_garden.core.vault import Note, Vault

from . import site_assets
from .mermaid import LocalMermaid
from .obsidian_config import ObsidianConfig

log = logging.getLogger("mkdocs.plugins.garden.obsidian")

NAVIGATION_PROPERTIES = ("icon", "status", "subtitle")
"""The page properties Material shows in the navigation of every page that lists the page."""

_ARTICLE = 'class="md-content__inner md-typeset'


class ObsidianPlugin(BasePlugin[ObsidianConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.vault: Vault | None = None
        self.site: GardenSite | None = None
        self.mermaid: LocalMermaid | None = None
        self.seconds = {"index": 0.0, "pages": 0.0}
        self.serving = False
        self.theme: ThemeLookup | None = None
        self.site_urls: dict[str, str] = {}
        """URL of every file the site is built with (drafts only under `mkdocs serve`)."""
        self.tags_page: str | None = None
        """The note holding Material's tags listing, if one does."""
        self.material_tags: MaterialTags | None = None
        self._markdown: dict[str, str] = {}
        """The Markdown each note's page was handed on with, to see if a plugin changed it."""
        self._whole_content: tuple[Page, str] | None = None
        """The page the search index is reading, and its content with the formulas."""
        self._raw_html: dict[str, bool] = {}
        """Whether each note's page holds HTML written in a note (the rest is Garden's)."""
        self.dirty = False
        """An incremental build (`--dirty`): the notes' pages are kept whole for the next."""
        self._memory: dict[str, NotePage] = {}
        self._keys: dict[str, tuple[Note, str, str]] = {}
        self._printed_meta: dict[str, dict[str, Any]] = {}
        """Each note's page properties as `page_print` worked them out, for the same build."""
        self._told = _Told(set(), remember=False)
        self._prints: dict[str, _PagePrint] = {}
        """Each note's page print, kept while what it is made of stays the same."""
        self._pruned = False
        """Whether old entries of the page cache were deleted in this process (once is enough)."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.dirty = dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        _quiet_jieba()
        site_assets.register(config, self.config.lightbox)
        self.theme = None  # `mkdocs serve` may have changed the theme's settings
        self.mermaid = LocalMermaid(self.config.mermaid_script)
        self.mermaid.configure(config)
        return config

    def _page_cache(self, config: MkDocsConfig, options: SiteOptions) -> PageCache:
        signature = json.dumps(
            [
                callable_signature(options.slugify),
                options.separator,
                options.breaks,
                _own_addresses(config, self.config.former_urls),
                options.shown_properties,
            ],
            ensure_ascii=False,
        )
        memory, keys = (self._memory, self._keys) if self.dirty else (None, None)
        cache = PageCache(self.cache_dir(config) / "pages", signature, memory, keys)
        if not self._pruned:
            self._pruned = True
            cache.prune()
        return cache

    def cache_dir(self, config: MkDocsConfig) -> Path:
        """Garden's cache folder, from the option relative to mkdocs.yml."""
        return Path(config.config_file_path or ".").parent / self.config.cache_dir

    @event_priority(50)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        started = time.perf_counter()
        files = self._index(files, config)
        self.seconds = {"index": time.perf_counter() - started, "pages": 0.0}
        return files

    def _index(self, files: Files, config: MkDocsConfig) -> Files:
        own = _drop_links_out_of_the_vault(
            files, [f for f in files if _in_vault(f, config.docs_dir)], config.docs_dir
        )
        own = _drop_folders_that_are_not_notes(files, own, config.docs_dir)
        earlier = self.site if self.dirty else None
        vault = Vault.load(
            Path(config.docs_dir),
            [f.src_uri for f in own],
            PublishMode(self.config.publish),
            log.info,
            earlier.vault if earlier is not None else None,
        )
        self._told = _Told(self._told.now, remember=self.dirty)
        self._told.log_all(vault.diagnostics)
        by_path = {file.src_uri: file for file in own}
        built = [f.src_uri for f in own if f.is_documentation_page() and _built(f, self.serving)]
        slugify, separator = _toc_slugify(config)
        options = SiteOptions(
            slugify,
            separator,
            _line_breaks(self.config.line_breaks, config.docs_dir),
            OwnSite(_own_addresses(config, self.config.former_urls)),
            Severity.WARNING if self.config.missing_links == "warn" else Severity.INFO,
            str(config.site_name),
            tuple(self.config.properties),
            log.info,
        )
        cache = self._page_cache(config, options)
        self._printed_meta = {}
        site = GardenSite(vault, built, options, cache, earlier, incremental=self.dirty)
        self._memory = cache.memory or {}
        self._keys = cache.keys or {}
        if not self.dirty:  # no next build in this process: the notes' text goes with the build
            vault.readings.clear()
        if cache.hits:
            log.info(f"garden: {cache.hits:,} notes from the cache, {cache.misses:,} rendered")
        self._choose_home_page(site, by_path)
        _drop_notes_the_site_does_not_show(files, own, vault, site)
        attachments = site.choose_attachments(
            [*self.config.public, *_site_own_files(config, own)],
            lambda path: by_path[path].content_string,
        )
        _drop_held_back(files, by_path, attachments.held_back)
        site_assets.add_files(files, config, self.config.lightbox)
        if self.mermaid is not None:
            self.mermaid.add_files(files, config)
        urls = self.site_urls = {f.src_uri: f.url for f in files if _built(f, self.serving)}
        tags = self.material_tags = _material_tags(config)
        tags_page = self.tags_page = site.first_note_holding(f"<!-- {tags.directive}")
        tags_url = urls.get(tags_page) if tags_page else None
        site.resolve_links(
            urls,
            lambda tag: f"{tags_url}#{tags.anchor(tag)}" if tags_url is not None else None,
            (tags_url, callable_signature(tags.anchor)) if self.dirty else None,
        )
        self._told.log_all(site.take_diagnostics())
        self._prints = {path: known for path, known in self._prints.items() if path in site.notes}
        self.vault, self.site = vault, site
        self._raw_html = {}
        return files

    def _choose_home_page(self, site: GardenSite, by_path: dict[str, File]) -> None:
        """A vault without `index.md` gets its home note as the home page (the address the
        logo and the site's name link to)."""
        named = self.config.home
        home = home_note(site.notes, named)
        if named and home != named:
            log.warning(f"garden: home: '{named}' is not a published note; not the home page")
        if home is not None:
            file = by_path[home]
            file.name = "index"
            file.dest_uri = "index.html"
            file.url = "./" if file.use_directory_urls else "index.html"

    def on_page_read_source(self, page: Page, config: MkDocsConfig) -> str | None:
        note = self._note(page)
        if note is None or self.site is None:
            return None
        # The leading newline keeps MkDocs from reading metadata again: ours is already parsed.
        return "\n" + self.site.hand_over_body(note.path)

    @event_priority(50)
    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        note = self._note(page)
        if note is None or self.site is None:
            return markdown
        page.meta = self._page_meta(note, config)
        self._markdown[note.path] = markdown
        _render_with_garden(page, lambda: self._render(page, note))
        return markdown

    def _render(self, page: Page, note: Note) -> None:
        """The page's HTML and table of contents, from the note's one parse; from a second
        one only when another plugin has changed the page's Markdown."""
        assert self.site is not None
        started = time.perf_counter()
        markdown = page.markdown or ""
        if markdown == self._markdown.get(note.path):
            rendered, filled = self.site.page_html(note.path)
        else:
            rendered, filled = self.site.changed_page_html(note.path, markdown, note.body_line - 1)
        page.content = filled.html
        self._raw_html[note.path] = filled.raw_html
        page.toc = get_toc(_toc_tokens(rendered.toc))
        page.present_anchor_ids = set(rendered.ids)
        page.links_to_anchors = {}
        self._told.log_all(filled.diagnostics)
        self.seconds["pages"] += time.perf_counter() - started

    def _page_meta(self, note: Note, config: MkDocsConfig, quiet: bool = False) -> dict[str, Any]:
        """What the theme gets of the note's frontmatter: its own properties, checked, and
        Garden's readings of the rest; text escaped here, once."""
        assert self.site is not None
        if self.theme is None:
            self.theme = _theme_lookup(config)
        meta, problems = theme_meta(note.meta, self.theme)
        for problem in [] if quiet else problems:
            line = note.key_lines.get(problem.key or "", 1)
            log.log(int(problem.severity), f"garden: {note.path}:{line}: {problem.message}")
        for key in ("subtitle", "author"):
            if key in meta:
                meta[key] = Markup(escape(meta[key]))
        meta["title"] = _safe_title(self.site.titles[note.path])
        # The page's description: its own, else its first paragraph (for search engines and
        # link cards; Material writes it into the page's head).
        description = summary_of(note.info.description, self.site.pages[note.path].summary)
        if description:
            meta["description"] = Markup(escape(description))
        tags = self.site.tags[note.path]
        if tags:
            meta["tags"] = tags
        return meta

    # For incremental builds (garden/incremental) ---------------------------------------

    def page_print(self, path: str, config: MkDocsConfig) -> PagePrint | None:
        """What a note's page is made of, as far as this plugin makes it; None for a page that
        is not a note's, or whose Markdown another plugin changes (written every time)."""
        if self.site is None or path not in self.site.notes or path == self.tags_page:
            return None
        note = self.site.notes[path]
        if has_recent_directive(note.body):
            return None
        rendered, filled = self.site.page_html(path)
        made_of = (note.meta, note.info, rendered, filled)
        inputs = (self.site.titles[path], self.site.tags[path])
        known = self._prints.get(path)
        if known is not None and same_objects(known.made_of, made_of) and known.inputs == inputs:
            self._printed_meta[path] = known.meta
            return known.parts
        meta = self._printed_meta[path] = self._page_meta(note, config, quiet=True)
        parts = PagePrint(
            content=[hashlib.sha256(filled.html.encode("utf-8", "surrogatepass")).hexdigest()],
            frame=[repr((filled.raw_html, rendered.toc, sorted(rendered.ids), meta))],
        )
        self._prints[path] = _PagePrint(made_of, inputs, meta, parts)
        return parts

    def site_notes(self) -> Mapping[str, Note]:
        """The published notes with a page, by path (none before the vault is read)."""
        return self.site.notes if self.site is not None else {}

    def title_of(self, path: str) -> Markup | None:
        """A note's title as its page shows it; None for a path that is not a published note."""
        if self.site is None or path not in self.site.titles:
            return None
        return _safe_title(self.site.titles[path])

    def shown_in_navigation(self, path: str, config: MkDocsConfig) -> str:
        """What the theme's navigation shows of a note's properties besides its title (an
        icon, a status, a subtitle), as text; "" for a page that is not a note's, or a note
        that sets none of them."""
        note = self.site.notes.get(path) if self.site is not None else None
        if note is None or not any(key in note.meta for key in NAVIGATION_PROPERTIES):
            return ""
        meta = self._printed_meta.get(path) or self._page_meta(note, config, quiet=True)
        return repr([meta.get(key) for key in NAVIGATION_PROPERTIES])

    def prepare_unwritten(self, page: Page, config: MkDocsConfig) -> None:
        """A page an incremental build leaves as written is not read again, yet the pages
        written around it show its title and properties (in the navigation)."""
        note = self._note(page)
        if note is None:
            return
        meta = self._printed_meta.get(note.path) or self._page_meta(note, config, quiet=True)
        page.meta = dict(meta)
        page.title = page.meta["title"]

    @event_priority(100)
    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Every page's content sanitised (a note's page when it holds HTML written in a note:
        the rest Garden wrote from escaped text), and its title made text: MkDocs names a page
        without a `title` by its first heading, as HTML, which the theme prints as it is."""
        if not isinstance(page.meta.get("title"), Markup):
            page.meta["title"] = _safe_title(unescape(str(page.title or "")))
        needed = self._raw_html.get(page.file.src_uri, True)  # pages of other plugins: always
        return narrow_html(sanitize_html(html) if self.config.sanitize_html and needed else html)

    @event_priority(10)  # just before Material's search reads the page
    def _lighter_for_search(
        self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> Any:
        """Formulas as their characters while the search index reads the page: the same words
        in the index, without the markup that makes MathML pages the slowest to index."""
        content = page.content or ""
        if "<math" in content and self._note(page) is not None:
            self._whole_content = (page, content)
            page.content = mathml_as_text(content)
        return context

    @event_priority(-90)  # after search, before garden/connections adds the closing section
    def _whole_again(
        self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> Any:
        if self._whole_content is not None and self._whole_content[0] is page:
            page.content = self._whole_content[1]
        self._whole_content = None
        return context

    on_page_context = CombinedEvent(_lighter_for_search, _whole_again)

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Sections are named after folders of the vault, which the theme prints as HTML."""
        for item in _sections(nav.items):
            if not isinstance(item.title, Markup):
                item.title = _safe_title(str(item.title))
        return nav

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        if self.mermaid is not None:
            self.mermaid.check_page(output, page.file.src_uri)
        note = self._note(page)
        if note is None or not note.info.cssclasses:
            return output
        classes = " ".join(note.info.cssclasses)
        if _ARTICLE not in output:
            log.warning(f"{note.path}: the theme has no article element for cssclasses '{classes}'")
            return output
        return output.replace(_ARTICLE, f"{_ARTICLE} {classes}", 1)

    @event_priority(-100)
    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        """Every page has been rendered by now (MkDocs renders all pages' content before it
        writes any): what rendering them needed can go."""
        if self.site is not None and not self.dirty:
            self.site.release_pages()
        self._markdown = {}
        return env

    def on_post_build(self, config: MkDocsConfig) -> None:
        index, pages = self.seconds["index"], self.seconds["pages"]
        log.info(
            f"garden: link layer {index + pages:.2f} s (index {index:.2f} s, pages {pages:.2f} s)"
        )

    def _note(self, page: Page) -> Note | None:
        """The published note behind a page; None for pages other plugins generate, even
        where an unpublished note has the same path."""
        if self.site is None or page.file.generated_by is not None:
            return None
        return self.site.notes.get(page.file.src_uri)


def _drop_notes_the_site_does_not_show(
    files: Files, own: list[File], vault: Vault, site: GardenSite
) -> None:
    """Notes without a page (unpublished, left out by MkDocs) leave the build before any
    other plugin sees them."""
    for file in own:
        note = vault.notes.get(file.src_uri)
        if note is None or note.path in site.notes:
            continue
        if note.published and not file.is_documentation_page():
            log.warning(
                f"garden: {note.path}: MkDocs would copy this note as a raw file (it only "
                "renders lower-case Markdown suffixes); not published: rename it to .md"
            )
        files.remove(file)


def _site_own_files(config: MkDocsConfig, own: list[File]) -> list[str]:
    """Files the site itself uses, published whatever the notes say: the stylesheets,
    scripts, favicon and logo named in mkdocs.yml, and files other plugins generate."""
    named = [*config.extra_css, *(str(script) for script in config.extra_javascript)]
    named += [str(config.theme.get(key) or "") for key in ("favicon", "logo")]
    generated = [file.src_uri for file in own if file.generated_by is not None]
    return [path for path in named if path and not has_scheme(path)] + generated


def _drop_held_back(files: Files, by_path: dict[str, File], held_back: tuple[str, ...]) -> None:
    for path in held_back:
        files.remove(by_path[path])
        log.debug(f"garden: {path}: no published note refers to it; not published")
    if held_back:
        log.info(
            f"garden: {len(held_back)} files of the vault held back: no published note links "
            "to or embeds them, and they are in no public folder"
        )


def _built(file: File, serving: bool) -> bool:
    """Whether MkDocs builds the file: not left out by `exclude_docs`, nor a draft (but while
    serving, where MkDocs shows drafts)."""
    inclusion = file.inclusion
    return bool(inclusion.is_in_serve() if serving else inclusion.is_included())


def _render_with_garden(page: Page, render: Callable[[], None]) -> None:
    """MkDocs renders a page's Markdown with Python-Markdown right after this event; a note's
    page is rendered by Garden instead. A note Garden cannot render does not stop the site:
    its page shows the note's text as written, and the log names the file."""

    def render_page(config: MkDocsConfig, files: Files) -> None:
        try:
            render()
        except Exception as error:  # a defect in Garden must cost one page, not the site
            log.error(
                f"garden: {page.file.src_uri}: could not be rendered ({type(error).__name__}: "
                f"{error}); the page shows the note's text as written"
            )
            log.debug("garden: rendering failed", exc_info=True)
            page.content = render_failure_page(page.markdown or "")

    page.render = render_page  # type: ignore[method-assign]


def _toc_tokens(entries: list[TocEntry]) -> list[Any]:
    return [
        {"level": e.level, "id": e.id, "name": e.name, "children": _toc_tokens(e.children)}
        for e in entries
    ]


def _line_breaks(setting: str, docs_dir: str) -> bool:
    """Whether a single newline is a line break: as the vault's Obsidian settings say
    (`"strictLineBreaks"` in `.obsidian/app.json`, off unless set), or as configured."""
    if setting != "obsidian":
        return setting == "breaks"
    return not strict_line_breaks(Path(docs_dir))


def _sections(items: list[Any]) -> Iterator[Section]:
    stack = list(items)
    while stack:
        item = stack.pop()
        if isinstance(item, Section):
            yield item
            stack.extend(item.children)


def _theme_lookup(config: MkDocsConfig) -> ThemeLookup:
    """The templates and icons of the configured theme (custom_dir first, as MkDocs looks)."""
    templates: set[str] | None = None
    dirs = list(config.theme.dirs)

    def has_template(name: str) -> bool:
        nonlocal templates
        if templates is None:
            templates = set(config.theme.get_env().list_templates())
        return name in templates

    def has_icon(name: str) -> bool:
        return any(os.path.isfile(os.path.join(d, ".icons", f"{name}.svg")) for d in dirs)

    return ThemeLookup(has_template, has_icon)


@dataclass(frozen=True)
class _PagePrint:
    made_of: tuple[object, ...]
    """The note's properties, its page and its filled HTML, as objects."""
    inputs: tuple[object, ...]
    """Its title and tags."""
    meta: dict[str, Any]
    parts: PagePrint


@dataclass(frozen=True)
class MaterialTags:
    """Material's tags plugin as it is configured (read once, for both Garden plugins)."""

    directive: str
    """The marker of a tags listing, `material/tags` unless configured."""
    listings: bool
    """Whether Material renders listings (off, or without the plugin: none)."""
    anchor: Callable[[str], str]
    """The id a listing gives a tag."""


def _material_tags(config: MkDocsConfig) -> MaterialTags:
    plugin = config.plugins.get("material/tags")
    options = getattr(plugin, "config", None)
    if options is None:
        return MaterialTags(
            "material/tags", False, lambda tag: f"tag:{toc_default_slugify(tag, '-')}"
        )
    slugify, separator = options.tags_slugify, options.tags_slugify_separator
    form: str = options.tags_slugify_format
    return MaterialTags(
        options.listings_directive,
        bool(options.enabled and options.listings),
        lambda tag: form.format(slug=slugify(tag, separator)),
    )


def _safe_title(title: str) -> Markup:
    """A title as text in every template.

    MkDocs renders templates without autoescaping, so the title is escaped here (as Markup,
    which `| e` leaves alone). Material also writes `page.title | striptags` into `<title>`,
    which unescapes it again: angle brackets become their full-width forms so that nothing
    there can close the element.
    """
    return Markup(escape(title.replace("<", "＜").replace(">", "＞")))


def _toc_slugify(config: MkDocsConfig) -> tuple[Slugify, str]:
    toc: dict[str, Any] = config.mdx_configs.get("toc", {})
    return toc.get("slugify", toc_default_slugify), toc.get("separator", "-")


def _own_addresses(config: MkDocsConfig, former: list[str]) -> tuple[str, ...]:
    addresses = [config.site_url] if config.site_url else []
    return tuple(address for address in [*addresses, *former] if address)


def _drop_folders_that_are_not_notes(files: Files, own: list[File], docs_dir: str) -> list[File]:
    """Obsidian's settings, trash and templates never reach the site."""
    folders = folders_that_are_not_notes(Path(docs_dir))
    for file in own:
        if is_in_folders(file.src_uri, folders):
            files.remove(file)
    return [file for file in own if not is_in_folders(file.src_uri, folders)]


def _in_vault(file: File, docs_dir: str) -> bool:
    """Files of docs/, and files other plugins generate (drawn figures): not theme files."""
    if file.generated_by is not None:
        return not file.is_documentation_page()
    return file.abs_src_path is not None and is_inside(
        os.path.abspath(file.abs_src_path), os.path.abspath(docs_dir)
    )


def _drop_links_out_of_the_vault(files: Files, own: list[File], docs_dir: str) -> list[File]:
    """A symbolic link in docs/ that points outside it is not published, nor read; notes are
    refused by the vault itself, with their own message. Returns the files that stay."""
    real_docs = os.path.realpath(docs_dir)
    real_folders: dict[str, str] = {}
    kept = []
    for file in own:
        source = file.abs_src_path if file.generated_by is None else None
        outside = source is not None and not is_inside(_real_path(source, real_folders), real_docs)
        if outside and not file.is_documentation_page():
            log.warning(f"garden: {file.src_uri}: links to a file outside the vault; not published")
            files.remove(file)
        else:
            kept.append(file)
    return kept


def _real_path(path: str, real_folders: dict[str, str]) -> str:
    """`os.path.realpath(path)`, each folder's resolved once: only a file that is itself a
    symbolic link is resolved whole."""
    if os.path.islink(path):
        return os.path.realpath(path)
    folder, name = os.path.split(path)
    real = real_folders.get(folder)
    if real is None:
        real = real_folders[folder] = os.path.realpath(folder)
    return os.path.join(real, name)


def _quiet_jieba() -> None:
    """jieba (used by Material's search for Chinese) logs its dictionary loading at DEBUG to
    stderr through a handler of its own; keep the build log to what matters."""
    try:
        import jieba
    except ImportError:
        return
    jieba.setLogLevel(logging.WARNING)


class _Told:
    """The build's log of what it found. Under `mkdocs serve --dirty`, a note saved again is
    not met by every other note's notes again: a message for information is logged once, until
    a build no longer finds it (warnings and errors, every time: they count for `--strict`)."""

    def __init__(self, before: set[str], remember: bool) -> None:
        self.before = before if remember else set()
        self.now: set[str] = set()
        self.remember = remember
        """Whether a next build in this process reads what this one told (`--dirty`)."""

    def log_all(self, diagnostics: list[Diagnostic]) -> None:
        for diagnostic in diagnostics:
            message = f"garden: {diagnostic}"
            if diagnostic.severity <= Severity.INFO and self.remember:
                self.now.add(message)
                if message in self.before:
                    continue
            log.log(int(diagnostic.severity), message)
