"""`garden/pagefind`: Material's search box, answered by Pagefind.

Material's search downloads the whole index before the first result (39 MB, 1.3 MB gzipped, for
the 5,000-note bench vault). Pagefind's index comes in chunks that a query loads as it needs
them. It is built from each published note's text as the site renders it, split into words by
jieba as Material's search splits them (Pagefind's own Chinese splitting ranks worse), so no
unpublished note can be found. Material's search plugin stays for its search box (its index is
deleted once written: no page fetches it); a line in each page keeps Material's script from
mounting its search, and `pagefind-search.js` answers the box instead.
"""

from __future__ import annotations

import logging
import subprocess
import sys
import tempfile
import time
from html import escape
from html.parser import HTMLParser
from importlib.util import find_spec
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import jieba
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from . import site_assets
from .pagefind_config import PagefindConfig

log = logging.getLogger("mkdocs.plugins.garden.pagefind")

SCRIPT = "pagefind-search.js"
_MATERIAL_MOUNTS = 'data-md-component="search" role="dialog"'
_MATERIAL_FETCHES = '<form class="md-search__form" name="search">'


class PagefindPlugin(BasePlugin[PagefindConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.records: list[tuple[str, str, str]] = []

    @event_priority(140)  # after the garden line has turned Material's search on
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if find_spec("pagefind") is None:
            raise PluginError(
                "garden/pagefind needs Pagefind: pip install 'mkdocs-garden[pagefind]'"
            )
        search = config.plugins.get("material/search")
        if search is None:
            raise PluginError(
                "garden/pagefind answers Material's search box: turn on material/search"
            )
        name = f"{site_assets.FOLDER}/{SCRIPT}"
        if name not in config.extra_javascript:
            config.extra_javascript.append(name)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        site_assets.add_named(files, config, SCRIPT)
        return files

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        """Material's script mounts its search on the element marked `search`, and fetches
        its index for a form named `search`: both marks go, before the script runs."""
        output = output.replace(_MATERIAL_MOUNTS, 'data-garden-search role="dialog"', 1)
        return output.replace(_MATERIAL_FETCHES, '<form class="md-search__form">', 1)

    def _is_note(self, page: Page, config: MkDocsConfig) -> bool:
        obsidian = config.plugins.get("garden/obsidian")
        site = getattr(obsidian, "site", None)
        path = page.file.src_uri
        listing = path == getattr(obsidian, "tags_page", None)
        return (
            site is not None and path in site.notes and not listing and not page.file.generated_by
        )

    @event_priority(-95)  # after search (0), before garden/connections adds its section
    def on_page_context(
        self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Any
    ) -> Any:
        """Each note's text, split into words by jieba (as Material's search does), for the
        index: Pagefind's own Chinese splitting ranks poorly."""
        if self._is_note(page, config) and page.content:
            text = _text_of(page.content)
            words = " ".join(w for w in jieba.cut(text) if w.strip())
            title = str(page.meta.get("title") or page.title or "")
            self.records.append((page.url, words, title))
        return context

    @event_priority(-50)  # after Material's search has written its index
    def on_post_build(self, config: MkDocsConfig) -> None:
        started = time.perf_counter()
        # Material's index: no page fetches it any more, and it is the largest file of a site.
        Path(config.site_dir, "search", "search_index.json").unlink(missing_ok=True)
        with tempfile.TemporaryDirectory() as pages:
            for url, content, title in self.records:
                _write_index_page(Path(pages), url, title, content)
            command = [
                sys.executable,
                "-m",
                "pagefind",
                "--site",
                pages,
                "--output-path",
                str(Path(config.site_dir) / "pagefind"),
            ]
            result = subprocess.run(command, capture_output=True, text=True, check=False)
        self.records = []
        if result.returncode != 0:
            raise PluginError(f"garden/pagefind: Pagefind failed:\n{result.stdout}{result.stderr}")
        log.info(f"garden: Pagefind indexed the site in {time.perf_counter() - started:.2f} s")


def _write_index_page(folder: Path, url: str, title: str, words: str) -> None:
    """A small page of jieba's words where the note's page is, as Pagefind reads a page: the
    title as the heading it weighs most, `en` so that Pagefind splits on the spaces only."""
    path = unquote(url)
    target = folder / (path if path.endswith(".html") else f"{path}index.html")
    target.parent.mkdir(parents=True, exist_ok=True)
    heading = escape(" ".join(jieba.cut(title)))
    target.write_text(
        f'<html lang="en"><body><h1 data-pagefind-meta="title:{escape(title)}">{heading}</h1>'
        f"<p>{escape(words)}</p></body></html>",
        encoding="utf-8",
    )


class _Text(HTMLParser):
    SKIP = ("script", "style")

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        self.skipping += tag in self.SKIP

    def handle_endtag(self, tag: str) -> None:
        self.skipping -= tag in self.SKIP

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def _text_of(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join("".join(parser.parts).split())
