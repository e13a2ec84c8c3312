"""The scripts every page loads: Garden's own as ES modules, each module they import served by
the site itself (none from another host), GLightbox as the classic script it is."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mkdocs_garden.mkdocs_plugins.site_assets import CLASSIC_SCRIPTS, FOLDER

SCRIPT_TAG = re.compile(r"<script\b([^>]*)>")
IMPORT = re.compile(r"""^\s*(?:import|export)\b[^'"]*?\bfrom\s+["']([^"']+)["']""", re.M)


def script_tags(html: str) -> dict[str, str]:
    """Garden's scripts on a page: file name -> the tag's attributes."""
    found = {}
    for attributes in SCRIPT_TAG.findall(html):
        source = re.search(r'src="([^"]+)"', attributes)
        if source and f"{FOLDER}/" in source[1]:
            found[source[1].rsplit("/", 1)[1]] = attributes
    return found


def test_gardens_scripts_are_modules_and_glightbox_is_not(docs_site: Any) -> None:
    page = (docs_site.site / "graph" / "index.html").read_text(encoding="utf-8")
    tags = script_tags(page)
    assert {"graph.js", "preview.js", "mermaid-loader.js", "glightbox.min.js"} <= set(tags)
    for name, attributes in tags.items():
        is_module = 'type="module"' in attributes
        assert is_module == (name != "glightbox.min.js"), name  # it defines a global


def test_every_module_imported_is_served_by_the_site(docs_site: Any) -> None:
    folder = docs_site.site / FOLDER
    entries = [
        folder / name
        for name in script_tags((docs_site.site / "index.html").read_text(encoding="utf-8"))
        if name not in CLASSIC_SCRIPTS
    ]
    seen: set[Path] = set()
    waiting = list(entries)
    while waiting:
        module = waiting.pop()
        if module in seen:
            continue
        seen.add(module)
        assert module.is_file(), module
        for specifier in IMPORT.findall(module.read_text(encoding="utf-8")):
            assert specifier.startswith("./") or specifier.startswith("../"), specifier
            waiting.append((module.parent / specifier).resolve())
    graph_modules = {path.name for path in seen if path.parent.name == "graph"}
    assert {"widget.js", "labels.js", "camera.js", "data.js"} <= graph_modules
