"""Mermaid served by the site itself.

Material for MkDocs loads mermaid from a CDN unless a global `mermaid` exists. Every page gets a
small loader that defines it (see site_assets); the real script, fetched from the npm
registry (`garden mermaid`, or `npm install mermaid@11`), is copied into the site and loaded
only when a page has a diagram. A site without diagrams needs neither Node nor the script.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

log = logging.getLogger("mkdocs.plugins.garden.mermaid")

SCRIPT = "assets/garden/mermaid.min.js"
DIAGRAM_MARK = 'class="mermaid"'


class LocalMermaid:
    def __init__(self, script_option: str) -> None:
        self.script_option = script_option
        self.script: Path | None = None
        self.reported = False

    def configure(self, config: MkDocsConfig) -> None:
        path = Path(config.config_file_path or ".").parent / self.script_option
        self.script = path if path.is_file() else None
        self.reported = False

    def add_files(self, files: Files, config: MkDocsConfig) -> None:
        if self.script is not None:
            files.append(File.generated(config, SCRIPT, abs_src_path=str(self.script)))

    def check_page(self, html: str, page_path: str) -> None:
        """Warn (once per build) when a page has a diagram but no mermaid was installed."""
        if self.script is None and not self.reported and DIAGRAM_MARK in html:
            self.reported = True
            log.warning(
                f"garden: {page_path} has a Mermaid diagram but '{self.script_option}' does not "
                "exist: run `garden mermaid` beside mkdocs.yml (or `npm install mermaid@11`, "
                "with Node.js) so that the site serves mermaid itself"
            )
