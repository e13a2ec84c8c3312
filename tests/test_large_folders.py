"""A page's size does not grow with its folder: the navigation shows a window of a long
folder around the page, and folder and tag listings go on over pages of a fixed size."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_garden.core.connections.dates import NoteDates
from mkdocs_garden.core.connections.folders import ListedNote, folder_pages
from mkdocs_garden.core.connections.paging import is_continuation, paged, pager
from mkdocs_garden.core.nav_window import MORE_AFTER, MORE_BEFORE, window
from sitebuild import Build, broken_links, build_site

NAV_LIMIT, LISTING = 10, 25


@given(st.integers(0, 300), st.integers(0, 40), st.data())
def test_the_window_holds_the_active_item_and_at_most_limit(
    count: int, limit: int, data: st.DataObject
) -> None:
    active = data.draw(st.none() | st.integers(0, max(count - 1, 0))) if count else None
    shown = window(count, active, limit)
    assert 0 <= shown.start <= shown.stop <= count
    assert shown.before + (shown.stop - shown.start) + shown.after == count
    if limit <= 0 or count <= limit:
        assert (shown.start, shown.stop) == (0, count)
    else:
        assert shown.stop - shown.start == limit
        if active is not None:
            assert shown.start <= active < shown.stop


@given(st.integers(0, 120), st.integers(0, 30))
def test_a_listing_is_cut_into_pages_that_link_up(count: int, size: int) -> None:
    items = list(range(count))
    pages = paged("书/index.md", items, size)
    assert [item for _path, share in pages for item in share] == items
    assert all(len(share) <= size for _path, share in pages) or size == 0
    paths = [path for path, _share in pages]
    assert paths[0] == "书/index.md"
    assert all(is_continuation(path) for path in paths[1:])
    assert len(set(paths)) == len(paths)
    for path in paths:
        line = pager(path, paths)
        assert (line == "") == (len(paths) == 1)


def test_folder_pages_list_every_note_once_over_their_pages() -> None:
    notes = [ListedNote(f"库/笔记{i:03}.md", f"笔记{i:03}", NoteDates()) for i in range(53)]
    pages = folder_pages(notes, 20)
    assert sorted(pages) == ["库/index.md", "库/page/2.md", "库/page/3.md"]
    listed = re.findall(r"\[(笔记\d+)\]\(([^)]+)\)", "".join(pages.values()))
    assert sorted(title for title, _url in listed) == [note.title for note in notes]
    assert "(../笔记020.md)" in pages["库/page/2.md"]  # relative to page/
    assert "第 2 / 3 页" in pages["库/page/2.md"] and "[下一页](3.md)" in pages["库/page/2.md"]
    assert "[上一页](../index.md)" in pages["库/page/2.md"]
    assert folder_pages(notes, 0).keys() == {"库/index.md"}


NOTES = 70


@pytest.fixture(scope="module")
def flat(tmp_path_factory: pytest.TempPathFactory) -> Build:
    vault = tmp_path_factory.mktemp("flat") / "vault"
    (vault / "卡片").mkdir(parents=True)
    (vault / "index.md").write_text("---\npublish: true\n---\n# 首页\n", encoding="utf-8")
    for number in range(NOTES):
        following = f"卡片{(number + 1) % NOTES:03}"
        text = f"---\npublish: true\ntags: [卡片]\n---\n第 {number} 张卡片，见 [[{following}]]。\n"
        (vault / "卡片" / f"卡片{number:03}.md").write_text(text, encoding="utf-8")
    options = {"garden/connections": {"nav_limit": NAV_LIMIT, "listing_size": LISTING}}
    build = build_site(vault, vault.parent / "site", plugin_options=options)
    assert build.returncode == 0, build.log
    return build


def _nav_links(page: Path) -> list[str]:
    html = page.read_text(encoding="utf-8")
    nav = html[html.index("md-nav--primary") : html.index("md-sidebar--secondary")]
    return re.findall(
        r'class="md-nav__link[^"]*"[^>]*>\s*<span class="md-ellipsis">\s*([^<]+?)\s*<', nav
    )


def test_each_page_shows_a_window_of_its_folder(flat: Build) -> None:
    middle = flat.site / "卡片" / "卡片035" / "index.html"
    links = _nav_links(middle)
    cards = [link for link in links if link.startswith("卡片0")]
    assert len(cards) <= NAV_LIMIT + 1 and "卡片035" in cards
    assert any(link == MORE_BEFORE for link in links)
    assert any(link == MORE_AFTER for link in links)
    first = _nav_links(flat.site / "卡片" / "卡片000" / "index.html")
    assert not any(link == MORE_BEFORE for link in first)
    sizes = [
        (flat.site / "卡片" / f"卡片{n:03}" / "index.html").stat().st_size for n in range(NOTES)
    ]
    assert max(sizes) < 1.5 * min(sizes)


def test_folder_and_tag_listings_go_on_over_pages(flat: Build) -> None:
    folder = flat.site / "卡片"
    assert (folder / "page" / "2" / "index.html").is_file()
    assert (folder / "page" / "3" / "index.html").is_file()
    assert not (folder / "page" / "4").exists()
    listed = set()
    for page in [folder / "index.html", *sorted((folder / "page").glob("*/index.html"))]:
        listed |= set(re.findall(r">(卡片\d{3})</a>", page.read_text(encoding="utf-8")))
    assert len(listed) == NOTES
    tag = next(flat.site.glob("tags/卡片/index.html"))
    assert (tag.parent / "page" / "3" / "index.html").is_file()
    assert broken_links(flat.site, "/garden/") == []


def _page_404_size(root: Path, notes: int) -> int:
    vault = root / "vault"
    (vault / "卡片").mkdir(parents=True)
    (vault / "index.md").write_text("---\npublish: true\n---\n# 首页\n", encoding="utf-8")
    for number in range(notes):
        text = "---\npublish: true\n---\n卡片。\n"
        (vault / "卡片" / f"卡片{number:03}.md").write_text(text, encoding="utf-8")
    options = {"garden/connections": {"nav_limit": NAV_LIMIT}}
    build = build_site(vault, root / "site", plugin_options=options)
    assert build.returncode == 0, build.log
    return (build.site / "404.html").stat().st_size


def test_the_404_page_does_not_grow_with_the_vault(tmp_path: Path) -> None:
    """The theme's own pages get the navigation cut as for the pages, every folder closed:
    Material loops over every item of a closed folder (writing blank lines for each), which
    made the 404 page of a 20,000-note vault 300 KB."""
    assert _page_404_size(tmp_path / "few", 12) == _page_404_size(tmp_path / "many", 150)
