"""Shared test helpers: fixture paths, the fixture vault, and a renderer over it."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pymdownx.slugs import slugify

from mkdocs_garden.core.site import GardenSite, SiteOptions
from mkdocs_garden.core.urls import OwnSite
from mkdocs_garden.core.vault import Vault

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
FIXTURE_VAULT = FIXTURES / "vault"
SLUGIFY = slugify(case="lower")


def directory_url(vault: Vault) -> Callable[[str], str | None]:
    """Site URLs as MkDocs gives them with `use_directory_urls`, for published files only."""

    def url_of(path: str) -> str | None:
        note = vault.notes.get(path)
        if note is None:
            return path if path in vault.files else None
        if not note.published:
            return None
        stem = path[:-3]
        if stem == "index" or stem.endswith("/index"):
            return stem[:-5]
        return stem + "/"

    return url_of


def make_site(vault: Vault, former: tuple[str, ...] = (), *, breaks: bool = True) -> GardenSite:
    """The vault as a site under directory URLs, every published note shown and every file
    kept (attachments are chosen by the build), links resolved."""
    options = SiteOptions(
        SLUGIFY, "-", breaks, OwnSite(("https://example.org/garden/", *former)), site_name="站点"
    )
    site = GardenSite(vault, list(vault.notes), options)
    url_of = directory_url(vault)
    urls = {path: url for path in [*vault.notes, *vault.files] if (url := url_of(path)) is not None}
    tags_url = urls.get("标签.md")
    site.resolve_links(
        urls, lambda tag: f"{tags_url}#tag:{SLUGIFY(tag, '-')}" if tags_url is not None else None
    )
    return site


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    """A writable copy of the fixture vault."""
    target = tmp_path / "vault"
    shutil.copytree(FIXTURE_VAULT, target)
    return target


@pytest.fixture(scope="session")
def docs_site(tmp_path_factory: pytest.TempPathFactory) -> object:
    """`docs/` built once per test session with --strict."""
    from sitebuild import build_site

    build = build_site(ROOT / "docs", tmp_path_factory.mktemp("docs") / "site", strict=True)
    assert build.returncode == 0, build.log
    return build


FIGURES_SRC = ROOT / "figures_src"
if str(FIGURES_SRC) not in sys.path:
    sys.path.insert(0, str(FIGURES_SRC))  # the figure scripts import their helpers by name


@pytest.fixture(scope="session")
def base_url(docs_site: Any) -> Iterator[str]:
    """The docs site served on loopback under /garden/, as on GitHub Pages."""
    from browser import serve

    yield from serve(docs_site.site)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from browser import CHROMIUM_ARGS, require_chromium

    executable = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Any]:
    """A fresh page that records every request and every error, of the page and its frames."""
    context = browser.new_context(locale="zh-CN")
    opened = context.new_page()
    opened.requests = []
    opened.errors = []
    opened.on("request", lambda request: opened.requests.append(request.url))
    opened.on("pageerror", lambda error: opened.errors.append(str(error)))
    opened.on("console", lambda m: opened.errors.append(m.text) if m.type == "error" else None)
    yield opened
    context.close()
