"""Backlinks, ghosts, the graph and folder pages of the fixture vault, against expected sets."""

from __future__ import annotations

import datetime as dt
import html
import json
import posixpath
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, make_site
from mkdocs_garden.core.connections.dates import NoteDates, frontmatter_dates, git_dates, parse_date
from mkdocs_garden.core.connections.folders import ListedNote, folder_pages
from mkdocs_garden.core.connections.graph_data import GraphInput, GraphNode, build_graph
from mkdocs_garden.core.connections.links import Link, LinkGraph, collect_links
from mkdocs_garden.core.connections.recent import fill_recent
from mkdocs_garden.core.connections.sentences import excerpt_html, sentence_html
from mkdocs_garden.core.connections.tag_pages import tag_pages
from mkdocs_garden.core.note_meta import Problem
from mkdocs_garden.core.site import GardenSite
from mkdocs_garden.core.urls import relative_url
from mkdocs_garden.core.vault import Vault

VAULT = FIXTURES / "connections"
EXPECTED_FILE = FIXTURES / "connections.expected.json"
EXPECTED: dict[str, Any] = json.loads(EXPECTED_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def vault() -> Vault:
    return Vault.from_directory(VAULT)


@pytest.fixture(scope="module")
def site(vault: Vault) -> GardenSite:
    return make_site(vault)


@pytest.fixture(scope="module")
def links(site: GardenSite) -> LinkGraph:
    return collect_links(site.pages, site.table)


def as_text(quote_html: str) -> str:
    """A quote's HTML as text, the marked link in ⟦⟧."""
    text = quote_html.replace("<mark>", "⟦").replace("</mark>", "⟧")
    return html.unescape(re.sub(r"<[^>]*>", "", text))


def quoted(link: Link) -> str:
    """What a backlink quotes for `link`, as text: its sentence, or the part it embeds."""
    if link.part is not None:
        block = link.part.block
        return f"嵌入《{link.part.heading}》" + (as_text(excerpt_html(block)) if block else "")
    assert link.use.around is not None
    return as_text(sentence_html([link.use.around]))


def graph_of(site: GardenSite, links: LinkGraph) -> dict[str, Any]:
    notes = [GraphNode(path, note.title, path) for path, note in sorted(site.notes.items())]
    tags: dict[str, list[str]] = {}
    for path in sorted(site.notes):
        for tag in site.tags[path]:
            tags.setdefault(tag, []).append(path)
    return build_graph(GraphInput(notes, links.pairs(), tags, {}, links.ghosts))


@pytest.mark.parametrize("target", sorted(EXPECTED["backlinks"]))
def test_backlinks_match_the_expected_set(links: LinkGraph, target: str) -> None:
    found = [[link.source, link.line, link.embed, quoted(link)] for link in links.backlinks(target)]
    assert found == EXPECTED["backlinks"][target]


def test_unpublished_notes_neither_link_nor_are_linked(vault: Vault, links: LinkGraph) -> None:
    unpublished = {note.path for note in vault.notes.values() if not note.published}
    assert unpublished >= {"私密.md", "深/私密夹/戊.md", "笔记/index.md"}
    assert not [link for link in links.links if {link.source, link.target} & unpublished]
    assert EXPECTED["secret"] not in repr(links.links)
    # `[[私密]]` names an unpublished note: not a ghost either (that would show its name).
    assert links.ghosts == EXPECTED["ghosts"]


def test_graph_nodes_and_edges_match_the_expected_sets(site: GardenSite, links: LinkGraph) -> None:
    graph = graph_of(site, links)
    ids = [node["id"] for node in graph["nodes"]]
    assert sorted(ids) == sorted(EXPECTED["graph_nodes"])
    edges = {frozenset((ids[a], ids[b])) for a, b in graph["edges"]}
    assert edges == {frozenset(pair) for pair in EXPECTED["graph_edges"]}
    assert EXPECTED["secret"] not in json.dumps(graph, ensure_ascii=False)
    assert "私密" not in json.dumps(graph, ensure_ascii=False)
    degree = {node["id"]: node["links"] for node in graph["nodes"]}
    assert degree["笔记/甲.md"] == 7 and degree["笔记/丙.md"] == 2  # 丁 and its tag


def test_graph_layout_is_deterministic(site: GardenSite, links: LinkGraph) -> None:
    first, second = graph_of(site, links), graph_of(site, links)
    assert json.dumps(first) == json.dumps(second)
    positions = {(node["x"], node["y"]) for node in first["nodes"]}
    assert len(positions) == len(first["nodes"])  # no two nodes on the same spot


def test_folder_pages_for_every_folder_of_published_notes(vault: Vault) -> None:
    listed = [ListedNote(n.path, n.title, NoteDates()) for n in vault.published_notes]
    pages = folder_pages(listed)
    assert sorted(pages) == EXPECTED["folder_pages"]
    assert "[丙](丙.md)" in pages["笔记/index.md"] and "[甲](甲.md)" in pages["笔记/index.md"]
    assert "📁 [层](层/index.md)" in pages["深/index.md"]
    assert not [text for text in pages.values() if "私密" in text or "戊" in text]


def test_a_folder_with_its_own_index_gets_no_page() -> None:
    notes = [
        ListedNote("书/README.md", "书", NoteDates()),
        ListedNote("书/一.md", "一", NoteDates()),
    ]
    assert folder_pages(notes) == {}


def test_recent_notes_are_newest_first_from_frontmatter(vault: Vault) -> None:
    problems: list[Problem] = []
    listed = [
        ListedNote(n.path, n.title, frontmatter_dates(n.meta, problems))
        for n in vault.published_notes
    ]
    markdown = fill_recent("前\n<!-- garden/recent 2 -->\n后", listed, lambda path: path)
    assert problems == []
    assert markdown.index("[丁](深/层/丁.md)") < markdown.index("[甲](笔记/甲.md)")
    assert "2025年4月2日" in markdown and "2025年3月1日" in markdown
    assert "乙" not in markdown  # a third note, beyond the count of 2


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-03-01", dt.date(2025, 3, 1)),
        ("2025/3/1", dt.date(2025, 3, 1)),
        ("2025-03-01T09:30:00", dt.date(2025, 3, 1)),
        ("2025年3月1日", dt.date(2025, 3, 1)),
        (dt.date(2024, 2, 29), dt.date(2024, 2, 29)),
        ("昨天", None),
        ("2025-02-30", None),
        (20250301, None),
    ],
)
def test_dates_are_read_from_common_spellings(value: object, expected: dt.date | None) -> None:
    assert parse_date(value) == expected


