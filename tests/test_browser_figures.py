"""The figures as readers see them, in headless Chromium, in both colour schemes, on a desktop
(1280×800) and on a phone (390×844): the variant shown, its background, its smallest label, the
page's width, and the lightbox a tap opens. Screenshots go to tests/artifacts/."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any
from urllib.parse import quote

import numpy as np
import pytest
from PIL import Image

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
FOLDER = "🪄AI漫谈"
FIGURES = {
    "dot-product-geometry": "点积为什么能衡量相关性？",
    "cosine-sweep": "点积为什么能衡量相关性？",
    "attention-heatmap": "Q、K、V（查询、键、值）",
    "attention-cost": "注意力的代价：O(n²) 与长序列",
    "scaling-sqrt-dk": "为什么要除以 √d_k？",
}
SCREENS = {"desktop": (1280, 800), "phone": (390, 844)}
SMALLEST_LABEL_PX = 9.0

# The drawn file of an <img>, inlined at the size the image is shown, with the size each label
# is drawn at (garden's figures keep text as glyph outlines: a glyph's em is 100 units of its
# own coordinates, so its font size on screen is 100 × the scale its screen CTM applies).
LABEL_SIZES = """async (img) => {
  const box = img.getBoundingClientRect();
  const text = await (await fetch(img.currentSrc)).text();
  const svg = document.importNode(
    new DOMParser().parseFromString(text, "image/svg+xml").documentElement, true);
  svg.style.cssText = `width:${box.width}px;height:${box.height}px`;
  const holder = document.createElement("div");
  holder.style.cssText = "position:absolute;left:0;top:0;visibility:hidden";
  holder.append(svg);
  document.body.append(holder);
  const sizes = [...svg.querySelectorAll("g[id^='text_']")].map((group) => {
    const label = [...group.childNodes].find((n) => n.nodeType === Node.COMMENT_NODE);
    const glyphs = [...group.querySelectorAll("use")].map((use) => {
      const m = use.getScreenCTM();
      return 100 * Math.hypot(m.c, m.d);
    });
    return [label ? label.textContent.trim() : group.id, Math.min(...glyphs)];
  });
  holder.remove();
  return sizes.filter(([, size]) => Number.isFinite(size));
}"""

# Elements wider than the viewport, or reaching past its right edge, except content scrolled
# or clipped inside a box of the page that fits (a code block's long line). The root's own
# clipping does not count: Material hides what sticks out sideways, cut off for the reader.
TOO_WIDE = """() => {
  const width = document.documentElement.clientWidth;
  const clipped = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      if (getComputedStyle(p).overflowX !== "visible") return true;
    }
    return false;
  };
  const wide = [...document.body.querySelectorAll("*")].filter((el) => {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return false;
    const out = box.width > width + 0.5 || box.right > width + 0.5;
    return out && !clipped(el) && getComputedStyle(el).visibility !== "hidden";
  });
  return {
    scroll: document.documentElement.scrollWidth,
    width,
    wide: wide.map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
  };
}"""


SCROLL_TO_TOP = """img => window.scrollBy(
  0, img.getBoundingClientRect().top - document.querySelector(".md-header").offsetHeight - 16)"""


def note_url(base_url: str, figure: str) -> str:
    return base_url + quote(f"{FOLDER}/{FIGURES[figure]}/")


def open_context(browser: Any, scheme: str, screen: str) -> Any:
    width, height = SCREENS[screen]
    phone = screen == "phone"
    return browser.new_context(
        locale="zh-CN",
        color_scheme=scheme,
        viewport={"width": width, "height": height},
        device_scale_factor=2 if phone else 1,
        is_mobile=phone,
        has_touch=phone,
    )


def shown_figure(page: Any, figure: str) -> Any:
    """The image of `figure` the reader sees (its picture for the other scheme is hidden)."""
    image = page.locator(f"article picture img[src*='figures/{figure}.']").filter(visible=True)
    image.first.wait_for(state="visible")  # (just after the palette toggle, none may be yet)
    assert image.count() == 1, f"{figure}: {image.count()} visible images"
    image.scroll_into_view_if_needed()
    wait_until_drawn(page, image)
    return image


def wait_until_drawn(page: Any, image: Any) -> None:
    """Loaded and decoded (lazy images load once near the viewport), then painted."""
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
    )
    image.evaluate("img => img.decode()")
    page.evaluate(
        "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"
    )


def expected_file(figure: str, scheme: str, screen: str) -> str:
    return (
        f"{figure}{'.narrow' if screen == 'phone' else ''}{'.dark' if scheme == 'dark' else ''}.svg"
    )


def luminance(pixel: tuple[int, ...]) -> float:
    red, green, blue = (channel / 255 for channel in pixel[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def check_background(png: bytes, scheme: str, what: str) -> None:
    """The figure's background (its most common colour, and its corners) suits the scheme,
    and something is drawn on it."""
    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=np.int32)
    packed = (pixels[..., 0] << 16) | (pixels[..., 1] << 8) | pixels[..., 2]
    counts = np.bincount(packed.ravel())
    background = tuple(int(counts.argmax()) >> shift & 0xFF for shift in (16, 8, 0))
    corners = [tuple(int(c) for c in pixels[y, x]) for x in (2, -3) for y in (2, -3)]
    if scheme == "dark":
        assert luminance(background) < 0.2, f"{what}: background {background} is not dark"
        assert all(luminance(c) < 0.25 for c in corners), f"{what}: corners {corners}"
    else:
        assert luminance(background) > 0.9, f"{what}: background {background} is not light"
    drawn = (np.abs(pixels - np.array(background)).max(axis=2) > 60).mean()
    assert drawn > 0.01, f"{what}: almost nothing drawn ({drawn:.2%} of the pixels)"
    assert counts.max() > 0.3 * packed.size, f"{what}: no background colour"


def check_fits_the_viewport(page: Any, what: str) -> None:
    report = page.evaluate(TOO_WIDE)
    assert report["scroll"] <= report["width"], f"{what}: the page scrolls sideways: {report}"
    assert report["wide"] == [], f"{what}: wider than the viewport: {report['wide']}"


def check_lightbox(page: Any, image: Any, figure: str, name: str, scheme: str, screen: str) -> None:
    """A tap (a click on a desktop) opens the figure enlarged, in the variant shown."""
    small = image.bounding_box()
    image.tap() if screen == "phone" else image.click()
    enlarged = page.locator(".glightbox-container .gslide.current img").first
    enlarged.wait_for(state="visible", timeout=10_000)
    wait_until_drawn(page, enlarged)
    page.wait_for_timeout(600)  # the zoom animation
    assert (enlarged.get_attribute("src") or "").endswith(
        f"figures/{expected_file(figure, scheme, screen)}"
    )
    box = enlarged.bounding_box()
    assert box is not None and small is not None
    assert box["width"] > small["width"] + 8, f"{name}: not enlarged ({box} from {small})"
    viewport = page.viewport_size
    assert box["width"] <= viewport["width"] + 0.5, f"{name}: the lightbox is wider than the screen"
    page.screenshot(path=str(ARTIFACTS / f"figures-lightbox-{name}.png"))
    check_background(enlarged.screenshot(), scheme, f"{name} in the lightbox")
    page.keyboard.press("Escape")
    page.locator(".glightbox-container").wait_for(state="detached", timeout=10_000)


@pytest.mark.parametrize("screen", sorted(SCREENS))
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_figures_suit_the_scheme_and_the_screen(
    browser: Any, base_url: str, scheme: str, screen: str
) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    context = open_context(browser, scheme, screen)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    width = SCREENS[screen][0]
    for figure in FIGURES:
        name = f"{figure}-{scheme}-{width}"
        page.goto(note_url(base_url, figure))
        assert page.evaluate("document.body.dataset.mdColorScheme") == (
            "slate" if scheme == "dark" else "default"
        )
        image = shown_figure(page, figure)
        assert page.evaluate("img => img.currentSrc", image.element_handle()).endswith(
            f"figures/{expected_file(figure, scheme, screen)}"
        ), name
        png = image.screenshot(path=str(ARTIFACTS / f"figures-{name}.png"))
        check_background(png, scheme, name)

        sizes = page.evaluate(LABEL_SIZES, image.element_handle())
        assert len(sizes) >= 10, f"{name}: only {len(sizes)} labels measured"
        label, smallest = min(sizes, key=lambda pair: pair[1])
        assert smallest >= SMALLEST_LABEL_PX, f"{name}: '{label}' is {smallest:.1f} CSS px"

        page.evaluate(SCROLL_TO_TOP, image.element_handle())
        page.screenshot(path=str(ARTIFACTS / f"figures-page-{name}.png"))
        check_fits_the_viewport(page, name)
        check_lightbox(page, image, figure, name, scheme, screen)
    context.close()
    assert errors == []


def test_the_palette_toggle_switches_the_figures(browser: Any, base_url: str) -> None:
    """Material's toggle, not only the system's preference, chooses the figures' scheme."""
    context = open_context(browser, "light", "phone")
    page = context.new_page()
    page.goto(note_url(base_url, "attention-heatmap"))
    light = shown_figure(page, "attention-heatmap")
    assert page.evaluate("img => img.currentSrc", light.element_handle()).endswith(
        "figures/attention-heatmap.narrow.svg"
    )
    page.locator("label[title='切换到深色模式']").click()
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    dark = shown_figure(page, "attention-heatmap")
    assert page.evaluate("img => img.currentSrc", dark.element_handle()).endswith(
        "figures/attention-heatmap.narrow.dark.svg"
    )
    check_background(dark.screenshot(), "dark", "after the toggle")
    context.close()
