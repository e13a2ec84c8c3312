"""A note read into its page: one markdown-it parse, one pass of the renderer."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..anchors import Slugify
from ..markdown.note_parser import note_parser
from .html import WRITER, PageRenderer
from .model import NotePage
from .properties import property_links
from .writer import PageWriter


@dataclass(frozen=True)
class PageOptions:
    slugify: Slugify
    separator: str = "-"
    breaks: bool = True
    """A single newline is a line break (Obsidian's default; off with strict line breaks)."""
    is_own_address: Callable[[str], bool] = lambda url: False
    """Whether an absolute URL is an address of this site (its pages are linked locally)."""
    shown_properties: tuple[str, ...] = ()
    """The properties shown at the top of each page (their links count either way)."""


def render_note(
    path: str,
    body: str,
    body_line: int,
    options: PageOptions,
    *,
    heading_ids: bool = False,
    properties: Mapping[str, Any] | None = None,
    key_lines: Mapping[str, int] | None = None,
) -> NotePage:
    """The page of the note at `path`, whose `body` starts on line `body_line` of its file,
    with the links of its `properties` (its frontmatter, keys folded).
    `heading_ids` reads `{ #id }` after headings (for Markdown other plugins changed)."""
    writer = PageWriter(path, body_line, options.slugify, options.separator, options.is_own_address)
    if properties:
        writer.properties_html = property_links(
            writer, properties, key_lines or {}, options.shown_properties
        )
    md = note_parser(options.breaks, heading_ids)
    env: dict[str, Any] = {WRITER: writer}
    _renderer().render(md.parse(body, env), md.options, env)
    return writer.page()


@lru_cache(maxsize=1)
def _renderer() -> PageRenderer:
    return PageRenderer()
