"""The rules behind redirects, the home note and the feed, on the inputs that break them."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from mkdocs_garden.core.feeds import FeedEntry, rss_feed
from mkdocs_garden.core.home import home_note
from mkdocs_garden.core.redirects import RedirectSource, address_folder, plan_redirects


@pytest.mark.parametrize(
    "address",
    ["", "/", "..", "a/../../b", "C:/Users/x", "..\\..\\evil", "What is X?", "a#b", "a\x01b"],
)
def test_addresses_that_name_no_site_folder(address: str) -> None:
    assert address_folder(address) is None


@pytest.mark.parametrize(
    ("address", "folder"), [("点积相似度", "点积相似度"), ("/旧/路径/", "旧/路径"), ("./a", "a")]
)
def test_addresses_that_name_a_folder(address: str, folder: str) -> None:
    assert address_folder(address) == folder


def test_a_redirect_never_replaces_or_hides_an_output() -> None:
    outputs = {"rss.xml", "图/猫.png", "笔记/index.html", "a/index.html"}
    sources = [
        RedirectSource("n.md", ("rss.xml", "图/猫.png", "图/猫.png/更深", "笔记", "A", "404.html")),
        RedirectSource("n.md", ("新的",)),
    ]
    redirects, problems = plan_redirects(
        sources, {"n.md": "n/"}, lambda path: path.casefold() in {o.casefold() for o in outputs}
    )
    assert [r.path for r in redirects] == ["新的/index.html"]
    assert len(problems) == 6


def test_an_unpublished_index_leaves_the_home_note_the_home_page() -> None:
    assert home_note({"Home.md", "a.md"}) == "Home.md"  # README.md exists but is not published
    assert home_note({"Home.md", "README.md"}) is None
    assert home_note({"首页.md", "readme.md"}) == "首页.md"  # MkDocs' index is README.md only
    assert home_note({"Home.md", "起点.md"}, named="起点.md") == "起点.md"


def test_the_feed_is_xml_whatever_the_titles_hold() -> None:
    entries = [
        FeedEntry("标题\x08与\x1b控制符 & <b>", "https://e.org/a/", dt.date(2025, 1, 2), "摘要\x01")
    ]
    feed = rss_feed("站点", "https://e.org/", "", entries)
    item = ET.fromstring(feed).find("channel/item")
    assert item is not None and item.findtext("title") == "标题与控制符 & <b>"
    relative = rss_feed("站点", "", "", [FeedEntry("甲", "a/", None, "")])
    assert 'isPermaLink="false"' in relative
