"""Garden renders the notes and Material still does everything it did with Python-Markdown's
output: search entries per section, the table of contents, tags, code, Mermaid, math,
callouts, embeds. And line breaks follow the vault's Obsidian settings."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote

import pytest

from sitebuild import Build, build_site, site_texts

QKV = "🪄AI漫谈/Q、K、V（查询、键、值）/index.html"
DOT = "🪄AI漫谈/点积为什么能衡量相关性？/index.html"
HUB = "🪄AI漫谈/注意力机制在 Transformer 模型中是如何运作的？/index.html"
SOFTMAX = "🪄AI漫谈/Softmax：从分数到权重/index.html"


def page(build: Build, path: str) -> str:
    return (build.site / path).read_text(encoding="utf-8")


def article(build: Build, path: str) -> str:
    html = page(build, path)
    return html[html.index("<article") : html.index("</article>")]


def test_search_has_an_entry_for_every_note_and_each_of_its_sections(docs_site: Build) -> None:
    index = json.loads((docs_site.site / "search/search_index.json").read_text("utf-8"))
    locations = {unquote(doc["location"]) for doc in index["docs"]}
    dot = "🪄AI漫谈/点积为什么能衡量相关性？/"
    assert {dot, f"{dot}#几何直觉", f"{dot}#夹角与余弦"} <= locations
    section = next(doc for doc in index["docs"] if unquote(doc["location"]) == f"{dot}#夹角与余弦")
    title, text = (section[key].replace("\u200b", "") for key in ("title", "text"))
    assert title == "夹角与余弦" and "符号法则" in text and "投影" in text
    assert [doc["location"] for doc in index["docs"] if "\x01" in doc["text"]] == []


def test_the_table_of_contents_lists_the_headings(docs_site: Build) -> None:
    html = page(docs_site, DOT)
    toc = html[html.index('md-nav--secondary"') :]
    toc = toc[: toc.index("</nav>")]
    assert 'href="#几何直觉"' in toc and 'href="#夹角与余弦"' in toc
    assert '<h2 id="几何直觉">' in html and 'class="headerlink" href="#几何直觉"' in html


def test_code_mermaid_math_callouts_embeds_and_tags(docs_site: Build) -> None:
    qkv = article(docs_site, QKV)
    assert '<div class="highlight"><pre><span></span><code><a id="__codelineno-0-1"' in qkv
    assert '<span class="k">def</span>' in qkv  # highlighted by Pygments
    assert '<pre class="mermaid"><code>' in article(docs_site, HUB)
    assert "<math" in qkv and "<mfrac>" in qkv
    assert re.search(
        r'<details class="tip">\s*<summary>数值稳定的小技巧</summary>', page(docs_site, SOFTMAX)
    )
    assert '<div class="admonition note">' in article(docs_site, DOT)
    assert '<div class="garden-embed">' in qkv and "garden-embed-source" in qkv
    assert 'class="md-tag' in page(docs_site, DOT)


def test_no_marker_or_raw_syntax_reaches_any_file(docs_site: Build) -> None:
    found = [
        str(path.relative_to(docs_site.site))
        for path, text in site_texts(docs_site.site)
        if path.suffix in (".html", ".json", ".xml")
        and ("\x01" in text or "\x02" in text or "![[" in text)
    ]
    assert found == []


TEXT = "---\npublish: true\n---\n第一行\n第二行\nEnglish line\nnext line\n"


@pytest.mark.parametrize(
    ("app_json", "option", "expected"),
    [
        (None, None, "<p>第一行<br>\n第二行<br>\nEnglish line<br>\nnext line</p>"),
        ('{"strictLineBreaks": true}', None, "<p>第一行第二行\nEnglish line\nnext line</p>"),
        ('{"strictLineBreaks": false}', None, "<p>第一行<br>\n第二行<br>"),
        ('{"strictLineBreaks": true}', "breaks", "<p>第一行<br>\n第二行<br>"),
        (None, "strict", "<p>第一行第二行\nEnglish line"),
    ],
    ids=["obsidian default", "strict in app.json", "breaks in app.json", "option", "option strict"],
)
def test_line_breaks_follow_the_vault_settings(
    tmp_path: Path, app_json: str | None, option: str | None, expected: str
) -> None:
    vault = tmp_path / "vault"
    vault.mkdir()
    (vault / "index.md").write_text(TEXT, encoding="utf-8")
    if app_json is not None:
        (vault / ".obsidian").mkdir()
        (vault / ".obsidian/app.json").write_text(app_json, encoding="utf-8")
    options = {"garden/obsidian": {"line_breaks": option}} if option else None
    build = build_site(vault, tmp_path / "site", plugin_options=options)
    assert build.returncode == 0, build.log
    assert expected in (tmp_path / "site/index.html").read_text(encoding="utf-8")
