"""`garden/incremental`: `mkdocs serve --dirty` (and `mkdocs build --dirty`) rebuild only the
pages a change reaches, and leave no page stale.

MkDocs' dirty builds skip a page whose source file is older than its written file, which leaves
behind what other notes changed (a link to a renamed heading, a backlink, the navigation after a
title changed), the page of a note that was deleted or unpublished, and a search index of the
pages written last. Here a page is skipped only when its fingerprint (`core.incremental`: its
filled HTML, title, properties, dates, backlinks and local graph, card, its share of the
navigation, the configuration and the code) is the one the page was written with; files the
last build wrote and this one does not are deleted; and the search index is put together from
the entries of the pages written now and those kept from before.

In every build, dirty or not, a page whose frame the theme wrote before (in this process, or
kept in Garden's cache folder) is written into it without its template (`page_framing`); a
page whose text for search is unchanged gets its search entries from Garden's cache folder
instead of being indexed again (`core.search_cache`); and the search index is written here,
entry by entry (`core.search_index_file`).
"""

from __future__ import annotations

import copy
import hashlib
import logging
import os
import re
import sys
from collections.abc import Iterable
from functools import cache
from importlib.metadata import packages_distributions, version
from pathlib import Path
from types import ModuleType
from typing import Any

import material
import mkdocs
from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

import mkdocs_garden
from mkdocs_garden.core.idle_gc import IdleCollector
from mkdocs_garden.core.incremental import (
    BuildState,
    PagePrint,
    fingerprint,
    folder_signature,
    quick_print,
    stale,
)
from mkdocs_garden.core.page_cache import code_signature, installed_version
from mkdocs_garden.core.search_cache import EntryCache
from mkdocs_garden.core.search_index_file import entry_json, write_index_file

from .connections import ConnectionsPlugin
from .nav_prints import NavPrints
from .obsidian import ObsidianPlugin
from .page_framing import FrameTemplate, PageFraming, toc_print
from .serve_watcher import CHOICES, watch_by_events

log = logging.getLogger("mkdocs.plugins.garden.incremental")

FRAMES_READ = -10_000
"""When a page's frame key is read: after every plugin but one that sets a lower priority still
(what such a plugin gives the template is not in the key)."""

CONFIG_KEYS = (
    "site_name",
    "site_url",
    "site_description",
    "site_author",
    "copyright",
    "use_directory_urls",
    "repo_url",
    "repo_name",
    "edit_uri",
    "extra",
    "extra_css",
    "extra_javascript",
    "markdown_extensions",
    "mdx_configs",
    "nav",
    "validation",
)


class IncrementalConfig(Config):
    """The plugin acts in dirty builds (and, in every build, keeps search entries and writes
    the search index); its one option is how `mkdocs serve` watches for changes."""

    file_events = c.Choice(CHOICES, default="auto")
    """`auto`: folders on a local filesystem are watched by the system's file events, the rest
    polled; `always`: every folder by events; `never`: everything polled, as MkDocs does."""


