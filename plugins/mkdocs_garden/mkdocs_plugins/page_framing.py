"""Pages written into the frames the theme wrote before (`core.page_frames`), in any build: a
page whose template would be given the same as when its frame was kept (the site's settings
and code, the navigation it shows, and everything of the page but its content) is that frame
with its content in place, and its template is not rendered.

What the template is given of the page is read when it is given it (`on_page_context`), after
every other plugin has had its say: properties and attributes another plugin set on the page,
or values it put in the context, are part of the key as they are. A value that is not plain
data (text, numbers, dates and the lists and mappings of them) cannot be hashed the same way
in every process, and its page is rendered."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

from jinja2 import Template
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents
from mkdocs.utils.templates import TemplateContext

from mkdocs_garden.core.incremental import quick_print
from mkdocs_garden.core.page_frames import FrameStore, TemplateCheck, frame_key

from .nav_prints import NavPrints

SPLICED = "garden_spliced_page"
"""The context's entry for a page already spliced into its frame (`FrameTemplate`)."""

_STANDARD_CONTEXT = frozenset(
    {
        "nav",  # `NavPrints`
        "config",  # the site's print
        "page",  # `page_print`
        "base_url",  # from the page's address
        "extra_css",  # from the configuration and the page's address
        "extra_javascript",
        "mkdocs_version",  # the site's print
        "build_date_utc",  # (`splices_safely`: no template prints it)
        "pages",
    }
)
_PAGE_ATTRIBUTES = frozenset(
    {
        "file",
        "parent",  # `NavPrints`
        "children",
        "previous_page",
        "next_page",
        "_Page__active",
        "canonical_url",  # `page_print`
        "abs_url",
        "edit_url",
        "meta",
        "toc",
        "_title_from_render",
        "content",  # the caller's
        "markdown",  # what the content was made from
        "render",
        "present_anchor_ids",
        "links_to_anchors",
        "update_date",  # (`splices_safely`: no template prints it)
    }
)
"""A MkDocs page's own attributes, and Garden's; any other is another plugin's, in the key."""


_UNFRAMED_PLUGINS = frozenset({"material/typeset", "typeset", "material/projects", "projects"})
"""Material's plugins that change what the template prints of other pages and of the table of
contents at page time (typeset headings, other projects' addresses): no page is spliced."""


class _NotPlain(Exception):
    pass


def page_print(context: TemplateContext, page: Page) -> str | None:
    """Everything the template is given of `page` but its content and navigation, as text;
    None when some of it cannot be told apart from other values by its text."""
    others = {key: value for key, value in context.items() if key not in _STANDARD_CONTEXT}
    attributes = {key: value for key, value in vars(page).items() if key not in _PAGE_ATTRIBUTES}
    try:
        data = [
            [page.url, page.canonical_url, page.abs_url, page.edit_url, page.is_homepage],
            [page.file.src_uri, page.file.dest_uri, page.file.name],
            _plain(page.title),
            _plain(page.meta),
            toc_print(page.toc),
            _plain(others),
            _plain(attributes),
        ]
    except _NotPlain:
        return None
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def _plain(value: Any, depth: int = 0) -> Any:
    if depth > _DEEPEST:
        raise _NotPlain
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, str):
        return ["str", str(value)]  # (Markup too: the theme prints either as it is)
    if isinstance(value, (list, tuple)):
        return [_plain(item, depth + 1) for item in value]
    if isinstance(value, dict) and all(isinstance(key, str) for key in value):
        return {key: _plain(item, depth + 1) for key, item in value.items()}
    if isinstance(value, (set, frozenset)):
        items = (json.dumps(_plain(item, depth + 1), sort_keys=True) for item in value)
        return ["set", sorted(items)]
    if isinstance(value, (datetime.date, datetime.time)):
        return [type(value).__name__, value.isoformat()]
    kind = type(value)
    if kind.__module__.startswith(_RECORDS) and not isinstance(value, _NOT_RECORDS):
        return [kind.__qualname__, _plain(vars(value), depth + 1)]
    raise _NotPlain


_DEEPEST = 8
_RECORDS = ("material.", "mkdocs.")
"""Packages whose objects in a page's context are records of their attributes (Material's
tags and their links)."""
_NOT_RECORDS = (Page, Section, Navigation, File, Files, Config)
"""MkDocs objects a template reads beyond their own attributes (through the pages and
folders they point to)."""


def toc_print(toc: TableOfContents | list[Any] | None) -> list[Any]:
    """What the theme prints of a table of contents (also what search reads of it)."""
    return [
        [item.id, item.url, str(item.title), item.level, toc_print(item.children)]
        for item in toc or []
    ]


class PageFraming:
    """The frames of one site's pages, and this build's use of them."""

    def __init__(self) -> None:
        self.store: FrameStore | None = None
        self.splicing = False
        """Whether the theme's templates allow it (`core.page_frames.splices_safely`)."""
        self.spliced = 0
        """Pages this build wrote into a frame."""
        self._folder: Path | None = None
        self._site = ""
        self._navigation: NavPrints | None = None
        self._keys: dict[str, str] = {}
        """The frame key of each page this build renders, until its frame is kept."""
        self._check = TemplateCheck()

    def start(
        self, config: MkDocsConfig, folder: Path, site: str, navigation: NavPrints, dirty: bool
    ) -> None:
        """A build starts, with the site's print and its pages' navigation."""
        self.spliced = 0
        self._keys = {}
        self._site = site
        self._navigation = navigation
        unknown = _UNFRAMED_PLUGINS.intersection(config.plugins)
        self.splicing = not unknown and self._check(
            config.theme.dirs, config.theme.static_templates
        )
        if self.store is None or folder != self._folder:
            self.store = FrameStore(folder, in_memory=dirty)
            self.store.prune()
            self._folder = folder

    def into_frame(self, context: TemplateContext, page: Page) -> None:
        """A page whose frame is known is written into it: the context carries the page as
        spliced, and the template gives it back as it is (`FrameTemplate`)."""
        content = page.content
        if not self.splicing or self.store is None or self._navigation is None:
            return
        if content is None or not page.file.inclusion.is_included():
            return  # (MkDocs marks a draft's content after this event)
        own = page_print(context, page)
        if own is None:
            return
        navigation = self._navigation.of(page)
        if self._navigation.uncertain:
            return  # a page shown in the navigation is titled only once read
        frame = quick_print([self._site, *navigation, own])
        key = frame_key(frame, content)
        file = page.file
        spliced = self.store.splice(file.abs_dest_path, file.dest_uri, key, content)
        if spliced is None:
            self._keys[file.abs_dest_path] = key  # rendered: its frame is kept once written
        else:
            context[SPLICED] = spliced  # type: ignore[literal-required]
            self.spliced += 1

    def keep(self, page: Page, rendered: str) -> None:
        """The frame of a page just rendered, under the key it was given."""
        file = page.file
        key = self._keys.pop(file.abs_dest_path, None)
        if key is not None and page.content is not None and self.store is not None:
            self.store.keep(file.abs_dest_path, file.dest_uri, key, rendered, page.content)

    def keep_only(self, outputs: set[str]) -> None:
        if self.store is not None:
            self.store.keep_only(outputs)


class FrameTemplate(Template):
    """A theme template that, given a context with a page already spliced into its frame,
    gives that page back instead of rendering it."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        if len(args) == 1 and not kwargs and isinstance(args[0], dict):
            spliced = args[0].get(SPLICED)
            if isinstance(spliced, str):
                return spliced
        return super().render(*args, **kwargs)
