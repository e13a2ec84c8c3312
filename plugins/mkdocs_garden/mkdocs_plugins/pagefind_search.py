"""`garden/pagefind`: Material's search box, answered by Pagefind.

Material's search downloads the whole index before the first result (39 MB, 1.3 MB gzipped, for
the 5,000-note bench vault). Pagefind indexes the written site after the build, Chinese split
into words, in chunks that a query loads as it needs them. Only what the site holds is indexed,
so no unpublished note can be found. Material's search plugin stays for its search box (its
index is deleted once written: no page fetches it); a line in each page keeps Material's script
from mounting its search, and `pagefind-search.js` answers the box instead.
"""

from __future__ import annotations

import logging
import subprocess
import sys
import time
from importlib.util import find_spec
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from . import site_assets
from .pagefind_config import PagefindConfig

log = logging.getLogger("mkdocs.plugins.garden.pagefind")

SCRIPT = "pagefind-search.js"
NOT_INDEXED = (".garden-connections", ".headerlink", ".md-source-file", ".garden-properties")
_MATERIAL_MOUNTS = 'data-md-component="search" role="dialog"'
_MATERIAL_FETCHES = '<form class="md-search__form" name="search">'
_ARTICLE = '<article class="md-content__inner md-typeset"'


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
        name = f"{site_assets.FOLDER}/{SCRIPT}"
        if name not in config.extra_javascript:
            config.extra_javascript.append(name)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        site_assets.add_named(files, config, SCRIPT)
        return files

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        """Material's script mounts its search on the element marked `search`, and fetches
        its index for a form named `search`: both marks go, before the script runs. A note's
        text is marked for the index; listings (folder, tag and graph pages, the tags index)
        are not, so that a query finds the note rather than a list of titles."""
        output = output.replace(_MATERIAL_MOUNTS, 'data-garden-search role="dialog"', 1)
        output = output.replace(_MATERIAL_FETCHES, '<form class="md-search__form">', 1)
        if self._is_note(page, config):
            output = output.replace(_ARTICLE, f"{_ARTICLE} data-pagefind-body", 1)
        return output

    def _is_note(self, page: Page, config: MkDocsConfig) -> bool:
        obsidian = config.plugins.get("garden/obsidian")
        site = getattr(obsidian, "site", None)
        path = page.file.src_uri
        listing = path == getattr(obsidian, "tags_page", None)
        return (
            site is not None and path in site.notes and not listing and not page.file.generated_by
        )

    @event_priority(-50)  # after Material's search has written its index
    def on_post_build(self, config: MkDocsConfig) -> None:
        started = time.perf_counter()
        # Material's index: no page fetches it any more, and it is the largest file of a site.
        Path(config.site_dir, "search", "search_index.json").unlink(missing_ok=True)
        command = [
            sys.executable,
            "-m",
            "pagefind",
            "--site",
            config.site_dir,
            "--root-selector",
            "article.md-content__inner",
        ]
        for selector in (*NOT_INDEXED, *self.config.exclude):
            command += ["--exclude-selectors", selector]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise PluginError(f"garden/pagefind: Pagefind failed:\n{result.stdout}{result.stderr}")
        log.info(f"garden: Pagefind indexed the site in {time.perf_counter() - started:.2f} s")
