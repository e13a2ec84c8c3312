"""docs/ built: its folders, tags, graph and backlinks, over published notes only."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import unquote

from conftest import ROOT
from mkdocs_garden.core.vault import Vault

DOCS = ROOT / "docs"


def published_notes() -> set[str]:
    return {note.path for note in Vault.from_directory(DOCS).published_notes}


def test_every_published_note_is_a_graph_node_and_nothing_else_is(docs_site: Any) -> None:
    graph = json.loads((docs_site.site / "graph.json").read_text(encoding="utf-8"))
    notes = {node["id"] for node in graph["nodes"] if node["kind"] == "note"}
    assert notes == published_notes()
    assert "🪄AI漫谈/草稿：位置编码.md" not in notes
    assert not [node for node in graph["nodes"] if "草稿" in node["title"]]
    for node in graph["nodes"]:
        assert (docs_site.site / unquote(node["url"]) / "index.html").is_file(), node


def test_every_folder_of_notes_is_a_page(docs_site: Any) -> None:
    folders = {path.rsplit("/", 1)[0] for path in published_notes() if "/" in path}
    assert folders == {"🪄AI漫谈"}
    for folder in folders:
        page = (docs_site.site / folder / "index.html").read_text(encoding="utf-8")
        assert "这个文件夹里有 8 篇笔记" in page


def test_tag_pages_and_the_hub_backlinks(docs_site: Any) -> None:
    assert (docs_site.site / "标签/注意力/index.html").is_file()
    dot = (docs_site.site / "🪄AI漫谈/点积为什么能衡量相关性？/index.html").read_text("utf-8")
    backlinks = dot[dot.index('id="garden-backlinks"') :]
    assert "注意力机制在 Transformer 模型中是如何运作的？</a>" in backlinks
    assert "草稿" not in backlinks


def test_backlinks_quote_formulas_rows_and_embeds_as_the_notes_show_them(docs_site: Any) -> None:
    def backlinks_of(note: str) -> str:
        page = (docs_site.site / "🪄AI漫谈" / note / "index.html").read_text("utf-8")
        return page[page.index('id="garden-backlinks"') : page.index('id="garden-local-graph"')]

    dot = backlinks_of("点积为什么能衡量相关性？")
    # The hub embeds the block ^dot-def: quoted from the block, its formulas drawn.
    embed = dot[dot.index('<blockquote class="garden-backlink-embed">') :]
    embed = embed[: embed.index("</blockquote>")]
    assert "对于两个 <math" in embed and "^dot-def" not in embed and "\\mathbf" not in embed
    assert "打分 · <mark>点积</mark> · 两个向量的" in dot  # a table row, not a bare word
    softmax = backlinks_of("Softmax：从分数到权重")
    assert "<msqrt>" in softmax and "\\sqrt" not in softmax


def test_home_lists_recent_notes_newest_first_and_notes_show_dates(docs_site: Any) -> None:
    home = (docs_site.site / "index.html").read_text(encoding="utf-8")
    recent = home[home.index('id="最近更新"') :].split("</ul>")[0]
    titles = [part.split("</a>")[0].rsplit(">", 1)[-1] for part in recent.split("<li>")[1:]]
    assert titles[:2] == [
        "注意力机制在 Transformer 模型中是如何运作的？",
        "点积为什么能衡量相关性？",
    ]
    assert len(titles) == 5
    hub = "🪄AI漫谈/注意力机制在 Transformer 模型中是如何运作的？/index.html"
    facts = (docs_site.site / hub).read_text("utf-8").split('class="md-source-file"')[1]
    assert "2025年11月24日" in facts and "2025年9月1日" in facts
