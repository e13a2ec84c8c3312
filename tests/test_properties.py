"""Links in properties: resolved like the body's, counted by backlinks and the graph, shown at
the top of the page for the properties the site lists, and never a way to an unpublished
note."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitebuild import Build, broken_links, build_site

NOTES = {
    "甲.md": """---
publish: true
related: "[[乙]]"
up: ["[[丙|丙的别名]]", "[[秘密]]"]
source: "[原文](https://example.org/a)"
hidden: "[[丁]]"
aliases: ["[[不是链接]]"]
---
甲的正文没有链接。
""",
    "index.md": "---\npublish: true\n---\n# 首页\n",
    "乙.md": "---\npublish: true\n---\n乙的正文。\n",
    "丙.md": "---\npublish: true\n---\n丙的正文。\n",
    "丁.md": "---\npublish: true\n---\n丁的正文。\n",
    "秘密.md": "---\npublish: false\n---\n秘密正文-91c2\n",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    vault = tmp_path_factory.mktemp("vault")
    for path, text in NOTES.items():
        (vault / path).write_text(text, encoding="utf-8")
    options = {"garden/obsidian": {"properties": ["related", "up", "source"]}}
    build = build_site(vault, tmp_path_factory.mktemp("site") / "site", plugin_options=options)
    assert build.returncode == 0, build.log
    return build


def _page(build: Build, name: str) -> str:
    return (build.site / name / "index.html").read_text(encoding="utf-8")


def test_listed_properties_are_shown_with_their_links(built: Build) -> None:
    page = _page(built, "甲")
    block = page[page.index('<dl class="garden-properties">') : page.index("</dl>")]
    assert '<dt>related</dt><dd><a href="../%E4%B9%99/">乙</a></dd>' in block
    assert '<a href="../%E4%B8%99/">丙的别名</a>' in block
    assert "秘密" in block and "%E7%A7%98%E5%AF%86" not in block  # text, never a link
    assert '<a href="https://example.org/a">原文</a>' in block
    assert "hidden" not in block and "aliases" not in block
    assert broken_links(built.site, "/garden/") == []


def test_property_links_make_backlinks_and_graph_edges(built: Build) -> None:
    for name, sentence in (
        ("乙", "related: <mark>乙</mark>"),
        ("丙", "up: <mark>丙的别名</mark>"),
        ("丁", "hidden: <mark>丁</mark>"),
    ):
        page = _page(built, name)
        backlinks = page[page.index('class="garden-backlinks"') :]
        assert ">甲</a>" in backlinks and sentence in backlinks, name
    graph = json.loads((built.site / "graph.json").read_text(encoding="utf-8"))
    ids = {node["id"]: index for index, node in enumerate(graph["nodes"])}
    edges = {frozenset(edge[:2]) for edge in graph["edges"]}
    assert "秘密.md" not in ids
    for target in ("乙.md", "丙.md", "丁.md"):
        assert frozenset((ids["甲.md"], ids[target])) in edges, target


def test_nothing_of_the_unpublished_note(built: Build) -> None:
    for path in Path(built.site).rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml"):
            assert "秘密正文-91c2" not in path.read_text(encoding="utf-8"), path
