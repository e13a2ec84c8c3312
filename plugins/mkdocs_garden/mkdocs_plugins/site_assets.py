"""The stylesheets and scripts Garden adds to every page, served from the site itself.

Garden's own scripts are ES modules (`<script type="module">`): they run once a visit, after
the page is parsed, however many pages Material's instant navigation shows. The graph's
modules live in a folder beside its entry script and are served with it."""

from __future__ import annotations

from importlib.resources import files as package_files
from importlib.resources.abc import Traversable

from mkdocs.config.config_options import ExtraScriptValue
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
MODULE_FOLDERS = ("graph",)
"""Folders of modules that the scripts import, served whole."""
LIGHTBOX_STYLESHEETS = ("glightbox.min.css", "lightbox.css")
LIGHTBOX_SCRIPTS = ("glightbox.min.js", "lightbox.js")
"""GLightbox, as the mkdocs-glightbox package ships it (its plugin, which parses and writes
every page again, is not used), and Garden's script (and its styles) that open images with it."""
CLASSIC_SCRIPTS = frozenset({"glightbox.min.js"})
"""Scripts that are not modules: GLightbox defines a global for `lightbox.js`."""


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
        register_script(config, name)


def register_script(config: MkDocsConfig, name: str) -> None:
    """One of Garden's scripts in `extra_javascript`, once, as a module unless it is classic."""
    path = f"{FOLDER}/{name}"
    if any(str(script) == path for script in config.extra_javascript):
        return
    if name in CLASSIC_SCRIPTS:
        config.extra_javascript.append(path)
        return
    script = ExtraScriptValue(path)
    script.type = "module"
    config.extra_javascript.append(script)


def add_files(files: Files, config: MkDocsConfig, lightbox: bool = True) -> None:
    stylesheets, scripts = names(lightbox)
    for name in (*stylesheets, *scripts):
        add_named(files, config, name)
    for folder in MODULE_FOLDERS:
        for module in sorted(_assets().joinpath(folder).iterdir(), key=lambda m: m.name):
            if module.name.endswith(".js"):
                add_named(files, config, f"{folder}/{module.name}")


def add_named(files: Files, config: MkDocsConfig, name: str) -> None:
    """One of the files every page loads: Garden's own, or GLightbox's from its package."""
    folder = (
        package_files("mkdocs_glightbox").joinpath("glightbox")
        if name.startswith("glightbox.")
        else _assets()
    )
    content = folder.joinpath(*name.split("/")).read_text(encoding="utf-8")
    files.append(File.generated(config, f"{FOLDER}/{name}", content=content))


def _assets() -> Traversable:
    return package_files("mkdocs_garden").joinpath("assets")
