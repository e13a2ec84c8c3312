"""The stylesheet and scripts Garden adds to every page, served from the site itself."""

from __future__ import annotations

from importlib.resources import files as package_files

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

FOLDER = "assets/garden"
STYLESHEETS = ("garden.css", "graph.css", "preview.css")
SCRIPTS = (
    "embedded-pages.js",  # fits iframes of the site's own pages to their content
    "mermaid-loader.js",  # keeps Material from fetching mermaid from a CDN
    "graph.js",  # draws the link graph the build laid out (local and global)
    "preview.js",  # hover previews of internal links, Chinese anchors included
    "search-shortcut.js",  # Ctrl+K / ⌘K opens the search
)


def register(config: MkDocsConfig) -> None:
    for name in STYLESHEETS:
        if f"{FOLDER}/{name}" not in config.extra_css:
            config.extra_css.append(f"{FOLDER}/{name}")
    for name in SCRIPTS:
        if f"{FOLDER}/{name}" not in config.extra_javascript:
            config.extra_javascript.append(f"{FOLDER}/{name}")


def add_files(files: Files, config: MkDocsConfig) -> None:
    assets = package_files("mkdocs_garden").joinpath("assets")
    for name in (*STYLESHEETS, *SCRIPTS):
        content = assets.joinpath(name).read_text(encoding="utf-8")
        files.append(File.generated(config, f"{FOLDER}/{name}", content=content))
