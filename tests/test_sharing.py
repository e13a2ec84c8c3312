"""What a published garden shares beyond its pages: the RSS feed (as `rss.xml` and
`index.xml`), redirects from aliases and permalinks, each page's description and link card, and
reading time; none of it holds anything of an unpublished note."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urljoin

import pytest
from PIL import Image

from sitebuild import Build, broken_links, build_site, site_texts

SECRET = "绝密标记-7f3a"
SITE_URL = "https://example.org/sub/"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201e2b6e1bb0000000049454e44ae426082"
)

NOTES = {
    "概念/点积.md": """---
publish: true
aliases: [旧名, 旧/路径]
permalink: notes/dot
description: 点积把两个向量变成一个数。
image: 附件/封面.png
created: 2025-01-01
---
点积的第一段。它衡量方向。

## 细节

"""
    + "点积" * 900
    + "\n",
    "概念/注意力.md": """---
publish: true
modified: 2025-06-01
aliases: [概念/点积]
---
注意力用 [[点积]] 打分，**很重要**。

第二段不在摘要里，[封面图](../附件/封面.png) 也不在。
""",
    "秘密.md": f"""---
publish: false
aliases: [秘密别名]
permalink: secret
image: 附件/秘密封面.png
---
{SECRET}，另见 [[点积]]。
""",
}


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Build:
    vault = tmp_path_factory.mktemp("sharing") / "vault"
    for path, text in NOTES.items():
        (vault / path).parent.mkdir(parents=True, exist_ok=True)
        (vault / path).write_text(text, encoding="utf-8")
    (vault / "附件").mkdir()
    (vault / "附件" / "封面.png").write_bytes(PNG)
    (vault / "附件" / "秘密封面.png").write_bytes(PNG)
    (vault / "index.md").write_text("---\npublish: true\n---\n# 首页\n", encoding="utf-8")
    # Not strict: the alias that collides with a page is a warning, which the test reads.
    site = vault.parent / "site"
    build = build_site(vault, site, site_url=SITE_URL, strict=False, plugin_options=_cache(vault))
    assert build.returncode == 0, build.log
    return build


def _cache(vault: Path) -> dict[str, dict[str, Any]]:
    """Garden's cache beside the vault: the card images these builds draw are theirs alone."""
    return {"garden/obsidian": {"cache_dir": str(vault.parent / "cache")}}


def _url(path: str) -> str:
    return SITE_URL + quote(path)


