"""A note more notes link to than its page shows: its page shows `backlinks_limit` of them and
the count of the rest, and every linking note is listed on pages of their own."""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs_garden.core.connections.backlink_pages import backlink_pages
from mkdocs_garden.core.connections.links import Link
from mkdocs_garden.core.connections.section import SectionOptions, connections_section
from mkdocs_garden.core.page.model import LinkKind, LinkUse
from sitebuild import broken_links, build_site

TITLES = {"hub.md": "中心", **{f"n{i}.md": f"笔记{i}" for i in range(5)}}


def test_a_note_linked_more_than_the_limit_gets_its_list_over_pages() -> None:
    sources = {"hub.md": [f"n{i}.md" for i in (3, 1, 4, 0, 2)], "n0.md": ["n1.md", "n2.md"]}
    pages = backlink_pages(sources, TITLES, limit=2, page_size=2)
    assert pages.page_of == {"hub.md": "反向链接/hub/index.md"}  # n0: 2 notes, all shown
    assert sorted(pages.markdown) == [
        "反向链接/hub/index.md",
        "反向链接/hub/page/2.md",
        "反向链接/hub/page/3.md",
    ]
    first = pages.markdown["反向链接/hub/index.md"]
    assert first.startswith("# 反向链接：中心\n")
    assert "链接到 [中心](../../hub.md) 的笔记：" in first
    listed = re.findall(r"^- \[(.+?)\]\((.+?)\)$", first, re.MULTILINE)
    assert listed == [("笔记0", "../../n0.md"), ("笔记1", "../../n1.md")]  # by title
    assert "下一页" in first and "第 1 / 3 页" in first
    last = pages.markdown["反向链接/hub/page/3.md"]
    assert re.findall(r"^- \[(.+?)\]", last, re.MULTILINE) == ["笔记4"]
    assert backlink_pages(sources, TITLES, limit=0).markdown == {}  # 0: every page shows all


def _link(source: str) -> Link:
    use = LinkUse(LinkKind.WIKI, "hub", text="中心")
    return Link(source, "hub.md", 1, 0, False, use)


def test_a_page_shows_the_limit_and_counts_the_rest() -> None:
    links = [_link(f"n{i}.md") for i in range(5)]
    options = SectionOptions(graph_src=None, limit=2, all_backlinks="../反向链接/hub/")
    html = connections_section("hub.md", links, TITLES.__getitem__, lambda p: p, options)
    assert re.findall(r'<li><a href="([^"]+)">', html) == ["n0.md", "n1.md"]
    assert "反向链接 <small>5</small>" in html  # the heading counts them all
    assert '还有 3 篇笔记链接到这里：<a href="../反向链接/hub/">全部反向链接</a>。' in html
    unlimited = connections_section(
        "hub.md", links, TITLES.__getitem__, lambda p: p, SectionOptions(graph_src=None)
    )
    assert len(re.findall("<li>", unlimited)) == 5 and "还有" not in unlimited


def test_the_built_site_links_a_busy_note_to_the_list_of_all(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    vault.mkdir()
    front = "---\npublish: true\n---\n"
    (vault / "index.md").write_text(f"{front}# 首页\n", encoding="utf-8")
    (vault / "中心.md").write_text(f"{front}中心。\n", encoding="utf-8")
    for i in range(5):
        (vault / f"笔记{i}.md").write_text(f"{front}见 [[中心]]。\n", encoding="utf-8")
    options = {"garden/connections": {"backlinks_limit": 2, "listing_size": 2}}
    build = build_site(vault, tmp_path / "site", plugin_options=options)
    assert build.returncode == 0, build.log
    hub = (build.site / "中心" / "index.html").read_text(encoding="utf-8")
    section = hub[hub.index('<section class="garden-connections">') :]
    assert len(re.findall(r"<li><a ", section.split("</ul>")[0])) == 2
    assert "还有 3 篇笔记链接到这里" in section
    folder = build.site / "反向链接" / "中心"
    assert _listed(folder / "index.html") == ["笔记0", "笔记1"]
    assert _listed(folder / "page" / "2" / "index.html") == ["笔记2", "笔记3"]
    assert _listed(folder / "page" / "3" / "index.html") == ["笔记4"]
    assert broken_links(build.site, "/garden/") == []


def _listed(page: Path) -> list[str]:
    """The notes a page of the full backlinks list names in its article (the navigation
    names every note)."""
    html = page.read_text(encoding="utf-8")
    article = html[html.index("<article") : html.index("</article>")]
    return re.findall(r"<li><a [^>]*>(笔记\d)</a></li>", article)
