"""Rendered notes kept between builds: a warm build writes the same site as a cold one, and a
change to what rendering reads (the note, its properties, an option) is never a stale hit."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown.extensions.toc import slugify as toc_default_slugify

from mkdocs_garden.core.page_cache import PageCache, callable_signature
from mkdocs_garden.core.site import GardenSite, SiteOptions
from mkdocs_garden.core.vault import Vault
from sitebuild import build_site

NOTE = """---
publish: true
related: "[[乙]]"
---
# 甲

正文，见 [[乙#小节]] 与 ^[脚注]，
公式 $x^2$。

> [!note] 提示
> 内容 ^blk
"""


def _vault(root: Path, text: str) -> Vault:
    root.mkdir(parents=True, exist_ok=True)
    (root / "甲.md").write_text(text, encoding="utf-8")
    (root / "乙.md").write_text("---\npublish: true\n---\n## 小节\n乙的正文。\n", encoding="utf-8")
    return Vault.from_directory(root)


def _pages(vault: Vault, cache: PageCache, breaks: bool = True) -> dict[str, object]:
    options = SiteOptions(toc_default_slugify, breaks=breaks)
    site = GardenSite(vault, list(vault.notes), options, cache)
    return {path: dataclasses.astuple(page) for path, page in site.pages.items()}


BODIES = st.lists(
    st.sampled_from([*"甲乙 #^[]|!$*\n>-=~", "[[乙]]", "[[乙#小节]]", "==", "%%", "> [!note]\n"])
).map("".join)


@settings(max_examples=25, deadline=None)
@given(BODIES)
def test_a_page_from_the_cache_is_the_page_rendered(
    tmp_path_factory: pytest.TempPathFactory, body: str
) -> None:
    root = tmp_path_factory.mktemp("vault")
    vault = _vault(root, "---\npublish: true\n---\n" + body)
    cache = PageCache(root.with_name(root.name + "-cache"), "options")
    cold = _pages(vault, cache)
    assert cache.misses == 2 and cache.hits == 0
    warm_cache = PageCache(root.with_name(root.name + "-cache"), "options")
    assert _pages(vault, warm_cache) == cold
    assert warm_cache.hits == 2 and warm_cache.misses == 0


def test_what_rendering_reads_is_in_the_key(tmp_path: Path) -> None:
    cache = PageCache(tmp_path / "cache", "options")
    vault = _vault(tmp_path / "v", NOTE)
    _pages(vault, cache)
    edited = _vault(tmp_path / "v", NOTE.replace("正文", "改过的正文"))
    assert cache.key(edited.notes["甲.md"]) != cache.key(vault.notes["甲.md"])
    reprop = _vault(tmp_path / "v", NOTE.replace("[[乙]]", "[[丙]]"))
    assert cache.key(reprop.notes["甲.md"]) != cache.key(vault.notes["甲.md"])
    other_options = PageCache(tmp_path / "cache", "other options")
    assert other_options.key(vault.notes["甲.md"]) != cache.key(vault.notes["甲.md"])
    # Strict line breaks render differently: the adapter puts the option in the signature.
    assert _pages(vault, PageCache(tmp_path / "c2", "strict"), breaks=False) != _pages(
        vault, PageCache(tmp_path / "c3", "breaks"), breaks=True
    )


def test_a_damaged_entry_is_rendered_again(tmp_path: Path) -> None:
    vault = _vault(tmp_path / "v", NOTE)
    cache = PageCache(tmp_path / "cache", "options")
    cold = _pages(vault, cache)
    for entry in (tmp_path / "cache").rglob("*.pickle"):
        entry.write_bytes(entry.read_bytes()[:20])
    again = PageCache(tmp_path / "cache", "options")
    assert _pages(vault, again) == cold and again.misses == 2


def test_a_function_is_described_the_same_in_every_process() -> None:
    from pymdownx.slugs import slugify

    assert callable_signature(slugify(case="lower")) == callable_signature(slugify(case="lower"))
    assert callable_signature(slugify(case="lower")) != callable_signature(slugify(case="none"))
    assert "0x" not in callable_signature(slugify(case="lower"))


def test_a_warm_build_writes_the_same_site(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    _vault(vault, NOTE)
    (vault / "index.md").write_text("---\npublish: true\n---\n# 首页\n[[甲]]\n", encoding="utf-8")
    options = {"garden/obsidian": {"cache_dir": str(tmp_path / "cache")}}
    cold = build_site(vault, tmp_path / "cold", plugin_options=options)
    warm = build_site(vault, tmp_path / "warm", plugin_options=options)
    assert cold.returncode == warm.returncode == 0, cold.log + warm.log
    assert "notes from the cache" not in cold.log
    assert "3 notes from the cache, 0 rendered" in warm.log
    assert "search entries" not in cold.log  # indexed: the search cache was empty
    stored = sorted((tmp_path / "cache" / "search").glob("*/*.json"))
    assert len(stored) == 4  # one entry list per page
    entries = [entry for path in stored for entry in json.loads(path.read_text("utf-8"))]
    assert {"location", "title", "text"} <= set(entries[0]) and any(
        "甲" in entry["title"] for entry in entries
    )
    assert "search entries of 4 pages from the cache, 0 pages indexed" in warm.log
    files = sorted(
        p.relative_to(tmp_path / "cold") for p in (tmp_path / "cold").rglob("*") if p.is_file()
    )
    assert files == sorted(
        p.relative_to(tmp_path / "warm") for p in (tmp_path / "warm").rglob("*") if p.is_file()
    )
    for name in files:
        assert (tmp_path / "cold" / name).read_bytes() == (tmp_path / "warm" / name).read_bytes(), (
            name
        )
