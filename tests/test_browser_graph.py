"""The graph in headless Chromium: the global page draws every node, hover highlights, a click
opens the note; each note's local graph shows its two-step neighbourhood."""

from __future__ import annotations

import json
from collections import deque
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

import pytest

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
DOT = "🪄AI漫谈/点积为什么能衡量相关性？.md"


def graph_json(docs_site: Any) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((docs_site.site / "graph.json").read_text("utf-8"))
    return data


def ready_graph(page: Any, selector: str) -> Any:
    container = page.locator(selector).first
    container.scroll_into_view_if_needed()
    page.wait_for_selector(f'{selector}[data-graph-ready="true"]', timeout=15_000)
    return container


def position(page: Any, selector: str, node_id: str) -> dict[str, float]:
    found: dict[str, float] = page.evaluate(
        "([s, id]) => document.querySelector(s).gardenGraph.screenPosition(id)",
        [selector, node_id],
    )
    return found


def test_global_graph_hover_highlights_and_click_opens(
    page: Any, base_url: str, docs_site: Any
) -> None:
    graph = graph_json(docs_site)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(base_url + "graph/")
    container = ready_graph(page, ".garden-graph")
    assert int(container.get_attribute("data-graph-nodes")) == len(graph["nodes"])
    node = next(n for n in graph["nodes"] if n["id"] == DOT)
    spot = position(page, ".garden-graph", DOT)
    page.mouse.move(spot["x"], spot["y"])
    page.wait_for_function(
        "id => document.querySelector('.garden-graph').gardenGraph.highlighted === id", arg=DOT
    )
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "graph-page.png"))
    page.mouse.click(spot["x"], spot["y"])
    page.wait_for_url(lambda url: unquote(urlsplit(url).path).endswith(unquote(node["url"])))
    assert page.locator("h1").first.inner_text().startswith("点积为什么能衡量相关性")
    assert all(urlsplit(url).hostname == "127.0.0.1" for url in page.requests)
    assert page.errors == []


def test_local_graph_shows_the_two_step_neighbourhood(
    page: Any, base_url: str, docs_site: Any
) -> None:
    graph = graph_json(docs_site)
    page.goto(base_url + quote(DOT.removesuffix(".md")) + "/")
    selector = ".garden-graph--local"
    ready_graph(page, selector)
    shown = set(page.evaluate(f"document.querySelector('{selector}').gardenGraph.nodeIds"))
    assert shown == neighbourhood(graph, DOT, 2)
    assert "关于本站.md" not in shown  # a note with no links is no neighbour of anything
    page.locator(f"{selector} canvas").screenshot(path=str(ARTIFACTS / "local-graph.png"))
    assert page.errors == []


def test_the_graph_can_be_used_with_the_keyboard(page: Any, base_url: str) -> None:
    page.goto(base_url + "graph/")
    ready_graph(page, ".garden-graph")
    canvas = page.locator(".garden-graph canvas")
    canvas.focus()
    canvas.press("n")
    chosen = page.evaluate("document.querySelector('.garden-graph').gardenGraph.highlighted")
    assert chosen
    canvas.press("Enter")
    page.wait_for_load_state()
    page.wait_for_function("() => !location.pathname.endsWith('/graph/')")


def neighbourhood(graph: dict[str, Any], focus: str, depth: int) -> set[str]:
    ids = [node["id"] for node in graph["nodes"]]
    adjacent: dict[str, set[str]] = {node: set() for node in ids}
    for a, b in graph["edges"]:
        adjacent[ids[a]].add(ids[b])
        adjacent[ids[b]].add(ids[a])
    seen, queue = {focus: 0}, deque([focus])
    while queue:
        node = queue.popleft()
        if seen[node] == depth:
            continue
        for other in adjacent[node]:
            if other not in seen:
                seen[other] = seen[node] + 1
                queue.append(other)
    return set(seen)


def test_a_tag_opens_its_own_page_under_a_chinese_url(page: Any, base_url: str) -> None:
    page.goto(base_url + quote(DOT.removesuffix(".md")) + "/")
    page.locator("nav.md-tags a.md-tag", has_text="注意力").click()
    page.wait_for_url(lambda url: unquote(urlsplit(url).path).endswith("/标签/注意力/"))
    assert page.locator("article h1").first.inner_text().startswith("#注意力")
    listed = page.locator("article li a").all_inner_texts()
    assert any("点积为什么能衡量相关性" in text for text in listed)


def test_instant_navigation_redraws_the_local_graph_and_keeps_previews(
    browser: Any, docs_site: Any
) -> None:
    """Material's instant navigation matches links against the sitemap by host name without
    the port, so it only engages on port 80: the site is served there through Playwright's
    routing, from the built files."""
    context = browser.new_context(locale="zh-CN")
    context.route("http://127.0.0.1/**", lambda route: _from_site(route, docs_site.site))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto("http://127.0.0.1/garden/" + quote(DOT.removesuffix(".md")) + "/")
    ready_graph(page, ".garden-graph--local")
    page.evaluate("window.__sameDocument = true")
    page.locator("ul.garden-backlinks > li > a", has_text="词嵌入").click()
    page.wait_for_function("() => decodeURIComponent(location.pathname).includes('词嵌入')")
    assert page.evaluate("window.__sameDocument === true")  # no reload: instant navigation
    container = ready_graph(page, ".garden-graph--local")
    assert container.get_attribute("data-graph-focus") == "🪄AI漫谈/词嵌入：把词变成向量.md"
    link = page.locator("article .md-content__inner a, article p a").filter(has_text="点积").first
    link.hover()
    page.wait_for_selector('.garden-preview[data-state="ready"]', timeout=10_000)
    assert errors == []
    context.close()


def _from_site(route: Any, site: Path) -> None:
    path = unquote(urlsplit(route.request.url).path).removeprefix("/garden/")
    file = site / path
    if file.is_dir():
        file = file / "index.html"
    if file.is_file():
        route.fulfill(path=str(file))
    else:
        route.fulfill(status=404, body="")
