"""The fixture vault built by MkDocs + Material with garden/connections: what each page shows."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from conftest import FIXTURES
from sitebuild import Build, broken_links, build_site, site_texts

VAULT = FIXTURES / "connections"
EXPECTED: dict[str, Any] = json.loads(
    (FIXTURES / "connections.expected.json").read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    site = tmp_path_factory.mktemp("connections") / "site"
    # Dates from frontmatter only: git would date the fixture notes by this checkout's commits.
    options = {"garden/connections": {"git_dates": False}}
    build = build_site(VAULT, site, strict=False, plugin_options=options)
    assert build.returncode == 0, build.log
    return build


def html(build: Build, page: str) -> str:
    """A page's HTML, with emoji (written as character references) read back as characters."""
    text = (build.site / page / "index.html").read_text(encoding="utf-8")
    return re.sub(r"&#x([0-9a-f]{5,6});", lambda match: chr(int(match.group(1), 16)), text)


def section(build: Build, page: str) -> str:
    text = html(build, page)
    start = text.index('<section class="garden-connections">')
    return text[start : text.index("</section>", start)]


def test_backlinks_list_each_linking_note_once_sorted_by_title(built: Build) -> None:
    backlinks = section(built, "笔记/甲")
    # By title (README.md shows its heading): 丁 U+4E01 < 乙 U+4E59 < 子 U+5B50 < 首 U+9996.
    titles = ["丁", "乙", "子目录的说明", "首页"]
    positions = [backlinks.index(f">{title}</a>") for title in titles]
    assert positions == sorted(positions)
    assert "反向链接 <small>4</small>" in backlinks
    assert "回到<mark>甲</mark>看看；" in backlinks
    assert "甲 · <mark>甲的别名</mark>" in backlinks  # a table row, as one line
    bold = section(built, "笔记/丙")  # `**[[丙]]**`: bold, as the note shows it
    assert "深处的笔记指向 <strong><mark>丙</mark></strong> 和甲 &gt; 不存在的标题。" in bold
    assert "私密" not in backlinks


def test_an_embed_is_marked_and_nothing_links_to_some_notes(built: Build) -> None:
    assert "嵌入" in section(built, "笔记/乙")
    # Quoted as the part it shows (甲 embeds ![[乙#小节]]), not as the link's bare text.
    assert (
        '<blockquote class="garden-backlink-embed">'
        '<p class="garden-backlink-embed-source">乙 › 小节</p></blockquote>'
    ) in section(built, "笔记/乙")
    assert "还没有其他笔记链接到这里。" in section(built, "标签")


def test_nothing_of_an_unpublished_note_reaches_the_site(built: Build) -> None:
    for secret in (EXPECTED["secret"], "私密标签", "私密夹"):
        leaks = [str(path) for path, text in site_texts(built.site) if secret in text]
        assert leaks == [], secret
    assert not (built.site / "深/私密夹").exists()
    # The folder page stands where the unpublished 笔记/index.md was: a listing, not the note.
    assert "这个文件夹里有 3 篇笔记" in html(built, "笔记")


def test_every_folder_of_published_notes_has_a_page(built: Build) -> None:
    listed = {
        "深/index.md": [">层</a>"],
        "深/层/index.md": [">丁</a>"],
        "笔记/index.md": [">甲</a>", ">乙</a>", ">丙</a>", ">子</a>"],
    }
    assert sorted(listed) == EXPECTED["folder_pages"]
    for page, links in listed.items():
        text = html(built, page.removesuffix("/index.md"))
        assert all(link in text for link in links), page
    assert "📁" in html(built, "深") and "2025年4月2日" in html(built, "深/层")


def test_graph_json_holds_the_published_notes_and_tags(built: Build) -> None:
    graph = json.loads((built.site / "graph.json").read_text(encoding="utf-8"))
    ids = {node["id"] for node in graph["nodes"]}
    assert ids == {node for node in EXPECTED["graph_nodes"] if not node.startswith("ghost:")}
    for node in graph["nodes"]:
        assert (built.site / unquote(node["url"]) / "index.html").is_file(), node


def test_tag_pages_have_chinese_urls_and_list_their_notes(built: Build) -> None:
    listing = html(built, "标签/主题").split("带有这个标签的笔记")[1].split("</article>")[0]
    assert "甲" in listing and "乙" in listing and "丙" not in listing
    note = html(built, "笔记/甲")
    assert 'href="../../%E6%A0%87%E7%AD%BE/%E4%B8%BB%E9%A2%98/" class="md-tag"' in note


def test_a_tag_named_index_leaves_the_tags_index_in_place(built: Build) -> None:
    assert "#index" in html(built, "标签/index")
    tags_index = html(built, "标签")
    assert 'id="tag:主题"' in tags_index and 'id="tag:index"' in tags_index


def test_recent_notes_and_dates(built: Build) -> None:
    home = html(built, "")
    recent = home[home.index("最近更新") :]
    assert recent.index("丁</a>") < recent.index("甲</a>") < recent.index("乙</a>")
    assert "丙</a>" not in recent.split("</ul>")[0]  # no date, not listed
    assert "2025年3月1日" in html(built, "笔记/甲").split('class="md-source-file"')[1]


def test_the_global_graph_page_and_local_graphs(built: Build) -> None:
    assert 'data-graph-src="../graph.json"' in html(built, "graph")
    assert 'data-graph-focus="笔记/甲.md"' in section(built, "笔记/甲")


def test_every_link_reaches_a_page(built: Build) -> None:
    assert broken_links(built.site, base_path="/garden/") == []


def test_options_hide_empty_backlinks_and_turn_the_graph_off(tmp_path: Path) -> None:
    options = {"garden/connections": {"backlinks_empty": "hide", "graph": False}}
    excluded = "exclude_docs: |\n  深/层/丁.md\n"  # published, but MkDocs leaves it out
    build = build_site(
        VAULT, tmp_path / "site", strict=False, plugin_options=options, extra_yaml=excluded
    )
    assert build.returncode == 0, build.log
    assert "深处的笔记" not in html(build, "笔记/甲") and ">丁</a>" not in html(build, "笔记/甲")
    assert "garden-connections" not in html(build, "笔记/丙")  # 丁 linked to it, nothing else
    assert "garden-connections" not in html(build, "标签")
    assert "garden-backlinks" in html(build, "笔记/甲")
    assert not (build.site / "graph.json").exists() and not (build.site / "graph").exists()


def test_giscus_comments_only_once_configured(built: Build, tmp_path: Path) -> None:
    assert "giscus" not in html(built, "笔记/甲")
    extra = (
        "extra:\n  giscus: {repo: someone/notes, repo_id: R_1, category: 评论, category_id: C_1}\n"
    )
    build = build_site(VAULT, tmp_path / "site", strict=False, extra_yaml=extra)
    assert build.returncode == 0, build.log
    page = html(build, "笔记/甲")
    assert 'src="https://giscus.app/client.js"' in page and 'data-repo="someone/notes"' in page
