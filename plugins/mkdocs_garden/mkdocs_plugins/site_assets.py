"""The stylesheets and scripts Garden adds to every page, served from the site itself."""

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
LIGHTBOX_STYLESHEETS = ("glightbox.min.css", "lightbox.css")
LIGHTBOX_SCRIPTS = ("glightbox.min.js", "lightbox.js")
"""GLightbox, as the mkdocs-glightbox package ships it (its plugin, which parses and writes
every page again, is not used), and Garden's script (and its styles) that open images with it."""


def names(lightbox: bool) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The stylesheets and the scripts every page loads."""
    if not lightbox:
        return STYLESHEETS, SCRIPTS
    return (*STYLESHEETS, *LIGHTBOX_STYLESHEETS), (*SCRIPTS, *LIGHTBOX_SCRIPTS)


def register(config: MkDocsConfig, lightbox: bool = True) -> None:
    stylesheets, scripts = names(lightbox)
    for name in stylesheets:
        if f"{FOLDER}/{name}" not in config.extra_css:
            config.extra_css.append(f"{FOLDER}/{name}")
    for name in scripts:
        if f"{FOLDER}/{name}" not in config.extra_javascript:
            config.extra_javascript.append(f"{FOLDER}/{name}")


def add_files(files: Files, config: MkDocsConfig, lightbox: bool = True) -> None:
    stylesheets, scripts = names(lightbox)
    for name in (*stylesheets, *scripts):
        add_named(files, config, name)


def add_named(files: Files, config: MkDocsConfig, name: str) -> None:
    """One of the files every page loads: Garden's own, or GLightbox's from its package."""
    folder = (
        package_files("mkdocs_glightbox").joinpath("glightbox")
        if name.startswith("glightbox.")
        else package_files("mkdocs_garden").joinpath("assets")
    )
    content = folder.joinpath(name).read_text(encoding="utf-8")
    files.append(File.generated(config, f"{FOLDER}/{name}", content=content))
