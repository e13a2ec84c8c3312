"""The real site: `docs/` built by MkDocs and Material with --strict, and what it contains."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT
from sitebuild import Build, broken_links, build_site, read_page, site_texts

DRAFT_MARKER = "GARDEN-DRAFT-7f3a"
HUB = "🪄AI漫谈/注意力机制在 Transformer 模型中是如何运作的？/index.html"
DOT = "🪄AI漫谈/点积为什么能衡量相关性？/index.html"


@pytest.fixture
def site(docs_site: Build) -> Build:
    return docs_site


def test_strict_build_passes_and_reports_missing_notes_as_info(site: Build) -> None:
    assert "WARNING" not in site.log
    assert "[[稀疏注意力]]" in site.log and "注意力的代价：O(n²) 与长序列.md:" in site.log


def test_every_internal_link_reaches_a_file_and_anchor(site: Build) -> None:
    assert broken_links(site.site, base_path="/garden/") == []


def test_unpublished_draft_is_nowhere(site: Build) -> None:
    leaks = [str(path) for path, text in site_texts(site.site) if DRAFT_MARKER in text]
    assert leaks == []
    assert not list(site.site.rglob("*草稿*"))


def test_links_reach_notes_headings_and_blocks(site: Build) -> None:
    links = read_page(site.site / HUB).links
    assert any(link.endswith("#夹角与余弦") for link in links)
    page = read_page(site.site / DOT)
    assert {"^dot-def", "^sign-rule", "几何直觉", "夹角与余弦"} <= page.ids


def test_frontmatter_title_cssclasses_and_tags(site: Build) -> None:
    softmax = (site.site / "🪄AI漫谈/Softmax：从分数到权重/index.html").read_text(encoding="utf-8")
    assert "<title>Softmax：把分数变成权重 - " in softmax
    hub = (site.site / HUB).read_text(encoding="utf-8")
    assert 'class="md-content__inner md-typeset wide-note"' in hub
    tags = json.loads((site.site / "tags.json").read_text(encoding="utf-8"))
    assert "线性代数" in json.dumps(tags, ensure_ascii=False)


def test_math_is_mathml_and_nothing_loads_from_another_host(site: Build) -> None:
    dot = (site.site / DOT).read_text(encoding="utf-8")
    assert "<math" in dot and "arithmatex" not in dot
    for path, text in site_texts(site.site):
        if path.suffix == ".html":
            assert "fonts.googleapis.com" not in text and "cdn.jsdelivr" not in text, path


def test_former_address_and_raw_html_links_are_local(site: Build) -> None:
    about = read_page(site.site / "关于本站/index.html").links
    assert "https://pkm365.github.io/关于本站" not in about
    home = read_page(site.site / "index.html").links
    assert any(
        link.rstrip("/").endswith("%E5%85%B3%E4%BA%8E%E6%9C%AC%E7%AB%99")
        or link.rstrip("/").endswith("关于本站")
        for link in home
    )
    assert not any(link.endswith(".md") for link in home)


def test_search_index_has_published_notes_only(site: Build) -> None:
    index = json.loads((site.site / "search/search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    assert len({loc.split("#")[0] for loc in locations}) >= 11
    assert DRAFT_MARKER not in json.dumps(index, ensure_ascii=False)


def test_sitemap_lists_no_unpublished_note(site: Build) -> None:
    sitemap = (site.site / "sitemap.xml").read_text(encoding="utf-8")
    assert "%E8%8D%89%E7%A8%BF" not in sitemap and "草稿" not in sitemap
    assert sitemap.count("<loc>") >= 11


def test_code_keeps_wikilinks_literal(site: Build) -> None:
    about = (site.site / "关于本站/index.html").read_text(encoding="utf-8")
    assert "<code>[[这不是链接]]</code>" in about


def test_missing_links_option_makes_them_warnings(tmp_path: Path) -> None:
    options = {"garden/obsidian": {"missing_links": "warn"}}
    build = build_site(ROOT / "docs", tmp_path / "site", strict=True, plugin_options=options)
    assert build.returncode != 0
    missing = "注意力的代价：O(n²) 与长序列.md:29: link [[稀疏注意力]]"
    assert f"WARNING -  garden: 🪄AI漫谈/{missing}" in build.log
    assert "Aborted with 2 warnings in strict mode" in build.log


def test_titles_and_tags_are_text_never_markup(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    vault.mkdir()
    title = '</title><script>alert(1)</script> "引号" & <b>粗</b>'
    front = json.dumps({"publish": True, "title": title, "tags": ["<img src=x>", "安全"]})
    (vault / "危险.md").write_text(f"---\n{front}\n---\n正文\n", encoding="utf-8")
    (vault / "index.md").write_text('---\n{"publish":true}\n---\n# 首页\n[[危险]]\n', "utf-8")

    build = build_site(vault, tmp_path / "site", strict=False)

    assert build.returncode == 0, build.log
    for path, text in site_texts(build.site):
        assert "<script>alert" not in text and "<b>粗" not in text and "<img src=x" not in text, (
            path
        )
    page = (build.site / "危险/index.html").read_text(encoding="utf-8")
    assert (
        "<title>＜/title＞＜script＞alert(1)＜/script＞ &#34;引号&#34; &amp; ＜b＞粗＜/b＞ - "
        in page
    )


def test_obsidian_content_syntax_in_the_notes(site: Build) -> None:
    heads = (site.site / "🪄AI漫谈/多头注意力/index.html").read_text(encoding="utf-8")
    assert '<div class="admonition tip">' in heads and "<mark>" in heads
    assert 'class="garden-tag" href="../../%E6%A0%87%E7%AD%BE/#tag:注意力"' in heads
    scaling = (site.site / "🪄AI漫谈/为什么要除以 √d_k？/index.html").read_text(encoding="utf-8")
    assert '<details class="warning">' in scaling
    hub = (site.site / HUB).read_text(encoding="utf-8")
    assert '<div class="garden-embed">' in hub and 'id="^dot-def"' in hub
    # A %%comment%% reaches nothing: not the page, not the search index.
    assert [str(path) for path, text in site_texts(site.site) if "待补" in text] == []
