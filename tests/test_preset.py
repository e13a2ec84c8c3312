"""The `garden` plugin line: every part on by default, a part the site lists itself left to
the site's settings, a part switched off, and a theme that cannot show Garden's pages."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

NOTE = "---\npublish: true\ntags: [标签甲]\n---\n# 首页\n\n见 [[另一篇]]。\n"
OTHER = "---\npublish: true\n---\n另一篇的正文。\n"


def _build(tmp_path: Path, config: str) -> subprocess.CompletedProcess[str]:
    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "index.md").write_text(NOTE, encoding="utf-8")
    (docs / "另一篇.md").write_text(OTHER, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: 测试\nsite_url: https://example.org/\n" + config, encoding="utf-8"
    )
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=300,
    )


def test_one_line_turns_on_every_part(tmp_path: Path) -> None:
    result = _build(tmp_path, "plugins: [garden]\n")
    assert result.returncode == 0, result.stderr
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh"' in home and "fonts.googleapis" not in home
    assert 'class="md-search"' in home  # Material's search box
    assert 'class="md-tag' in home  # Material's tags
    assert 'class="garden-backlinks"' in (tmp_path / "site/另一篇/index.html").read_text("utf-8")
    assert (tmp_path / "site" / ".nojekyll").is_file()  # garden/publish
    assert (tmp_path / "site" / "graph.json").is_file()  # garden/connections
    assert (tmp_path / "site" / "assets/garden/glightbox.min.js").is_file()  # lightbox


def test_a_part_the_site_lists_keeps_the_sites_settings(tmp_path: Path) -> None:
    config = "plugins:\n  - garden\n  - material/search:\n      separator: '[\\s]+'\n"
    result = _build(tmp_path, config)
    assert result.returncode == 0, result.stderr
    index = (tmp_path / "site" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert '"separator":"[\\\\s]+"' in index.replace(" ", "")
    assert "garden-backlinks" in (tmp_path / "site/另一篇/index.html").read_text("utf-8")


def test_a_part_can_be_left_out(tmp_path: Path) -> None:
    result = _build(
        tmp_path, "plugins:\n  - garden:\n      tags: false\n      connections: false\n"
    )
    assert result.returncode == 0, result.stderr
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'class="md-tag' not in home
    assert not (tmp_path / "site" / "graph.json").exists()
    assert 'class="md-search"' in home


def test_the_sites_theme_settings_win(tmp_path: Path) -> None:
    result = _build(tmp_path, "theme:\n  name: garden\n  language: en\nplugins: [garden]\n")
    assert result.returncode == 0, result.stderr
    assert '<html lang="en"' in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_a_theme_not_built_on_material_is_refused(tmp_path: Path) -> None:
    result = _build(tmp_path, "theme: readthedocs\nplugins: [garden]\n")
    assert result.returncode != 0
    assert "not built on Material for MkDocs" in result.stderr


def test_mkdocs_own_search_is_refused_with_the_name_to_write(tmp_path: Path) -> None:
    result = _build(tmp_path, "plugins:\n  - garden\n  - search\n")
    assert result.returncode != 0
    assert "write `material/search`" in result.stderr


def test_a_large_search_index_suggests_pagefind(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from mkdocs.config.defaults import MkDocsConfig

    from mkdocs_garden.mkdocs_plugins.preset import LARGE_SEARCH_INDEX, GardenPreset

    config = MkDocsConfig()
    config.load_dict({"site_name": "测试", "site_dir": str(tmp_path)})
    assert config.validate() == ([], [])
    index = tmp_path / "search" / "search_index.json"
    index.parent.mkdir()
    index.write_bytes(b"{}")
    preset = GardenPreset()
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.garden.preset"):
        preset.on_post_build(config)
        assert "garden/pagefind" not in caplog.text
        with index.open("r+b") as data:
            data.truncate(LARGE_SEARCH_INDEX + 1)  # sparse: no 10 MB written
        preset.on_post_build(config)
    assert "the search index is 10.0 MB" in caplog.text and "garden/pagefind" in caplog.text
