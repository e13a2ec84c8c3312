"""Hover previews of internal links (assets/garden/preview.js) in headless Chromium: a note's
opening, the section of a Chinese heading, a block; keyboard focus; none on touch screens."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

import pytest

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
DOT = "🪄AI漫谈/点积为什么能衡量相关性？/"
QKV = "🪄AI漫谈/Q、K、V（查询、键、值）/"
HEADING = "几何直觉"  # a section of DOT, linked from QKV as [[点积为什么能衡量相关性？#几何直觉]]
BLOCK = "^dot-def"  # a block of DOT, linked from QKV as [[点积为什么能衡量相关性？#^dot-def]]
PREVIEW = ".garden-preview"


def article(docs_site: Any, path: str) -> str:
    """The built article of a page, without its permalinks."""
    html = (docs_site.site / path / "index.html").read_text("utf-8")
    body = html[html.index("<article") : html.index("</article>")]
    return re.sub(r'<a class="headerlink".*?</a>', "", body, flags=re.S)


def text(fragment: str) -> str:
    """Text of an HTML fragment with all whitespace removed, to compare with innerText."""
    return "".join(unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def headings(body: str) -> list[tuple[int, str, str]]:
    """(level, id, text) of each heading of an article, in order."""
    found = re.finditer(r'<h([1-6])(?: id="([^"]*)")?[^>]*>(.*?)</h\1>', body, flags=re.S)
    return [(int(m[1]), unescape(m[2] or ""), text(m[3])) for m in found]


def link_to(page: Any, path: str, anchor: str = "") -> Any:
    """The first link in the content to `path` (site-relative) and `#anchor`: relative in the
    built HTML, absolute once Material has loaded, with the anchor as written or encoded."""
    ends = {quote(path) + (f"#{name}" if anchor else "") for name in (anchor, quote(anchor))}
    return page.locator(", ".join(f"article a[href$='{end}']" for end in sorted(ends))).first


def flat(locator: Any) -> str:
    return "".join(locator.text_content().split())


def shown(page: Any) -> Any:
    """The preview, once it is visible and filled."""
    ready = f"{PREVIEW}[data-state='ready']"
    page.wait_for_selector(ready, state="visible", timeout=10_000)
    return page.locator(ready)


def gone(page: Any) -> None:
    page.wait_for_selector(PREVIEW, state="hidden", timeout=5_000)


def hover_preview(page: Any, link: Any) -> Any:
    """Rest the mouse on `link` and wait for its preview to be filled."""
    link.hover()
    return shown(page)


def test_hovering_a_note_link_previews_its_title_and_opening(
    page: Any, base_url: str, docs_site: Any
) -> None:
    target = article(docs_site, DOT)
    title = headings(target)[0]
    first_paragraph = re.search(r"</h1>.*?<p>(.*?)</p>", target, flags=re.S)
    assert title[0] == 1 and first_paragraph is not None
    page.goto(base_url)
    link = link_to(page, DOT)
    preview = hover_preview(page, link)
    seen = flat(preview)
    assert seen.startswith(title[2])
    assert text(first_paragraph[1]) in seen
    assert headings(target)[-1][2] not in seen  # only the opening, not the whole note
    assert preview.get_attribute("role") == "tooltip"
    assert link.get_attribute("aria-describedby") == preview.get_attribute("id")
    assert preview.get_attribute("data-preview-url") == base_url + quote(DOT)
    assert preview.locator(".md-typeset h1").count() == 1

    box = preview.bounding_box()  # the pointer may move into the preview, which then stays
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=4)
    page.wait_for_timeout(800)
    assert preview.is_visible()
    page.mouse.move(5, page.viewport_size["height"] - 5)
    gone(page)
    assert link.get_attribute("aria-describedby") is None
    assert page.errors == []


def test_a_link_to_a_chinese_heading_previews_that_section(
    page: Any, base_url: str, docs_site: Any
) -> None:
    outline = headings(article(docs_site, DOT))
    start = next(i for i, (_, id_, _) in enumerate(outline) if id_ == HEADING)
    level = outline[start][0]
    end = next(i for i in range(start + 1, len(outline)) if outline[i][0] <= level)
    inside, after = outline[start:end], outline[end]
    assert len(inside) > 1  # the section has subsections: they belong to the preview too

    page.goto(base_url + quote(QKV))
    link = link_to(page, DOT, HEADING)
    preview = hover_preview(page, link)
    seen = flat(preview)
    assert seen.startswith(HEADING)
    assert all(heading in seen for _, _, heading in inside)
    assert after[2] not in seen
    assert outline[0][2] not in seen  # not the page's title: the section alone
    assert unquote(preview.get_attribute("data-preview-url")).endswith(f"{DOT}#{HEADING}")
    assert preview.locator("[id], iframe, .headerlink, script").count() == 0
    assert "交互页面" in seen  # the section's iframe, as a note
    assert page.errors == []


def test_a_block_link_previews_its_paragraph(page: Any, base_url: str, docs_site: Any) -> None:
    target = article(docs_site, DOT)
    paragraph = re.search(rf'<p id="{re.escape(BLOCK)}">(.*?)</p>', target, re.S)
    assert paragraph is not None
    page.goto(base_url + quote(QKV))
    preview = hover_preview(page, link_to(page, DOT, BLOCK))
    assert flat(preview) == text(paragraph[1])
    assert page.errors == []


def test_keyboard_focus_shows_the_preview_and_escape_hides_it(page: Any, base_url: str) -> None:
    page.goto(base_url + quote(QKV))
    link = link_to(page, DOT, HEADING)
    link.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # back to the link, by keyboard
    assert link.evaluate("a => a === document.activeElement && a.matches(':focus-visible')")
    preview = shown(page)
    assert flat(preview).startswith(HEADING)
    assert link.get_attribute("aria-describedby") == preview.get_attribute("id")

    page.keyboard.press("Escape")
    gone(page)
    assert link.get_attribute("aria-describedby") is None
    assert page.errors == []


def test_no_preview_on_a_touch_screen(browser: Any, base_url: str) -> None:
    context = browser.new_context(
        has_touch=True, is_mobile=True, viewport={"width": 390, "height": 844}, locale="zh-CN"
    )
    try:
        touch = context.new_page()
        requests: list[str] = []
        touch.on("request", lambda request: requests.append(request.url))
        touch.goto(base_url)
        touch.wait_for_load_state("networkidle")
        assert any(url.endswith("/assets/garden/preview.js") for url in requests)
        touch.evaluate("document.addEventListener('click', e => e.preventDefault())")  # stay
        link = link_to(touch, DOT)
        link.scroll_into_view_if_needed()
        link.tap()
        touch.wait_for_timeout(1_000)
        assert touch.locator(f"{PREVIEW}:visible").count() == 0
        box = link.bounding_box()  # a long press: the finger rests on the link
        point = {"x": box["x"] + box["width"] / 2, "y": box["y"] + box["height"] / 2}
        cdp = context.new_cdp_session(touch)
        cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [point]})
        touch.wait_for_timeout(1_000)
        assert touch.locator(f"{PREVIEW}:visible").count() == 0
        cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
        assert base_url + quote(DOT) not in requests  # not even fetched
    finally:
        context.close()


def test_previews_fetch_each_page_once_and_only_from_the_site(
    page: Any, base_url: str, docs_site: Any
) -> None:
    page.goto(base_url + quote(QKV))
    page.wait_for_load_state("networkidle")
    hover_preview(page, link_to(page, DOT, BLOCK))
    page.mouse.move(5, page.viewport_size["height"] - 5)
    gone(page)
    preview = hover_preview(page, link_to(page, DOT, HEADING))

    # A figure is there twice, a picture per colour scheme; the page's scheme shows one.
    images = preview.locator("img")
    assert images.count() > 0
    addresses = [*images.evaluate_all("imgs => imgs.map(i => i.getAttribute('src'))")]
    addresses += preview.locator("source").evaluate_all("s => s.map(e => e.srcset)")
    assert all(address.startswith(base_url + "figures/") for address in addresses), addresses
    shown = images.filter(visible=True)
    assert 0 < shown.count() < images.count()
    for image in shown.all():
        image.scroll_into_view_if_needed()
        loaded = "img => img.complete && img.naturalWidth > 0"
        page.wait_for_function(loaded, arg=image.element_handle())
    assert page.requests.count(base_url + quote(DOT)) == 1  # one fetch, two previews
    hosts = {urlsplit(url).hostname for url in page.requests if not url.startswith("data:")}
    assert hosts == {"127.0.0.1"}, sorted(set(page.requests))
    assert page.errors == []


def test_the_preview_follows_the_color_scheme(page: Any, base_url: str) -> None:
    page.goto(base_url + quote(QKV))
    preview = hover_preview(page, link_to(page, DOT, HEADING))
    ARTIFACTS.mkdir(exist_ok=True)
    backgrounds = []
    for scheme, name in (("default", "light"), ("slate", "dark")):
        page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
        colors = preview.evaluate(
            "box => [box, document.body].map(e => getComputedStyle(e).backgroundColor)"
        )
        assert colors[0] == colors[1], colors  # the page's own background
        backgrounds.append(colors[0])
        page.screenshot(path=str(ARTIFACTS / f"preview-{name}.png"))
    assert backgrounds[0] != backgrounds[1]
    assert page.errors == []
