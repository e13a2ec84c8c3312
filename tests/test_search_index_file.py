"""Garden writes Material's search index entry by entry (`core/search_index_file.py`): the
same bytes as Material's own, without holding the whole index as one string."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from pathlib import Path

import pytest
from material.plugins.search.plugin import SearchIndex
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_garden.core.search_index_file import entry_json, write_index_file
from mkdocs_garden.mkdocs_plugins import incremental
from sitebuild import write_garden_config

ENTRIES = [
    {"location": "点积/", "title": "点积", "text": "<p>两个向量的\u200b点积</p>"},
    {"location": "点积/#定义", "title": "定义", "text": 'a "quoted" \\ b', "tags": ["卡片"]},
    {"location": "", "title": "首页", "text": "", "boost": 2},
]
SETTINGS = {"lang": ["zh"], "separator": "[\\s\\u200b]+", "pipeline": [], "fields": {}}


def _material(entries: list[dict[str, object]]) -> str:
    return json.dumps({"config": SETTINGS, "docs": entries}, separators=(",", ":"), default=str)


def test_the_file_is_what_material_writes(tmp_path: Path) -> None:
    path = tmp_path / "search" / "search_index.json"
    chunks = [entry_json(ENTRIES[0]), "", ",".join(map(entry_json, ENTRIES[1:]))]
    assert write_index_file(str(path), _material([]), chunks)
    assert path.read_text(encoding="utf-8") == _material(ENTRIES)
    assert write_index_file(str(path), _material([]), [])
    assert path.read_text(encoding="utf-8") == _material([])
    assert not (tmp_path / "search" / "search_index.json.partial").exists()


def test_an_index_of_another_form_is_left_to_material(tmp_path: Path) -> None:
    path = tmp_path / "search_index.json"
    assert not write_index_file(str(path), '{"docs":[],"config":{}}', ["{}"])
    assert not path.exists()


def test_a_built_site_has_materials_index_byte_for_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    calls: list[tuple[str, bool]] = []

    def recorded(path: str, empty_index: str, chunks: Iterable[str]) -> bool:
        calls.append((path, write_index_file(path, empty_index, chunks)))
        return calls[-1][1]

    monkeypatch.setattr(incremental, "write_index_file", recorded)
    vault = tmp_path / "vault"
    vault.mkdir()
    (vault / "index.md").write_text("---\npublish: true\n---\n# 首页\n\n[[点积]]\n", "utf-8")
    note = '---\npublish: true\ntags: [卡片]\n---\n点积是"内积"。\n\n## 定义\n\n$a \\cdot b$\n'
    (vault / "点积.md").write_text(note, "utf-8")
    config_file = write_garden_config(tmp_path, "索引")
    config = load_config(str(config_file), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    build(config)

    index_file = str(tmp_path / "site" / "search" / "search_index.json")
    assert calls == [(index_file, True)]  # written by Garden, not by Material
    search = config.plugins["material/search"]
    assert search.config.enabled  # told to write nothing only while Garden's index stands
    written = (tmp_path / "site" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert len(search.search_index.entries) >= 3
    assert written == SearchIndex.generate_search_index(search.search_index, None)