def test_the_feed_lists_published_notes_newest_first(shared: Build) -> None:
    feed = (shared.site / "rss.xml").read_text(encoding="utf-8")
    assert (shared.site / "index.xml").read_text(encoding="utf-8") == feed
    titles = re.findall(r"<item><title>(.*?)</title>", feed)
    assert titles[:2] == ["注意力", "点积"]
    assert f"<link>{_url('概念/注意力/')}</link>" in feed
    assert "<description>点积把两个向量变成一个数。</description>" in feed
    assert "<description>注意力用 点积 打分，很重要。</description>" in feed  # the first paragraph
    assert "<pubDate>Sun, 01 Jun 2025 00:00:00 +0000</pubDate>" in feed
    page = (shared.site / "概念" / "点积" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" type="application/rss+xml"' in page
    assert 'href="../../rss.xml"' in page


def _redirect_target(site: Path, folder: str) -> Path:
    page = (site / folder / "index.html").read_text(encoding="utf-8")
    found = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', page)
    assert found is not None
    target = unquote(urljoin(f"/{folder}/", found.group(1)))
    return site / target.lstrip("/") / "index.html"


@pytest.mark.parametrize("address", ["旧名", "旧/路径", "notes/dot"])
def test_aliases_and_permalinks_redirect_to_the_note(shared: Build, address: str) -> None:
    assert _redirect_target(shared.site, address) == shared.site / "概念" / "点积" / "index.html"
    canonical = (shared.site / address / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{_url("概念/点积/")}">' in canonical


def test_an_alias_never_replaces_a_page(shared: Build) -> None:
    assert "'概念/点积' is the address of a page or file of the site" in shared.log
    assert "http-equiv" not in (shared.site / "概念" / "点积" / "index.html").read_text("utf-8")


def test_link_cards_and_descriptions(shared: Build) -> None:
    dot = (shared.site / "概念" / "点积" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="description" content="点积把两个向量变成一个数。">' in dot
    assert '<meta property="og:title" content="点积">' in dot
    assert f'<meta property="og:url" content="{_url("概念/点积/")}">' in dot
    assert f'<meta property="og:image" content="{_url("附件/封面.png")}">' in dot
    assert '<meta name="twitter:card" content="summary_large_image">' in dot
    assert (shared.site / "附件" / "封面.png").is_file()  # the card image is published
    attention = (shared.site / "概念" / "注意力" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="description" content="注意力用 点积 打分，很重要。">' in attention
    assert '<meta name="twitter:card" content="summary_large_image">' in attention


def _card_images(site: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in (site / "assets" / "cards").glob("*")}


def test_notes_without_a_cover_get_a_card_drawn(shared: Build) -> None:
    attention = (shared.site / "概念" / "注意力" / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<meta property="og:image" content="([^"]+)">', attention)
    assert found is not None and found.group(1).startswith(_url("assets/cards/"))
    name = found.group(1).rsplit("/", 1)[1]
    assert re.fullmatch(r"[0-9a-f]{24}\.png", name)
    cards = _card_images(shared.site)
    image = Image.open(io.BytesIO(cards[name]))
    assert image.format == "PNG" and image.size == (1200, 630)
    # Ink where the title is, the site's teal in the bar down the left edge.
    title_band = image.convert("L").crop((96, 150, 1104, 420))
    darkest, _lightest = title_band.getextrema()
    assert isinstance(darkest, int) and darkest < 80
    assert image.convert("RGB").getpixel((5, 300)) == (0x00, 0x94, 0x85)
    # One card a published note without a cover: the home page and 注意力; none for the
    # note with a cover, nor for the unpublished one.
    assert len(cards) == 2
    assert "card images: 2 to draw, 0 cached" in shared.log


def test_a_second_build_takes_the_cards_from_the_cache(shared: Build) -> None:
    vault = shared.site.parent / "vault"
    site = shared.site.parent / "again"
    build = build_site(vault, site, site_url=SITE_URL, strict=False, plugin_options=_cache(vault))
    assert build.returncode == 0, build.log
    assert "card images" not in build.log  # nothing to draw
    assert _card_images(site) == _card_images(shared.site)


def test_reading_time_counts_chinese_by_characters(shared: Build) -> None:
    dot = (shared.site / "概念" / "点积" / "index.html").read_text(encoding="utf-8")
    assert "约 5 分钟读完" in dot  # about 1,820 characters at 400 a minute
    attention = (shared.site / "概念" / "注意力" / "index.html").read_text(encoding="utf-8")
    assert "约 1 分钟读完" in attention


def test_nothing_of_the_unpublished_note_is_shared(shared: Build) -> None:
    for path, text in site_texts(shared.site):
        assert SECRET not in text and "秘密" not in text, path
        assert "秘密" not in path.as_posix() and "secret" not in path.as_posix(), path
    assert broken_links(shared.site, "/sub/") == []


@pytest.fixture
def served(shared: Build) -> Iterator[str]:
    from browser import serve

    yield from serve(shared.site, prefix="sub")


@pytest.mark.browser
def test_an_alias_lands_on_the_note_under_a_sub_path(page: Any, served: str) -> None:
    page.goto(served + quote("旧名/"))
    page.wait_for_url(re.compile(re.escape(quote("概念/点积/")) + "$"), timeout=10_000)
    assert page.locator("h1").first.inner_text() == "点积"
    assert served.endswith("/sub/") and page.url.startswith(served)


@pytest.mark.browser
def test_hovering_a_link_to_an_image_previews_the_image(page: Any, served: str) -> None:
    page.goto(served + quote("概念/注意力/"))
    page.locator("article a", has_text="封面图").hover()
    preview = page.locator(".garden-preview[data-state='ready']")
    preview.wait_for(state="visible", timeout=10_000)
    image = preview.locator("img.garden-preview-image")
    assert image.evaluate("img => img.complete && img.naturalWidth") == 1
    assert (image.get_attribute("src") or "").endswith(quote("附件/封面.png"))
    assert page.errors == []