class IncrementalPlugin(BasePlugin[IncrementalConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.dirty = False
        self.serving = False
        """`mkdocs serve` writes drafts too."""
        self.state = BuildState()
        """The last build, as this one compares with it."""
        self.current = BuildState()
        self.built: set[str] = set()
        """Pages written in this build, by written file."""
        self.skipped = 0
        """Pages this build left as written."""
        self._seen = 0
        self._search: Any = None
        self._files: Files | None = None
        self._templates = _CompiledTemplates()
        self._collector = IdleCollector()
        self._pruned = False
        """Whether old search entries were deleted in this process (once is enough)."""
        self._entries: EntryCache | None = None
        self.framing = PageFraming()
        """Pages written into the frames the theme wrote before, in any build."""
        self._silenced: Any = None
        """Material's search plugin, while the index this plugin wrote is left to stand."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.dirty = dirty
        self.serving = command == "serve"
        build_log = logging.getLogger("mkdocs.commands.build")
        if dirty and _DIRTY_WARNING not in build_log.filters:
            build_log.addFilter(_DIRTY_WARNING)

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        """Changes are watched by file events where they reach this process (`serve_watcher`).

        Material's search splits Chinese into words with jieba, which loads its dictionary
        (0.6 s) the first time it is asked. A first build whose search entries all came from
        the cache never asked: it is loaded now, not on the first save."""
        watch_by_events(server, self.config.file_events)
        if self._search is not None and getattr(self._search.config, "enabled", False):
            _load_word_splitter()
        return server

    @event_priority(100)  # the build's first word
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.dirty and self.serving:
            self._collector.build_starts()
        return config

    @event_priority(-200)  # after every plugin has changed the navigation
    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.current = BuildState()
        self.built = set()
        self._seen = 0
        self._search = config.plugins.get("material/search") or config.plugins.get("search")
        self._index_once(config)
        obsidian, connections = _garden_plugins(config)
        if obsidian is None or connections is None:
            self.framing.splicing = False
            return nav
        whole = self._site_print(config)
        navigation = NavPrints(nav, obsidian, connections.config.nav_limit, config)
        frames = obsidian.cache_dir(config) / "frames"
        self.framing.start(config, frames, whole, navigation, self.dirty)
        if self.dirty:
            self._leave_unchanged(config, files, obsidian, connections, whole, navigation)
        return nav

    @property
    def spliced(self) -> int:
        """Pages this build wrote into a frame the theme wrote before."""
        return self.framing.spliced

    def _leave_unchanged(
        self,
        config: MkDocsConfig,
        files: Files,
        obsidian: ObsidianPlugin,
        connections: ConnectionsPlugin,
        whole: str,
        navigation: NavPrints,
    ) -> None:
        """Each page written by the build before whose print is unchanged is left as it is."""
        skipped = 0
        for file in self._pages(files):
            page = file.page
            print_ = obsidian.page_print(file.src_uri, config) or _generated_print(file)
            if page is None or print_ is None:
                _decide(file, True)  # a page made from what Garden cannot see: written again
                continue
            own = connections.page_print(file.src_uri)
            frame = quick_print([whole, *print_.frame, *own.frame, *navigation.of(page)])
            page_print = quick_print([frame, *print_.content, *own.content])
            output = file.abs_dest_path
            self.current.fingerprints[output] = page_print
            unchanged = (
                self.state.unchanged(output, page_print, os.path.isfile)
                and (file.generated_by is None or output in self.state.heads)  # title known
                and not navigation.uncertain  # (another plugin's page: its title comes later)
            )
            _decide(file, not unchanged)
            if unchanged:
                skipped += 1
                if file.src_uri in obsidian.site_notes():
                    obsidian.prepare_unwritten(page, config)
                else:
                    page.title, page.meta = self.state.heads[file.abs_dest_path]
                _add_to_material_tags(page, config)
        self.skipped = skipped

    def _index_once(self, config: MkDocsConfig) -> None:
        """Material's search reads each page it is given (splitting Chinese into words, the
        slowest part of writing a page). A page whose text for search is the same as before
        gets the entries it had: from the build before under `--dirty` (a link turned to
        text, a new backlink, a neighbour's new title: the page changes, what search reads
        of it does not), else from Garden's cache folder, in any build."""
        index = getattr(self._search, "search_index", None)
        add = getattr(index, "add_entry_from_context", None)
        entries = getattr(index, "entries", None)
        if index is None or add is None or not isinstance(entries, list):
            return
        settings = _indexer_settings(index)
        cache = self._entries = self._entry_cache(config)

        def add_entry_from_context(page: Page) -> None:
            output = page.file.abs_dest_path
            key = quick_print([settings, *_search_input(page)])
            self.current.search_keys[output] = key
            if self.state.search_keys.get(output) == key and output in self.state.search:
                entries.extend(self.state.search[output])  # (copied once the page is read)
                return
            known = cache.get(key) if cache is not None else None
            if known is not None:
                entries.extend(known)
                return
            start = len(entries)
            add(page)
            if cache is not None:
                cache.put(key, entries[start:])

        index.add_entry_from_context = add_entry_from_context

    def _entry_cache(self, config: MkDocsConfig) -> EntryCache | None:
        obsidian = config.plugins.get("garden/obsidian")
        if not isinstance(obsidian, ObsidianPlugin):
            return None
        cache = EntryCache(obsidian.cache_dir(config) / "search")
        if not self._pruned:
            self._pruned = True
            cache.prune()
        return cache

    def _site_print(self, config: MkDocsConfig) -> str:
        """What every page is made with: the configuration, the theme (with its overrides),
        and the versions of the code that writes it."""
        theme = {key: config.theme[key] for key in config.theme}
        own_dirs = [d for d in config.theme.dirs if not _versioned(d)]
        plugins = {
            name: dict(plugin.config) if hasattr(plugin, "config") else None
            for name, plugin in config.plugins.items()
        }
        # Figures drawn in variants are shown by markup that depends on which variants exist.
        figures = getattr(config.plugins.get("garden/figures"), "variants", {})
        return fingerprint(
            {key: config.get(key) for key in CONFIG_KEYS},
            theme,
            plugins,
            repr(sorted(figures.items())),
            folder_signature(own_dirs),
            [version(name) for name in ("mkdocs", "mkdocs-material", "jinja2", "markupsafe")],
            code_signature(),
            sorted(_plugin_code(plugin) for plugin in config.plugins.values()),
        )

    @event_priority(-110)  # after Material's search has read the page
    def _written_now(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        if not self.dirty:
            return context
        output = page.file.abs_dest_path
        self.built.add(output)
        if page.file.generated_by is not None:
            self.current.heads[output] = (page.title, dict(page.meta))
        index = getattr(self._search, "search_index", None)
        entries = getattr(index, "entries", None)
        if isinstance(entries, list):
            self.current.search[output] = copy.deepcopy(entries[self._seen :])
            self._seen = len(entries)
        return context

    @event_priority(FRAMES_READ)  # the last: the template is given what every plugin gave it
    def _into_frame(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        self.framing.into_frame(context, page)
        return context

    on_page_context = CombinedEvent(_written_now, _into_frame)

    @event_priority(1000)  # the first to see what the template wrote
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        self.framing.keep(page, output)
        return output

    @event_priority(10)  # before Material's search writes its index
    def _complete(self, config: MkDocsConfig) -> None:
        chunks = self._complete_dirty(config) if self.dirty else None
        self._write_search_index(config, chunks)

    def _complete_dirty(self, config: MkDocsConfig) -> list[str] | None:
        """What a dirty build leaves for the next: stale files removed, and what the pages
        left as written had; their search entries in order, as JSON."""
        files = self._files
        if files is None:
            return None
        outputs = {file.abs_dest_path for file in files if self._written(file)}
        for path in stale(self.state.outputs, outputs):
            _remove(path, config.site_dir)
        self.current.outputs = outputs
        self.framing.keep_only(outputs)
        for output in outputs - self.built:  # pages left as written keep what they had
            self.current.carry(output, self.state)
        chunks = self._search_chunks(files)
        self.state, self.current = self.current, BuildState()
        return chunks

    @event_priority(-200)  # the build's last word: every file is written
    def _report(self, config: MkDocsConfig) -> None:
        cache = self._entries
        if cache is not None and cache.hits:
            log.info(
                f"garden: search entries of {cache.hits:,} pages from the cache, "
                f"{cache.misses:,} pages indexed"
            )
        if self.dirty:
            log.info(
                f"garden: incremental build: {len(self.built):,} pages written "
                f"({self.spliced:,} into their last frame), {self.skipped:,} left as written"
            )
        elif self.spliced:
            log.info(f"garden: {self.spliced:,} pages written into the frames of the last build")
        if self.dirty and self.serving:
            self._collector.build_ended()
        self._unsilence()

    on_post_build = CombinedEvent(_complete, _report)

    def on_build_error(self, *, error: Exception) -> None:
        self._unsilence()
        if self.dirty and self.serving:
            self._collector.build_ended()

    @event_priority(100)  # before Material's tags plugin makes its listings
    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        self._files = files
        if isinstance(env, Environment) and env.bytecode_cache is None:
            env.bytecode_cache = self._templates
        if isinstance(env, Environment) and self.framing.splicing:
            env.template_class = FrameTemplate
        if self.dirty:
            _order_material_tags(files, config)
        return env

    def _written(self, file: File) -> bool:
        """Whether MkDocs writes the file in this build (`mkdocs serve` writes drafts too)."""
        inclusion = file.inclusion
        return bool(inclusion.is_in_serve() if self.serving else inclusion.is_included())

    def _pages(self, files: Files) -> list[File]:
        """The pages MkDocs writes in this build, in its order."""
        return [
            file
            for file in files.documentation_pages(inclusion=lambda _: True)
            if self._written(file)
        ]

    def _search_chunks(self, files: Files) -> list[str]:
        """Material's search entries in the order of a whole build, from the pages written
        now and those left as they were; as JSON, each page's kept from build to build (the
        index of a large site is tens of megabytes: encoding it whole after every save would
        cost more than the save)."""
        index = getattr(self._search, "search_index", None)
        outputs = [file.abs_dest_path for file in self._pages(files)]
        found = self.current.search
        if index is not None and hasattr(index, "entries"):
            index.entries = [entry for output in outputs for entry in found.get(output, [])]
        chunks = []
        for output in outputs:
            chunk = self.current.search_json.get(output)
            if chunk is None:
                entries = found.get(output, [])
                chunk = self.current.search_json[output] = ",".join(map(entry_json, entries))
            chunks.append(chunk)
        return chunks

    def _write_search_index(self, config: MkDocsConfig, chunks: Iterable[str] | None) -> None:
        """Material's search index, written here entry by entry (`core.search_index_file`);
        Material's search is then told it has nothing left to write, until the build ends."""
        search = self._search
        index: Any = getattr(search, "search_index", None)
        entries = getattr(index, "entries", None)
        generate = getattr(index, "generate_search_index", None)
        enabled = getattr(getattr(search, "config", None), "enabled", False)
        if not enabled or not isinstance(entries, list) or generate is None:
            return
        index.entries = []
        try:
            empty = str(generate(None))  # Material's own settings, and no entries
        finally:
            index.entries = entries
        path = os.path.join(config.site_dir, "search", "search_index.json")
        if write_index_file(path, empty, map(entry_json, entries) if chunks is None else chunks):
            search.config.enabled = False
            search.search_index_prev = None  # (Material's own merge knows one page only)
            self._silenced = search

    def _unsilence(self) -> None:
        if self._silenced is not None:
            self._silenced.config.enabled = True
            self._silenced = None


class _CompiledTemplates(BytecodeCache):
    """The theme's templates, compiled once a process: MkDocs makes a new template environment
    for every build, which `mkdocs serve` would otherwise compile again after every save.
    Jinja checks each entry against its template's source, so an edited override is compiled
    afresh."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        data = self.compiled.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


class _DirtyWarningFilter(logging.Filter):
    """MkDocs warns on every dirty build that navigation and links may be wrong; under Garden
    they are not, and the warning would fail a `--strict` build."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("A 'dirty' build is being performed")


_DIRTY_WARNING = _DirtyWarningFilter()


def _garden_plugins(config: MkDocsConfig) -> tuple[ObsidianPlugin | None, ConnectionsPlugin | None]:
    obsidian = config.plugins.get("garden/obsidian")
    connections = config.plugins.get("garden/connections")
    return (
        obsidian if isinstance(obsidian, ObsidianPlugin) else None,
        connections if isinstance(connections, ConnectionsPlugin) else None,
    )


def _generated_print(file: File) -> PagePrint | None:
    """A page another plugin generates (a folder's or a tag's listing, the graph page) is made
    from its Markdown alone; None for a page whose Markdown Garden cannot see, or that holds a
    listing Material's tags plugin fills in from every page."""
    if file.generated_by is None or not file.is_documentation_page():
        return None
    markdown = file.content_string
    return None if "<!-- material/tags" in markdown else PagePrint([], ["generated", markdown])


def _add_to_material_tags(page: Page, config: MkDocsConfig) -> None:
    """Material's tags plugin learns each page's tags as it reads the page; a page left as
    written is not read, so it is told here (its tags index must still list the page)."""
    tags = config.plugins.get("material/tags") or config.plugins.get("tags")
    mappings = getattr(tags, "mappings", None)
    if mappings is not None and hasattr(mappings, "add"):
        mappings.add(page, "")


def _order_material_tags(files: Files, config: MkDocsConfig) -> None:
    """Material's tags plugin keeps pages in the order it read them: pages left as written were
    added first, so the order is made that of a whole build."""
    tags = config.plugins.get("material/tags") or config.plugins.get("tags")
    data = getattr(getattr(tags, "mappings", None), "data", None)
    if not isinstance(data, dict):
        return
    order = [file.page.url for file in files.documentation_pages() if file.page is not None]
    ordered = {url: data[url] for url in order if url in data}
    ordered.update((url, mapping) for url, mapping in data.items() if url not in ordered)
    data.clear()
    data.update(ordered)


def _decide(file: File, modified: bool) -> None:
    """MkDocs asks a file whether it changed before it reads and writes its page."""
    setattr(file, "is_modified", lambda: modified)  # noqa: B010 (an instance's own answer)


def _load_word_splitter() -> None:
    try:
        import jieba
    except ImportError:
        return
    jieba.initialize()


def _versioned(folder: str) -> bool:
    """Whether a theme folder is MkDocs', Material's or Garden's, whose versions and code are
    in the site's print (any other, a theme package's or the site's own, is read file by
    file)."""
    path = Path(folder).resolve()
    return any(path.is_relative_to(root) for root in _VERSIONED_ROOTS)


_VERSIONED_ROOTS = tuple(
    Path(module.__file__ or ".").resolve().parent for module in (mkdocs, material, mkdocs_garden)
)

_OWN_CODE = frozenset({"mkdocs", "material", "mkdocs_garden"})
"""Packages whose code is in the site's print already."""


def _plugin_code(plugin: object) -> str:
    """The code of a plugin of another package (or a hook, which MkDocs loads as a module):
    its distribution's version, else its file as it is."""
    module = plugin if isinstance(plugin, ModuleType) else sys.modules.get(type(plugin).__module__)
    if module is None:
        return type(plugin).__qualname__
    top = module.__name__.partition(".")[0]
    if top in _OWN_CODE:
        return ""
    known = _distribution_version(top)
    if known is not None:
        return f"{top}={known}"
    source = getattr(module, "__file__", None)
    if not isinstance(source, str) or not os.path.isfile(source):
        return module.__name__
    with open(source, "rb") as handle:
        return f"{source}:{hashlib.sha256(handle.read()).hexdigest()}"


@cache
def _distribution_version(module: str) -> str | None:
    names = packages_distributions().get(module) or []
    return next((found for name in names if (found := installed_version(name))), None)


def _indexer_settings(index: Any) -> str:
    """What the indexer's output depends on besides the page: its settings, its code, and
    the word-splitting dictionaries it loads."""
    settings = dict(getattr(index, "config", {}))
    dictionaries = [settings.get(key) for key in ("jieba_dict", "jieba_dict_user")]
    files = [
        (path, status.st_size, status.st_mtime_ns)
        for path in dictionaries
        if isinstance(path, str) and os.path.isfile(path) and (status := os.stat(path))
    ]
    versions = [installed_version(name) for name in ("mkdocs-material", "jieba")]
    return repr((sorted(settings.items()), versions, files))


def _search_input(page: Page) -> list[str]:
    """Everything Material's search reads of a page."""
    meta = page.meta
    return [
        str(page.url),
        _INLINE_TAG.sub(r"<\1~>", page.content or ""),
        repr(toc_print(page.toc)),
        repr(page.title),
        repr(meta.get("title")),
        repr(meta.get("search")),
        repr(meta.get("tags")),
    ]


_INLINE_TAG = re.compile(
    r"<(/?)(?:a|span)\b(?![^>]*(?:data-search-exclude|linenodiv|headerlink))[^>]*>"
)
"""A link or span as Material's search parser reads it in well-formed HTML (which pages are:
Garden writes them): neither kept nor skipped, its attributes unread but for these three, so
a link turned into text, or pointed at another heading, reads the same (`<~>`, `</~>`)."""


def _remove(path: str, site_dir: str) -> None:
    """A file the build before wrote and this one does not; its folders too, once empty."""
    try:
        os.remove(path)
    except FileNotFoundError:
        return
    folder = Path(path).parent
    root = Path(site_dir)
    while folder != root and root in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            break
        folder = folder.parent
