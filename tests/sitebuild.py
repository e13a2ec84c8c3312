"""Building a site with the project's own mkdocs.yml, and reading what was built."""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml

from conftest import ROOT


@dataclass
class Build:
    returncode: int
    log: str
    site: Path


def build_site(
    docs_dir: Path,
    site_dir: Path,
    *,
    strict: bool = True,
    plugin_options: dict[str, dict[str, Any]] | None = None,
    site_url: str | None = None,
    env: dict[str, str] | None = None,
    extra_yaml: str = "",
) -> Build:
    """`mkdocs build` of `docs_dir` with the project's mkdocs.yml (through INHERIT).

    The config file sits in the project root, as mkdocs.yml does, so that paths in it (such
    as the installed mermaid script) resolve the same way. INHERIT replaces a list as a whole,
    so options for plugins are merged into a copy of the project's plugin list.
    """
    config = ROOT / f".test-build-{uuid.uuid4().hex}.yml"
    text = f"INHERIT: mkdocs.yml\ndocs_dir: {docs_dir}\nsite_dir: {site_dir}\n"
    text += f"strict: {'true' if strict else 'false'}\n"
    if site_url is not None:
        text += f"site_url: {site_url}\n"
    if plugin_options:
        text += yaml.safe_dump({"plugins": _plugins_with(plugin_options)}, allow_unicode=True)
    config.write_text(text + extra_yaml, encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(config)]
    try:
        result = subprocess.run(
            command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=600
        )
    finally:
        config.unlink()
    return Build(result.returncode, result.stdout + result.stderr, site_dir)


def write_garden_config(root: Path, site_name: str) -> Path:
    """A `mkdocs.yml` in `root` for the vault in `root / "vault"`, with Garden's plugins and
    its cache folder in `root`."""
    config = root / "mkdocs.yml"
    config.write_text(
        f"site_name: {site_name}\ndocs_dir: vault\nplugins:\n  - garden\n  - garden/obsidian:\n"
        f"      cache_dir: {root / 'cache'}\n",
        encoding="utf-8",
    )
    return config


def _plugins_with(options: dict[str, dict[str, Any]]) -> list[Any]:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    block = re.search(r"^plugins:\n(?:(?:[ #].*)?\n)+", text, re.MULTILINE)
    assert block is not None, "mkdocs.yml has no plugins list"
    plugins: list[Any] = yaml.safe_load(block.group(0))["plugins"]
    merged: list[Any] = []
    for entry in plugins:
        name = entry if isinstance(entry, str) else next(iter(entry))
        settings = {} if isinstance(entry, str) else dict(entry[name] or {})
        settings.update(options.get(name, {}))
        merged.append({name: settings} if settings else name)
    return merged


def site_texts(site: Path) -> Iterator[tuple[Path, str]]:
    """Every file of the site as text, `.gz` files decompressed."""
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        yield path, data.decode("utf-8", errors="replace")


@dataclass
class PageLinks(HTMLParser):
    links: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in ("href", "src"):
                self.links.append(value)
            if name == "id" or (name == "name" and tag == "a"):
                self.ids.add(value)


def read_page(path: Path) -> PageLinks:
    parser = PageLinks()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def broken_links(site: Path, base_path: str = "/") -> list[str]:
    """Internal links (and anchors) of the built site that reach nothing.

    Absolute paths must stay under `base_path`, the path of `site_url`.
    """
    pages = {path: read_page(path) for path in site.rglob("*.html")}
    problems: list[str] = []
    for page, parsed in pages.items():
        for link in parsed.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("data:", "javascript:")):
                continue
            path = unquote(parts.path)
            if path.startswith("/"):
                if not path.startswith(base_path):
                    problems.append(f"{page.relative_to(site)}: {link} (escapes {base_path})")
                    continue
                target = (site / path[len(base_path) :]).resolve()
            else:
                target = page if not path else (page.parent / path).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                problems.append(f"{page.relative_to(site)}: {link} (no file)")
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else read_page(target).ids
                if fragment not in ids:
                    problems.append(f"{page.relative_to(site)}: {link} (no anchor)")
    return problems


def external_links(site: Path) -> set[str]:
    found: set[str] = set()
    for path in site.rglob("*.html"):
        for link in read_page(path).links:
            if urlsplit(link).netloc:
                found.add(link)
    return found
