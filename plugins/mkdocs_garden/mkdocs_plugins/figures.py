"""`garden/figures`: run the figure scripts as part of every build, and serve what they draw.

The work is in `mkdocs_garden.figures`; this adapter decides when it runs, logs the outcome and
hands the cached files to MkDocs as generated files (so `docs/` never changes under
`mkdocs serve`, which would rebuild in a loop).
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

from mkdocs_garden.figures.runner import FigureScriptError, FiguresResult, draw_figures

from .figures_config import FiguresConfig

log = logging.getLogger("mkdocs.plugins.garden.figures")


class FiguresPlugin(BasePlugin[FiguresConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.result: FiguresResult | None = None

    def _path(self, config: MkDocsConfig, option: str) -> Path:
        return Path(config.config_file_path or ".").parent / option

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if find_spec("matplotlib") is None:
            raise PluginError(
                "garden/figures draws with matplotlib, which is not installed: "
                "pip install 'mkdocs-garden[figures]'"
            )
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
        folder = self.config.site_folder.strip("/")
        for name, path in sorted(self.result.outputs.items()):
            uri = f"{folder}/{name}" if folder else name
            if files.get_file_from_path(uri) is not None:
                raise PluginError(f"garden/figures: docs/{uri} would be hidden by a drawn figure")
            files.append(File.generated(config, uri, abs_src_path=str(path)))
        return files

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self._path(config, self.config.scripts_dir)))
        return server
