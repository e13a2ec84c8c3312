"""The graph in headless Chromium: the global page draws every node, hover highlights, a click
opens the note; each note's local graph shows the note and its direct neighbours. In light and
dark schemes, on a wide and a narrow screen: labels never overlap nor cover a dot, the nodes
spread over the frame, nothing is wider than the screen; a graph not loaded does not print."""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterator
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
    assert_labels_apart(drawn_labels(page, ".garden-graph"))
    assert DOT in {label["id"] for label in drawn_labels(page, ".garden-graph")}
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "graph-page-hover.png"))
    page.mouse.click(spot["x"], spot["y"])
    page.wait_for_url(lambda url: unquote(urlsplit(url).path).endswith(unquote(node["url"])))
    assert page.locator("h1").first.inner_text().startswith("点积为什么能衡量相关性")
    assert all(urlsplit(url).hostname == "127.0.0.1" for url in page.requests)
    assert page.errors == []


def test_local_graph_shows_the_note_and_its_direct_neighbours(
    page: Any, base_url: str, docs_site: Any
) -> None:
    graph = graph_json(docs_site)
    page.goto(base_url + quote(DOT.removesuffix(".md")) + "/")
    selector = ".garden-graph--local"
    ready_graph(page, selector)
    shown = set(page.evaluate(f"document.querySelector('{selector}').gardenGraph.nodeIds"))
    assert shown == neighbourhood(graph, DOT, 1)
    assert len(shown) < len(graph["nodes"]) - 1  # not the whole graph, even in a small vault
    assert "关于本站.md" not in shown  # a note with no links is no neighbour of anything
    ARTIFACTS.mkdir(exist_ok=True)
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


# Readability, in both schemes and at both widths -----------------------------------------

SCREENS = {1280: 800, 390: 844}
SCHEMES = {"light": "default", "dark": "slate"}
VIEWS = {
    "graph-page": ("graph/", ".garden-graph"),
    "local-graph": (quote(DOT.removesuffix(".md")) + "/", ".garden-graph--local"),
}


