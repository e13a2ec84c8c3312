"""The built site as a reader sees it, at 1280×800 and 390×844 in Material's light (`default`)
and dark (`slate`) schemes: backlinks, formulas, embedded pages and emoji. Each test keeps a
screenshot in tests/artifacts/ and checks that no element is wider than the viewport."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from PIL import Image

from mkdocs_garden.core.mathml import tex_to_mathml

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
DOT_NOTE = "🪄AI漫谈/点积为什么能衡量相关性？/"
QKV_NOTE = "🪄AI漫谈/Q、K、V（查询、键、值）/"
SCALING_NOTE = "🪄AI漫谈/为什么要除以 √d_k？/"
SOFTMAX_NOTE = "🪄AI漫谈/Softmax：从分数到权重/"
SIZES = {1280: 800, 390: 844}
MATERIAL_SCHEME = {"light": "default", "dark": "slate"}
EMOJI_FONTS = ("Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji")

TOO_WIDE = """() => {
  const limit = document.documentElement.clientWidth + 1;
  const unseen = e => { // inside a box that scrolls or clips and fits, or that shows nothing
    for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
      const style = getComputedStyle(p);
      const box = p.getBoundingClientRect();
      if (style.opacity === '0') return true;
      if (style.overflowX !== 'visible' && (box.right <= limit || box.width * box.height === 0)) {
        return true;
      }
    }
    return false;
  };
  const wide = [...document.body.querySelectorAll('*')].filter(e => {
    const box = e.getBoundingClientRect();
    return box.width > 0 && box.right > limit && getComputedStyle(e).visibility !== 'hidden'
      && !unseen(e);
  }).map(e => `${e.tagName} ${e.className} ${Math.round(e.getBoundingClientRect().right)}`);
  const page = document.documentElement.scrollWidth;
  return page > limit ? [...wide, `page ${page}`] : wide;
}"""


@dataclass
class View:
    page: Any
    base_url: str
    scheme: str
    width: int

    def open(self, path: str) -> None:
        self.page.goto(self.base_url + quote(path))
        self.page.wait_for_load_state("networkidle")
        shown = self.page.evaluate("document.body.dataset.mdColorScheme")
        assert shown == MATERIAL_SCHEME[self.scheme]

    def name(self, subject: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        return ARTIFACTS / f"{subject}-{self.scheme}-{self.width}.png"

    def shot(self, subject: str, top: float, bottom: float) -> None:
        """The width of the page from `top` to `bottom` (page coordinates), the header not over
        it (a full-page capture draws the sticky header at the page's top only)."""
        self.page.screenshot(
            path=str(self.name(subject)),
            full_page=True,
            clip={"x": 0, "y": top, "width": self.width, "height": bottom - top},
        )

    def page_box(self, locator: Any) -> dict[str, float]:
        """`locator`'s box in page coordinates."""
        box: dict[str, float] = locator.evaluate(
            "e => { const r = e.getBoundingClientRect();"
            " return {top: r.top + scrollY, bottom: r.bottom + scrollY}; }"
        )
        return box

    def nothing_too_wide(self) -> None:
        assert self.page.evaluate(TOO_WIDE) == []


@pytest.fixture(
    params=[(scheme, width) for scheme in MATERIAL_SCHEME for width in SIZES],
    ids=lambda look: f"{look[0]}-{look[1]}",
)
def view(request: Any, browser: Any, base_url: str) -> Iterator[View]:
    scheme, width = request.param
    context = browser.new_context(
        locale="zh-CN", color_scheme=scheme, viewport={"width": width, "height": SIZES[width]}
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield View(page, base_url, scheme, width)
    context.close()
    assert errors == []


# Backlinks -----------------------------------------------------------------------------------


def test_backlinks_quote_what_the_reader_sees(view: View) -> None:
    view.open(DOT_NOTE)
    section = view.page.locator("ul.garden-backlinks")
    items = section.locator(":scope > li")
    for item in items.all():
        quotes = item.locator(".garden-backlink-context").all_inner_texts()
        assert len(quotes) == len(set(quotes)), quotes  # each sentence once
    texts = " ".join(section.locator(".garden-backlink-context").all_inner_texts())
    assert "打分 · 点积 · " in texts  # a table row, not a bare word
    # The hub embeds the block ^dot-def: quoted as the reader sees it, formulas drawn.
    embed = section.locator("blockquote.garden-backlink-embed")
    assert embed.count() == 1 and embed.is_visible()
    assert "^dot-def" not in embed.inner_text() and "\\mathbf" not in embed.inner_text()
    assert embed.locator("math").count() >= 3
    heading = view.page.locator("#garden-backlinks")
    view.shot("backlinks", view.page_box(heading)["top"] - 8, view.page_box(section)["bottom"] + 8)
    view.nothing_too_wide()

    view.open(SOFTMAX_NOTE)  # a sentence with \sqrt{d_k}: MathML, not TeX
    quotes = view.page.locator(".garden-backlink-context")
    assert quotes.locator("msqrt").count() >= 1
    assert not [q for q in quotes.all_inner_texts() if "\\" in q or "$" in q]
    view.nothing_too_wide()


# Math ----------------------------------------------------------------------------------------

FORMULAS = [
    r"\sqrt{d_k}",
    r"\frac{QK^\top}{\sqrt{d_k}}",
    r"|A| = 3",
    r"\operatorname{Var}(q_i k_i) = 1",
    r"\lVert\mathbf{a}\rVert\,\lVert\mathbf{b}\rVert\cos\theta",
    r"\exp(z_i / T)",
]
GAPS = """math => [...math.querySelector('mrow').children]
  .filter(e => e.tagName !== 'mspace')
  .map(e => { const r = e.getBoundingClientRect(); return [e.textContent, r.left, r.right]; })"""


def test_formulas_are_spaced_and_drawn_as_tex_draws_them(view: View) -> None:
    view.open(SCALING_NOTE)
    in_the_note = view.page.locator(".garden-math mo", has_text="Var").first  # as written there
    gap = "e => e.nextElementSibling.getBoundingClientRect().left - e.getBoundingClientRect().right"
    assert in_the_note.evaluate(gap) <= 1
    # Our own formulas, in the note's page (its fonts and scheme): inline, then displayed.
    rows = "".join(
        f'<p data-tex="{index}"><code>{tex}</code> {tex_to_mathml(tex, False)}</p>'
        f'<div class="garden-math">{tex_to_mathml(tex, True)}</div>'
        for index, tex in enumerate(FORMULAS)
    )
    view.page.locator("article h1").evaluate(
        "(h, rows) => h.insertAdjacentHTML('afterend', `<div id='formulas'>${rows}</div>`)", rows
    )
    table = view.page.locator("#formulas")
    fonts = table.locator("math").first.evaluate("m => getComputedStyle(m).fontFamily")
    assert fonts.startswith('"Latin Modern Math"'), fonts

    def pieces(index: int) -> list[tuple[str, float, float]]:
        found: list[tuple[str, float, float]] = table.locator(
            f"[data-tex='{index}'] math"
        ).first.evaluate(GAPS)
        return found

    def gaps(index: int) -> list[float]:
        found = pieces(index)
        return [round(found[i + 1][1] - found[i][2], 1) for i in range(len(found) - 1)]

    bar, letter, closing, equals, _ = pieces(2)
    assert letter[1] - bar[2] <= 1 and closing[1] - letter[2] <= 1  # |A|: nothing inside
    assert equals[1] - closing[2] > 2  # but a relation's space before =
    assert gaps(3)[0] <= 1  # Var(
    norms = gaps(4)  # ‖ a ‖ ‖ b ‖ cos θ
    assert max(norms[0], norms[1], norms[3], norms[4]) <= 1, norms
    assert 1.5 <= norms[2] <= 4.5 and 1.5 <= norms[5] <= 4.5, norms  # the thin spaces
    assert max(gaps(5)) <= 1  # exp(z_i / T)
    for radical in table.locator("msqrt").all():
        radical_joins_a_bar_over_the_whole_radicand(view.page, radical)
    box = view.page_box(table)
    view.shot("math", box["top"] - 8, box["bottom"] + 8)
    view.nothing_too_wide()


def radical_joins_a_bar_over_the_whole_radicand(page: Any, radical: Any) -> None:
    """The bar spans the radicand's box, and it is one stroke with the radical sign, which
    reaches down to the radicand's foot (without a MATH table, a text font's small √ stops
    short of a lowered subscript, and the bar is a separate rule)."""
    radical.evaluate("e => e.scrollIntoView({block: 'center'})")
    box = radical.bounding_box()
    inner = radical.evaluate(
        "e => { const r = e.firstElementChild.getBoundingClientRect();"
        " return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; }"
    )
    ink, width, height = _ink(page.screenshot(clip=box))
    runs = [(_longest_run(ink, y, width), y) for y in range(height // 2)]
    (start, length), row = max(runs, key=lambda found: found[0][1])
    left, right = box["x"] + start, box["x"] + start + length
    assert left <= inner["left"] + 1.5 and right >= inner["right"] - 1.5, (left, right, inner)
    beside = {(x, y) for x, y in ink if x <= inner["left"] - box["x"] + 1}  # up to the radicand
    stroke = _connected(beside, (start, row)) if (start, row) in beside else {(start, row)}
    lowest = box["y"] + max(y for _, y in stroke)
    assert lowest >= inner["bottom"] - 1, (lowest, inner)  # the sign reaches the radicand's foot


def _colours(png: bytes) -> tuple[list[tuple[int, ...]], int, int]:
    """A screenshot's pixels, row by row, and its size."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    data = image.tobytes()
    return [tuple(data[i : i + 3]) for i in range(0, len(data), 3)], *image.size


def _ink(png: bytes) -> tuple[set[tuple[int, int]], int, int]:
    """The pixels that differ from the background (the most common colour), and the size."""
    pixels, width, height = _colours(png)
    ground = Counter(pixels).most_common(1)[0][0]
    ink = {
        (index % width, index // width)
        for index, pixel in enumerate(pixels)
        if sum(abs(a - b) for a, b in zip(pixel, ground, strict=True)) > 150
    }
    return ink, width, height


def _longest_run(ink: set[tuple[int, int]], y: int, width: int) -> tuple[int, int]:
    best, start, length = (0, 0), 0, 0
    for x in range(width):
        if (x, y) in ink:
            start, length = (start, length + 1) if length else (x, 1)
            best = max(best, (start, length), key=lambda run: run[1])
        else:
            length = 0
    return best


def _connected(ink: set[tuple[int, int]], seed: tuple[int, int]) -> set[tuple[int, int]]:
    found, todo = {seed}, [seed]
    while todo:
        x, y = todo.pop()
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                near = (x + dx, y + dy)
                if near in ink and near not in found:
                    found.add(near)
                    todo.append(near)
    return found


# Embedded pages ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("note", "page_name"), [(QKV_NOTE, "attention.html"), (DOT_NOTE, "dotproduct.html")]
)
def test_embedded_pages_have_no_border_and_no_blank_space_under_them(
    view: View, note: str, page_name: str
) -> None:
    view.open(note)
    frame = view.page.locator(f"iframe[src$='pages/{page_name}']")
    frame.scroll_into_view_if_needed()
    content = frame.element_handle().content_frame()
    content.wait_for_selector("body[data-ready='1']", timeout=15_000)
    # Fitted to the height the page reported (embedded-pages.js then turns its scrolling off).
    view.page.wait_for_function(
        "f => f.getAttribute('scrolling') === 'no'", arg=frame.element_handle(), timeout=10_000
    )
    style = frame.evaluate(
        "f => { const s = getComputedStyle(f); return [s.borderTopWidth, s.borderBottomWidth,"
        " s.borderLeftWidth, s.display]; }"
    )
    assert style == ["0px", "0px", "0px", "block"]
    blank_inside = frame.evaluate(
        "f => f.getBoundingClientRect().height"
        " - f.contentDocument.querySelector('main').getBoundingClientRect().bottom"
    )
    assert 0 <= blank_inside <= 5, blank_inside
    gap, paragraph_gap = frame.evaluate(
        "f => { const below = f.closest('p') || f; const next = below.nextElementSibling;"
        " return [next.getBoundingClientRect().top - f.getBoundingClientRect().bottom,"
        " parseFloat(getComputedStyle(next).marginTop)]; }"
    )
    assert gap <= paragraph_gap + 1, (gap, paragraph_gap)  # only the next paragraph's margin
    box = view.page_box(frame)
    subject = "embedded-page" if page_name == "attention.html" else "embedded-page-dot"
    view.shot(subject, max(box["top"] - 40, box["bottom"] - 560), box["bottom"] + 120)
    view.nothing_too_wide()


# Emoji ---------------------------------------------------------------------------------------

EMOJI_BOX = """link => {
  const text = link.querySelector('.md-ellipsis') || link;
  const node = [...text.childNodes].find(n => n.nodeType === 3 && n.textContent.includes('🪄'));
  const range = document.createRange();
  const start = node.textContent.indexOf('🪄');
  range.setStart(node, start);
  range.setEnd(node, start + 2);
  const r = range.getBoundingClientRect();
  return {x: r.x, y: r.y, width: r.width, height: r.height};
}"""


def test_emoji_in_the_navigation_are_drawn_in_colour(view: View) -> None:
    view.open("")
    fonts = view.page.evaluate("getComputedStyle(document.body).fontFamily")
    assert all(f'"{font}"' in fonts for font in EMOJI_FONTS), fonts
    assert fonts.rindex("sans-serif") < fonts.index(EMOJI_FONTS[0])  # after the text fonts
    if view.width < 1220:  # Material shows the navigation in a drawer
        view.page.locator("label.md-header__button[for='__drawer']").click()
        view.page.wait_for_timeout(400)
    link = view.page.locator(".md-nav--primary .md-nav__link", has_text="🪄AI漫谈").first
    assert link.is_visible()
    glyph = link.evaluate(EMOJI_BOX)
    assert glyph["width"] > 8, glyph
    pixels, _, _ = _colours(view.page.screenshot(clip=glyph))
    coloured = [p for p in pixels if max(p) - min(p) > 60]  # a colour glyph, not a grey box
    assert len(coloured) >= 12, len(coloured)  # a missing glyph draws a box in the text colour
    nav = view.page.locator(".md-nav--primary").first.bounding_box()
    top = max(nav["y"], 0)
    view.page.screenshot(
        path=str(view.name("emoji-nav")),
        clip={"x": nav["x"], "y": top, "width": nav["width"], "height": min(nav["height"], 420)},
    )
    view.nothing_too_wide()
