"""`garden/figures`: run the figure scripts as part of every build, and serve what they draw.

The work is in `mkdocs_garden.figures`; this adapter decides when it runs, logs the outcome,
hands the cached files to MkDocs as generated files (so `docs/` never changes under
`mkdocs serve`, which would rebuild in a loop) and shows each figure in the variant that fits
the page's scheme and the screen (`figures.variants`), with the stylesheet that chooses.
"""

from __future__ import annotations

import logging
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from mkdocs_garden.figures.runner import FigureScriptError, FiguresResult, draw_figures
from mkdocs_garden.figures.variants import Variants, find_variants, show_variants, site_path

from . import site_assets
from .figures_config import FiguresConfig

STYLESHEET = "figures.css"

log = logging.getLogger("mkdocs.plugins.garden.figures")


class FiguresPlugin(BasePlugin[FiguresConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.result: FiguresResult | None = None
        self.variants: dict[str, Variants] = {}
        """The figures drawn in variants, by site path."""

    def _path(self, config: MkDocsConfig, option: str) -> Path:
        return Path(config.config_file_path or ".").parent / option

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if find_spec("matplotlib") is None:
            raise PluginError(
                "garden/figures draws with matplotlib, which is not installed: "
                "pip install 'mkdocs-garden[figures]'"
            )
        stylesheet = f"{site_assets.FOLDER}/{STYLESHEET}"
        if stylesheet not in config.extra_css:
            config.extra_css.append(stylesheet)
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        scripts_dir = self._path(config, self.config.scripts_dir)
        if not scripts_dir.is_dir():
            raise PluginError(f"garden/figures: no scripts folder {scripts_dir}")
        try:
            self.result = draw_figures(
                scripts_dir,
                self._path(config, self.config.cache_dir),
                tuple(self.config.formats),
                self.config.workers,
            )
        except FigureScriptError as error:
            raise PluginError(f"garden/figures: {error}") from None
        result = self.result
        log.info(
            f"garden: figures: {len(result.drawn)} drawn, {len(result.cached)} cached "
            f"({len(result.outputs)} files, {result.seconds:.2f} s)"
        )

    @event_priority(100)  # before garden/obsidian indexes the files
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if self.result is None:
            return files
        for name, path in sorted(self.result.outputs.items()):
            uri = self._uri(name)
            if files.get_file_from_path(uri) is not None:
                raise PluginError(f"garden/figures: docs/{uri} would be hidden by a drawn figure")
            files.append(File.generated(config, uri, abs_src_path=str(path)))
        variants = find_variants(self.result.outputs).items()
        self.variants = {self._uri(name): drawn for name, drawn in variants}
        site_assets.add_named(files, config, STYLESHEET)
        return files

    def _uri(self, name: str) -> str:
        folder = self.config.site_folder.strip("/")
        return f"{folder}/{name}" if folder else name

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Figures shown in their variants (after garden/obsidian has sanitised the page: the
        markup is Garden's own)."""
        if not self.variants:
            return html
        return show_variants(html, lambda src: site_path(src, page.url), self.variants)

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self._path(config, self.config.scripts_dir)))
        return server
