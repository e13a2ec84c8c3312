"""Shared test helpers: fixture paths, the fixture vault, and a renderer over it."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from pymdownx.slugs import slugify

from garden.core.render import NoteRenderer, RenderOptions, SiteMap
from garden.core.urls import OwnSite
from garden.core.vault import Vault

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


def make_renderer(vault: Vault, former: tuple[str, ...] = ()) -> NoteRenderer:
    site = SiteMap(directory_url(vault), OwnSite(("https://example.org/garden/", *former)))
    return NoteRenderer(vault, site, RenderOptions(SLUGIFY, "-"))


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
