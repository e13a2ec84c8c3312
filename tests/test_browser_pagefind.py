"""`garden/pagefind`: Material's search box answered by Pagefind, in headless Chromium: Chinese
results as good as jieba's, nothing of an unpublished note, and far fewer bytes before the
first result than Material's whole index."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from conftest import ROOT
from sitebuild import Build, _plugins_with, build_site

pytestmark = pytest.mark.browser

DOT_TITLE = "点积为什么能衡量相关性？"


@pytest.fixture(scope="module")
def pagefind_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    plugins = [*_plugins_with({}), "garden/pagefind"]
    extra = yaml.safe_dump({"plugins": plugins}, allow_unicode=True)
    build = build_site(
        ROOT / "docs", tmp_path_factory.mktemp("pagefind") / "site", extra_yaml=extra
    )
    assert build.returncode == 0, build.log
    return build


@pytest.fixture(scope="module")
def pagefind_url(pagefind_site: Build) -> Iterator[str]:
    from browser import serve

    yield from serve(pagefind_site.site)


def _search(page: Any, base: str, query: str) -> list[str]:
    page.goto(base)
    field = page.locator(".md-search__input")
    field.click()
    field.fill(query)
    page.wait_for_function(
        "() => document.querySelectorAll('.md-search-result__item').length > 0 || /没有|No"
        " matching/.test(document.querySelector('.md-search-result__meta').textContent)",
        timeout=15_000,
    )
    return [t.strip() for t in page.locator(".md-search-result__item h1").all_inner_texts()]


@pytest.mark.parametrize(
    ("query", "wanted"),
    [("点积", DOT_TITLE), ("衡量", DOT_TITLE), ("softmax", "Softmax：把分数变成权重")],
)
def test_chinese_and_english_queries(page: Any, pagefind_url: str, query: str, wanted: str) -> None:
    titles = _search(page, pagefind_url, query)
    assert titles and titles[0] == wanted, titles


def test_nothing_of_an_unpublished_note_is_found(page: Any, pagefind_url: str) -> None:
    assert _search(page, pagefind_url, "GARDEN-DRAFT-7f3a") == []
    _search(page, pagefind_url, "狗咬人")  # words only the draft has
    hrefs = page.locator(".md-search-result__link").evaluate_all("as => as.map(a => a.href)")
    assert not any("%E8%8D%89%E7%A8%BF" in href for href in hrefs), hrefs  # 草稿


def test_the_first_result_costs_far_less_than_materials_index(
    page: Any, pagefind_url: str, docs_site: Build
) -> None:
    sizes: dict[str, int] = {}

    def record(response: Any) -> None:
        path = urlsplit(response.url).path
        if "/pagefind/" in path or "search_index" in path:
            sizes[path] = len(response.body())

    page.on("response", record)
    assert _search(page, pagefind_url, "点积")[0] == DOT_TITLE
    assert sizes and not any("search_index" in path for path in sizes)
    assert all("/pagefind/" in path for path in sizes)
    # What depends on the site's size: the index chunks and fragments the query needed. The
    # runtime (script, worker, WebAssembly: about 150 KB) is the same for any site; the sizes
    # at 1,000 and 5,000 notes are measured by bench/search_bytes.py.
    runtime = (".js", ".wasm", "pagefind-entry.json")
    chunks = sum(size for path, size in sizes.items() if not path.endswith(runtime))
    material = (Path(docs_site.site) / "search" / "search_index.json").stat().st_size
    assert chunks < material, (sizes, material)
    assert not (Path(docs_site.site) / "pagefind").exists()
