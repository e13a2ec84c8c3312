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

import json
import logging
import re
import subprocess
import sys
import tempfile
import time
from html import escape
from importlib.util import find_spec
from pathlib import Path
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
_TAG = re.compile(r"<[^>]*>")
_MATERIAL_MOUNTS = 'data-md-component="search" role="dialog"'
_MATERIAL_FETCHES = '<form class="md-search__form" name="search">'


class PagefindPlugin(BasePlugin[PagefindConfig]):
    supports_multiple_instances = False

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
        site_assets.register_script(config, SCRIPT)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        site_assets.add_named(files, config, SCRIPT)
        return files

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        """Material's script mounts its search on the element marked `search`, and fetches
        its index for a form named `search`: both marks go, before the script runs."""
        output = output.replace(_MATERIAL_MOUNTS, 'data-garden-search role="dialog"', 1)
        return output.replace(_MATERIAL_FETCHES, '<form class="md-search__form">', 1)

    @event_priority(-50)  # after Material's search has written its index
    def on_post_build(self, config: MkDocsConfig) -> None:
        """Pagefind's index, from the words Material's search already split with jieba (one
        small page per published note); then Material's index goes: no page fetches it."""
        started = time.perf_counter()
        index = Path(config.site_dir, "search", "search_index.json")
        docs = json.loads(index.read_text(encoding="utf-8"))["docs"] if index.is_file() else []
        index.unlink(missing_ok=True)
        notes = _note_titles(config)
        with tempfile.TemporaryDirectory() as pages:
            for url, words in _words_by_page(docs).items():
                if url in notes:
                    _write_index_page(Path(pages), url, notes[url], words)
            command = [sys.executable, "-m", "pagefind", "--site", pages]
            command += ["--output-path", str(Path(config.site_dir) / "pagefind")]
            result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise PluginError(f"garden/pagefind: Pagefind failed:\n{result.stdout}{result.stderr}")
        log.info(f"garden: Pagefind indexed the site in {time.perf_counter() - started:.2f} s")


def _note_titles(config: MkDocsConfig) -> dict[str, str]:
    """The URL and title of every published note but the tags index (a list of titles, which
    would rank above the notes themselves)."""
    obsidian = config.plugins.get("garden/obsidian")
    site = getattr(obsidian, "site", None)
    if site is None:
        return {}
    listing = getattr(obsidian, "tags_page", None)
    # The home page's URL is "./" for MkDocs' files and "" in the search index.
    urls = {path: site.urls[path].removeprefix("./") for path in site.notes if path != listing}
    return {url: site.titles[path] for path, url in urls.items()}


def _words_by_page(docs: list[dict[str, str]]) -> dict[str, str]:
    """Each page's words, from the sections of Material's index (jieba's words, joined by
    zero-width spaces, and some markup)."""
    words: dict[str, list[str]] = {}
    for doc in docs:
        url = doc["location"].partition("#")[0]
        words.setdefault(url, []).extend((doc.get("title", ""), doc.get("text", "")))
    return {
        url: _TAG.sub(" ", " ".join(parts)).replace("\u200b", " ") for url, parts in words.items()
    }


def _write_index_page(folder: Path, url: str, title: str, words: str) -> None:
    """A small page of jieba's words where the note's page is, as Pagefind reads a page: the
    title as the heading it weighs most, `en` so that Pagefind splits on the spaces only."""
    path = unquote(url)
    target = folder / (path if path.endswith(".html") else f"{path}index.html")
    target.parent.mkdir(parents=True, exist_ok=True)
    heading = escape(" ".join(jieba.cut(title)))
    target.write_text(
        f'<html lang="en"><body><h1 data-pagefind-meta="title:{escape(title)}">{heading}</h1>'
        f"<p>{escape(' '.join(words.split()))}</p></body></html>",
        encoding="utf-8",
    )