@pytest.fixture
def screen(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A page in the scheme and at the width of the test's parameters."""
    scheme, width = request.param
    context = browser.new_context(
        locale="zh-CN",
        color_scheme=scheme,
        viewport={"width": width, "height": SCREENS[width]},
    )
    opened = context.new_page()
    opened.errors = []
    opened.on("pageerror", lambda error: opened.errors.append(str(error)))
    opened.on("console", lambda m: opened.errors.append(m.text) if m.type == "error" else None)
    yield opened
    context.close()


@pytest.mark.parametrize("view", sorted(VIEWS))
@pytest.mark.parametrize(
    "screen",
    [(scheme, width) for scheme in SCHEMES for width in SCREENS],
    ids=[f"{scheme}-{width}" for scheme in SCHEMES for width in SCREENS],
    indirect=True,
)
def test_the_graph_is_readable(screen: Any, base_url: str, docs_site: Any, view: str) -> None:
    page = screen
    path, selector = VIEWS[view]
    page.goto(base_url + path)
    container = ready_graph(page, selector)
    scheme = next(name for name, value in SCHEMES.items() if page_scheme(page) == value)
    width = page.viewport_size["width"]
    page.wait_for_timeout(200)  # the first frame after the fonts settle
    ARTIFACTS.mkdir(exist_ok=True)
    container.screenshot(path=str(ARTIFACTS / f"{view}-{scheme}-{width}.png"))

    labels = drawn_labels(page, selector)
    dots = drawn_dots(page, selector)
    canvas = page.locator(f"{selector} canvas").bounding_box()
    assert_labels_apart(labels)
    assert_labels_clear_of_dots(labels, dots)
    assert all(
        label["left"] >= canvas["x"] - 0.5
        and label["right"] <= canvas["x"] + canvas["width"] + 0.5
        and label["top"] >= canvas["y"] - 0.5
        and label["bottom"] <= canvas["y"] + canvas["height"] + 0.5
        for label in labels
    ), "a label runs off the canvas"
    # Most nodes are named; in the local graph, the note itself always is.
    assert len(labels) >= 0.75 * len(dots), f"{len(labels)} labels for {len(dots)} nodes"
    if view == "local-graph":
        assert DOT in {label["id"] for label in labels}
    # The nodes use the frame: their bounding box spans most of the canvas both ways.
    xs = [dot["x"] for dot in dots.values()]
    ys = [dot["y"] for dot in dots.values()]
    assert max(xs) - min(xs) >= 0.6 * canvas["width"], (min(xs), max(xs), canvas)
    assert max(ys) - min(ys) >= 0.6 * canvas["height"], (min(ys), max(ys), canvas)
    assert wider_than_the_screen(page) == []
    assert page.errors == []


def test_the_local_graph_is_laid_out_around_its_note(page: Any, base_url: str) -> None:
    """The note in the middle, its neighbours around it."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(base_url + quote(DOT.removesuffix(".md")) + "/")
    selector = ".garden-graph--local"
    ready_graph(page, selector)
    dots = drawn_dots(page, selector)
    note = dots.pop(DOT)
    left = sum(dot["x"] < note["x"] for dot in dots.values())
    above = sum(dot["y"] < note["y"] for dot in dots.values())
    assert 0 < left < len(dots) and 0 < above < len(dots)


def test_a_graph_not_loaded_does_not_print(page: Any, base_url: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(base_url + quote(DOT.removesuffix(".md")) + "/")
    graph = page.locator(".garden-graph--local")
    page.wait_for_timeout(300)
    assert graph.get_attribute("data-graph-ready") is None  # far below: not loaded yet
    assert "加载中" in graph.inner_text()
    page.emulate_media(media="print")
    assert graph.is_hidden()
    assert page.locator("#garden-local-graph").is_hidden()
    assert page.locator("a", has_text="查看全局关系图谱").is_hidden()
    assert page.locator("#garden-backlinks").is_visible()  # the rest of the section prints
    page.locator(".garden-connections").screenshot(path=str(ARTIFACTS / "local-graph-print.png"))

    page.emulate_media(media="screen")
    ready_graph(page, ".garden-graph--local")
    page.emulate_media(media="print")
    assert graph.is_visible()  # a graph drawn prints as drawn…
    assert page.locator(".garden-graph--local .garden-graph__controls").is_hidden()  # …bare
    assert page.locator("#garden-local-graph").is_visible()
    page.emulate_media(media="screen")


def page_scheme(page: Any) -> str:
    scheme: str = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    return scheme


def drawn_labels(page: Any, selector: str) -> list[dict[str, Any]]:
    labels: list[dict[str, Any]] = page.evaluate(
        "s => document.querySelector(s).gardenGraph.labels", selector
    )
    return labels


def drawn_dots(page: Any, selector: str) -> dict[str, dict[str, float]]:
    """Each node's dot on the page (x, y, r), for the nodes inside the canvas."""
    dots: dict[str, dict[str, float]] = page.evaluate(
        """s => {
            const graph = document.querySelector(s).gardenGraph;
            const box = document.querySelector(s + " canvas").getBoundingClientRect();
            const dots = {};
            for (const id of graph.nodeIds) {
                const dot = graph.screenPosition(id);
                const inside = dot.x >= box.left && dot.x <= box.right
                    && dot.y >= box.top && dot.y <= box.bottom;
                if (inside) dots[id] = dot;
            }
            return dots;
        }""",
        selector,
    )
    return dots


def boxes_overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    return (
        a["left"] < b["right"]
        and b["left"] < a["right"]
        and a["top"] < b["bottom"]
        and b["top"] < a["bottom"]
    )


def assert_labels_apart(labels: list[dict[str, Any]]) -> None:
    assert labels, "no label drawn"
    for i, first in enumerate(labels):
        for second in labels[i + 1 :]:
            assert not boxes_overlap(first, second), (first, second)


def assert_labels_clear_of_dots(
    labels: list[dict[str, Any]], dots: dict[str, dict[str, float]]
) -> None:
    for label in labels:
        for node, dot in dots.items():
            nearest_x = min(max(dot["x"], label["left"]), label["right"])
            nearest_y = min(max(dot["y"], label["top"]), label["bottom"])
            distance = ((nearest_x - dot["x"]) ** 2 + (nearest_y - dot["y"]) ** 2) ** 0.5
            assert distance >= dot["r"] - 0.5, f"{label['text']} covers the dot of {node}"


def wider_than_the_screen(page: Any) -> list[str]:
    """Elements shown that reach past the page's right edge (or the page scrolls sideways).
    What an ancestor clips (a code block that scrolls, the visually hidden list) is cut at
    that ancestor's edge; Material's closed search and drawer are hidden, not merely moved."""
    found: list[str] = page.evaluate(WIDER_THAN_THE_SCREEN)
    return found


WIDER_THAN_THE_SCREEN = """() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const wide = root.scrollWidth > width ? ["the page scrolls sideways"] : [];
    const clippedRight = (element) => {
        let right = element.getBoundingClientRect().right;
        for (let up = element.parentElement; up !== document.body; up = up.parentElement) {
            if (getComputedStyle(up).overflowX !== "visible") {
                right = Math.min(right, up.getBoundingClientRect().right);
            }
        }
        return right;
    };
    const visible = { opacityProperty: true, visibilityProperty: true };
    for (const element of document.querySelectorAll(".md-main *, .md-header *")) {
        if (!element.checkVisibility(visible) || !element.getBoundingClientRect().width) continue;
        const right = clippedRight(element);
        if (right > width + 0.5) wide.push(`${element.tagName}.${element.className} ${right}`);
    }
    return wide.slice(0, 10);
}"""
