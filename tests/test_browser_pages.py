"""The interactive pages, embedded in the built notes, in headless Chromium: their numbers
against NumPy (the same formulas as the figures), their fit, their colour schemes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import numpy as np
import pytest

from attention_math import angle, dot, norm, scaled_scores, softmax
from sitebuild import Build

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
DOT_NOTE = "🪄AI漫谈/点积为什么能衡量相关性？/"
QKV_NOTE = "🪄AI漫谈/Q、K、V（查询、键、值）/"


def open_embedded(page: Any, base_url: str, note: str, page_name: str) -> Any:
    """Open `note` and return the frame of the embedded `page_name`, once it is ready."""
    page.goto(base_url + quote(note))
    iframe = page.locator(f"iframe[src$='pages/{page_name}']")
    assert iframe.count() == 1, f"no iframe for {page_name} in {note}"
    iframe.scroll_into_view_if_needed()
    frame = iframe.element_handle().content_frame()
    frame.wait_for_selector("body[data-ready='1']", timeout=15_000)
    return frame


def value(frame: Any, selector: str) -> float:
    return float(frame.locator(selector).get_attribute("data-value"))


def vector(frame: Any, name: str) -> np.ndarray:
    element = frame.locator(f"#vector-{name}")
    return np.array(
        [float(element.get_attribute("data-x")), float(element.get_attribute("data-y"))]
    )


def check_dot_readouts(frame: Any) -> None:
    a, b = vector(frame, "a"), vector(frame, "b")
    assert value(frame, "#dot") == pytest.approx(dot(a, b), rel=1e-9, abs=1e-12)
    assert value(frame, "#cos") == pytest.approx(np.cos(angle(a, b)), rel=1e-9, abs=1e-12)
    assert value(frame, "#theta") == pytest.approx(np.degrees(angle(a, b)), rel=1e-9)
    assert value(frame, "#norm-b") == pytest.approx(norm(b), rel=1e-9)
    assert value(frame, "#projection-length") == pytest.approx(dot(a, b) / norm(a), rel=1e-9)


def test_dragging_vector_b_gives_numpy_s_numbers(page: Any, base_url: str) -> None:
    frame = open_embedded(page, base_url, DOT_NOTE, "dotproduct.html")
    before = vector(frame, "b")
    box = frame.locator("#handle-b").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x - 90, y + 130, steps=12)
    page.mouse.up()

    after = vector(frame, "b")
    assert after[0] < before[0] - 1 and after[1] < before[1] - 2  # B moved left and down
    assert value(frame, "#dot") < 0 < dot(before, vector(frame, "a"))
    check_dot_readouts(frame)
    assert "A·B < 0" in frame.locator("#meaning").inner_text()
    assert page.errors == []


def test_keyboard_and_presets_move_the_vectors(page: Any, base_url: str) -> None:
    frame = open_embedded(page, base_url, DOT_NOTE, "dotproduct.html")
    before = vector(frame, "a")
    frame.locator("#handle-a").focus()
    frame.locator("#handle-a").press("ArrowUp")
    frame.locator("#handle-a").press("Shift+ArrowLeft")
    assert vector(frame, "a") == pytest.approx(before + np.array([-0.5, 0.1]))
    check_dot_readouts(frame)
    frame.get_by_role("button", name="相互正交").click()
    assert abs(value(frame, "#cos")) < 0.01  # B is placed at 90° (coordinates kept to 0.01)
    check_dot_readouts(frame)
    frame.get_by_role("button", name="方向相反").click()
    assert value(frame, "#theta") == pytest.approx(160, abs=0.5)


def test_embedded_pages_fit_their_content(page: Any, base_url: str) -> None:
    for note, name in ((DOT_NOTE, "dotproduct.html"), (QKV_NOTE, "attention.html")):
        frame = open_embedded(page, base_url, note, name)
        iframe = page.locator(f"iframe[src$='pages/{name}']")
        # The frame's viewport ends where the page's content does (its last box, and the
        # body's padding under it): no inner scrollbar, no blank space under the content.
        page.wait_for_function(
            "f => { const body = f.contentDocument.body;"
            " const boxes = [...body.children].map(e => e.getBoundingClientRect().bottom);"
            " const end = Math.max(...boxes) + parseFloat(getComputedStyle(body).paddingBottom);"
            " return Math.abs(f.contentWindow.innerHeight - end) <= 1; }",
            arg=iframe.element_handle(),
            timeout=10_000,
        )
        assert frame.evaluate("document.documentElement.dataset.embedded") == ""
        assert iframe.get_attribute("scrolling") == "no"
        assert iframe.evaluate("f => getComputedStyle(f).height") != "1100px"


def read_matrix(frame: Any, table: str) -> np.ndarray:
    cells = frame.locator(f"#{table} td[data-value]")
    entries = cells.evaluate_all(
        "cells => cells.map(c => [+c.dataset.row, +c.dataset.col, +c.dataset.value])"
    )
    rows = 1 + max(int(row) for row, _, _ in entries)
    columns = 1 + max(int(column) for _, column, _ in entries)
    matrix = np.full((rows, columns), np.nan)
    for row, column, number in entries:
        matrix[int(row), int(column)] = number
    return matrix


def test_attention_page_steps_to_numpy_s_softmax(
    page: Any, base_url: str, docs_site: Build
) -> None:
    example = json.loads((docs_site.site / "figures/attention-example.json").read_text("utf-8"))
    x, w_q, w_k, w_v = (np.array(example[name]) for name in ("x", "w_q", "w_k", "w_v"))
    q, k = x @ w_q, x @ w_k
    frame = open_embedded(page, base_url, QKV_NOTE, "attention.html")
    for _ in range(5):
        frame.locator("#next").click()
    assert "6" in frame.locator("#step-status").inner_text()
    weights = read_matrix(frame, "stage-weights")
    assert weights == pytest.approx(softmax(scaled_scores(q, k)), rel=1e-9)
    assert weights == pytest.approx(np.array(example["weights"]), rel=1e-9)
    assert read_matrix(frame, "stage-output") == pytest.approx(weights @ (x @ w_v), rel=1e-9)

    frame.locator("#temperature").fill("0.7")
    frame.locator("#dk").fill("9")  # √9 × 0.7 ≠ √4 × 1: the weights really change
    expected = softmax(q @ k.T / np.sqrt(9), temperature=0.7)
    assert not np.allclose(expected, weights)
    assert read_matrix(frame, "stage-weights") == pytest.approx(expected, rel=1e-9)
    assert read_matrix(frame, "stage-scaled") == pytest.approx(q @ k.T / 3, rel=1e-9)
    assert page.errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pages_follow_the_site_scheme_and_load_nothing_from_elsewhere(
    browser: Any, base_url: str, scheme: str
) -> None:
    context = browser.new_context(
        locale="zh-CN", color_scheme=scheme, viewport={"width": 1100, "height": 900}
    )
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    ARTIFACTS.mkdir(exist_ok=True)
    for note, name in ((DOT_NOTE, "dotproduct.html"), (QKV_NOTE, "attention.html")):
        frame = open_embedded(page, base_url, note, name)
        assert frame.evaluate("document.documentElement.dataset.scheme") == scheme
        frame.locator("body").screenshot(path=str(ARTIFACTS / f"{name[:-5]}-{scheme}.png"))
    context.close()
    assert {urlsplit(url).hostname for url in requests} == {"127.0.0.1"}