def test_a_date_that_is_no_date_is_reported() -> None:
    problems: list[Problem] = []
    assert frontmatter_dates({"created": "昨天"}, problems) == NoteDates()
    assert [(p.key, "昨天" in p.message) for p in problems] == [("created", True)]


def test_git_history_gives_first_and_last_commit_dates() -> None:
    log = (
        "\0"
        + "2025-03-01\n\ndocs/甲.md\n\n"
        + "\0"
        + "2025-01-01\n\ndocs/甲.md\ndocs/乙.md\nother.md\n"
    )
    dates = git_dates(log, "docs/")
    assert dates["甲.md"] == NoteDates(dt.date(2025, 1, 1), dt.date(2025, 3, 1))
    assert dates["乙.md"] == NoteDates(dt.date(2025, 1, 1), dt.date(2025, 1, 1))
    assert "other.md" not in dates and "../other.md" not in dates


def test_tag_pages_one_per_tag_case_folded() -> None:
    tags = {
        "甲.md": ["注意力", "AI/注意力", "AI/", "a//b"],
        "子/乙.md": ["Ai/注意力", "index"],
        "丙.md": [],
    }
    notes = [ListedNote(path, path[-4], NoteDates()) for path in tags]
    pages = tag_pages(notes, tags, "标签")
    assert sorted(pages.markdown) == [
        "标签/AI/注意力/index.md",
        "标签/index/index.md",
        "标签/注意力/index.md",
    ]
    assert pages.page_of("ai/注意力") == "标签/AI/注意力/index.md"
    # The notes of both spellings, by title, linked from the page's own folder.
    assert pages.markdown["标签/AI/注意力/index.md"].endswith(
        "- [乙](../../../子/乙.md)\n- [甲](../../../甲.md)\n"
    )
    assert "丙" not in "".join(pages.markdown.values())


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["a", "b", "%E7%AC%94", "x y", ""]), max_size=4),
    st.lists(st.sampled_from(["a", "b", "%E7%AC%94", "x y", ""]), max_size=4),
    st.booleans(),
)
def test_relative_urls_agree_with_posixpath(url: list[str], base: list[str], slash: bool) -> None:
    target = "/".join(url) + ("/" if slash and url else "")
    page = "/".join(base) + ("/" if base else "")
    expected = posixpath.relpath("/" + target, "/" + page)
    expected += "/" if target.endswith("/") and expected != "." else ""
    assert relative_url(target, page) == expected


def test_a_folder_note_beside_its_folder_stands_for_it() -> None:
    notes = [
        ListedNote("书.md", "书", NoteDates()),
        ListedNote("书/一.md", "一", NoteDates()),
        ListedNote("库/书单.md", "书单", NoteDates()),
        ListedNote("库/书单/二.md", "二", NoteDates()),
    ]
    pages = folder_pages(notes)
    assert sorted(pages) == ["库/index.md"]  # 书 and 库/书单 have their folder notes
    assert "📁 [书单](../%E5%BA%93/%E4%B9%A6%E5%8D%95.md)" not in pages["库/index.md"]
    assert "📁 [书单](书单.md)" in pages["库/index.md"]
    assert "- [书单]" not in pages["库/index.md"]  # listed once, as the folder


def test_a_recent_directive_quoted_in_code_stays_as_written() -> None:
    notes = [ListedNote("甲.md", "甲", NoteDates(dt.date(2025, 1, 1)))]
    markdown = "用法：`<!-- garden/recent -->`\n\n```\n<!-- garden/recent -->\n```\n"
    assert fill_recent(markdown, notes, lambda path: path) == markdown
    filled = fill_recent("前\n\n<!-- garden/recent -->\n\n后\n", notes, lambda path: path)
    assert "- [甲](甲.md)" in filled and "garden/recent" not in filled


def test_characters_beyond_the_basic_plane_become_references() -> None:
    from mkdocs_garden.core.text import narrow_html

    html = '<a href="x">🗂️归档 / 𠀀字</a>'
    narrowed = narrow_html(html)
    assert narrowed == '<a href="x">&#x1f5c2;️归档 / &#x20000;字</a>'
    assert max(map(ord, narrowed)) <= 0xFFFF and narrow_html("中文") == "中文"
