"""The built site in headless Chromium: Chinese search, math, link styles, no outside requests."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import pytest

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
DOT_TITLE = "点积为什么能衡量相关性？"
HUB = "注意力机制在 Transformer 模型中是如何运作的？"


def note_url(base_url: str, path: str) -> str:
    return base_url + quote(path)


def search(page: Any, base_url: str, query: str) -> list[str]:
    """Titles of the results Material's search shows for `query`."""
    page.goto(base_url)
    field = page.locator(".md-search__input")
    field.click()
    field.fill(query)
    field.press("End")  # Material searches on keyup; `fill` alone sends only an input event
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
    titles: list[str] = page.locator(".md-search-result__item h1").all_inner_texts()
    return [title.replace("\u200b", "") for title in titles]


@pytest.mark.parametrize("query", ["点积", "衡量", "softmax", "相关性"])
def test_chinese_and_english_search_find_the_note(page: Any, base_url: str, query: str) -> None:
    titles = search(page, base_url, query)
    wanted = "Softmax：把分数变成权重" if query == "softmax" else DOT_TITLE
    assert titles[0] == wanted, titles


def test_math_is_drawn_natively(page: Any, base_url: str) -> None:
    page.goto(note_url(base_url, "🪄AI漫谈/为什么要除以 √d_k？/"))
    block = page.locator("div.garden-math math").first
    box = block.bounding_box()
    assert box is not None and box["width"] > 40 and box["height"] > 20
    assert page.locator("math mfrac").count() > 0
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "math-note.png"), full_page=True)


def test_missing_links_are_styled_text_without_href(page: Any, base_url: str) -> None:
    page.goto(note_url(base_url, "🪄AI漫谈/注意力的代价：O(n²) 与长序列/"))
    missing = page.locator(".garden-link-missing", has_text="稀疏注意力")
    assert missing.count() == 1
    assert missing.evaluate("e => e.closest('a') === null")
    assert missing.evaluate("e => getComputedStyle(e).borderBottomStyle") == "dashed"


def test_heading_and_block_links_land_on_their_targets(page: Any, base_url: str) -> None:
    page.goto(note_url(base_url, "🪄AI漫谈/Q、K、V（查询、键、值）/"))
    page.locator("a[href*='%5Edot-def'], a[href*='^dot-def']").first.click()
    page.wait_for_load_state()
    assert page.evaluate("decodeURIComponent(location.hash)") == "#^dot-def"
    target = page.locator("[id='^dot-def']")
    assert target.count() == 1 and target.evaluate("e => e.closest('p') !== null")


def test_pages_load_nothing_from_other_hosts(page: Any, base_url: str) -> None:
    notes = ("点积为什么能衡量相关性？", "Q、K、V（查询、键、值）", HUB)
    for path in ("", *(f"🪄AI漫谈/{note}/" for note in notes)):
        page.goto(note_url(base_url, path))
        page.wait_for_load_state("networkidle")
    hosts = {urlsplit(url).hostname for url in page.requests if not url.startswith("data:")}
    assert hosts == {"127.0.0.1"}, sorted(set(page.requests))
    assert page.errors == []


# Material draws each diagram into a closed shadow root; open them so the test can look inside.
OPEN_SHADOW_ROOTS = """
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) {
  return attach.call(this, {...init, mode: "open"});
};
"""
DIAGRAM_DRAWN = """() => [...document.querySelectorAll('div.mermaid')]
  .some(d => d.shadowRoot?.querySelector('svg'))"""


@pytest.mark.parametrize("arrival", ["direct", "instant navigation"])
def test_mermaid_renders_from_the_site_itself(page: Any, base_url: str, arrival: str) -> None:
    page.add_init_script(OPEN_SHADOW_ROOTS)
    if arrival == "direct":
        page.goto(note_url(base_url, f"🪄AI漫谈/{HUB}/"))
    else:
        page.goto(base_url)
        page.locator(f"article a[href*='{quote(HUB[:6])}']").first.click()
    page.wait_for_function(DIAGRAM_DRAWN, timeout=20_000)
    labels = page.evaluate(
        "() => [...document.querySelector('div.mermaid').shadowRoot.querySelectorAll('.nodeLabel')]"
        ".map(n => n.textContent)"
    )
    assert any("softmax" in label for label in labels), labels
    assert any(url.endswith("/assets/garden/mermaid.min.js") for url in page.requests)
    assert {urlsplit(url).hostname for url in page.requests} == {"127.0.0.1"}
    assert page.errors == []


def test_code_blocks_rendered_by_garden_get_material_copy_buttons(page: Any, base_url: str) -> None:
    page.goto(note_url(base_url, "🪄AI漫谈/Q、K、V（查询、键、值）/"))
    copy = page.locator('.highlight [data-md-type="copy"], .highlight .md-clipboard').first
    copy.wait_for(state="attached", timeout=10_000)
    assert page.locator(".highlight code a[id^='__codelineno-']").count() > 5
    assert page.errors == []


@pytest.mark.parametrize("modifier", ["Control", "Meta"])
def test_ctrl_k_opens_the_search(page: Any, base_url: str, modifier: str) -> None:
    page.goto(note_url(base_url, f"🪄AI漫谈/{DOT_TITLE}/"))
    page.locator("article").click()
    page.keyboard.press(f"{modifier}+k")
    field = page.locator(".md-search__input")
    assert field.evaluate("e => e === document.activeElement")
    assert page.locator("input[data-md-toggle='search']").is_checked()
    page.keyboard.type("点积")
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
    titles = page.locator(".md-search-result__item h1").all_inner_texts()
    assert titles[0].replace("\u200b", "") == DOT_TITLE


def test_a_figure_opens_enlarged_in_the_lightbox(page: Any, base_url: str) -> None:
    page.goto(note_url(base_url, f"🪄AI漫谈/{DOT_TITLE}/"))
    figure = page.locator("article img.garden-zoomable").first
    figure.scroll_into_view_if_needed()
    small = figure.bounding_box()
    figure.click()
    enlarged = page.locator(".glightbox-container .gslide-image img").first
    enlarged.wait_for(state="visible", timeout=10_000)
    assert small is not None
    # The zoom animation ends with the image wider than in the note, or as tall as it can be.
    page.wait_for_function(
        "([img, width]) => { const box = img.getBoundingClientRect();"
        " return box.width > width || box.height > innerHeight * 0.8; }",
        arg=[enlarged.element_handle(), small["width"]],
        timeout=10_000,
    )
    assert "figures/" in (enlarged.get_attribute("src") or "")
    page.keyboard.press("Escape")
    page.locator(".glightbox-container").wait_for(state="detached", timeout=10_000)
