"""What a backlink quotes of the note that links: the sentence as the note shows it (formatting,
code, formulas, the link's own text), each sentence once, and embeds as the part they show."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import make_site
from mkdocs_garden.core.connections.links import collect_links
from mkdocs_garden.core.connections.section import SectionOptions, connections_section
from mkdocs_garden.core.site import GardenSite
from mkdocs_garden.core.vault import Vault

TARGET = (
    "---\npublish: true\n---\n甲的开头。\n\n## 标题\n\n标题下的一段。\n\n"
    "对于 $d$ 维向量，点积把对应分量相乘再相加：$\\mathbf{a}\\cdot\\mathbf{b}=\\sum_i a_i b_i$。"
    "这一段很长，后面还有不少话要说，说到这里已经远远超过了引用一段时所取的字数，所以会被截断；"
    "截断之后的这些字，引用里不会出现，读者要看全文得点进笔记本身去读。 ^def\n"
)


def site_with(tmp_path: Path, note: str) -> GardenSite:
    """A site of 甲 (with a heading and a block), 乙 holding `note`, and 丙."""
    (tmp_path / "甲.md").write_text(TARGET, encoding="utf-8")
    for name, text in {"乙": note, "丙": "丙\n"}.items():
        (tmp_path / f"{name}.md").write_text(f"---\npublish: true\n---\n{text}\n", "utf-8")
    return make_site(Vault.from_directory(tmp_path))


def backlinks(site: GardenSite, target: str = "甲.md") -> str:
    """The HTML of the backlinks on `target`'s page."""
    links = collect_links(site.pages, site.table).backlinks(target)
    section = connections_section(
        target, links, site.titles.__getitem__, lambda path: path, SectionOptions()
    )
    return section[section.index('<ul class="garden-backlinks">') :]


def quotes(site: GardenSite) -> list[str]:
    """Each sentence the backlinks on 甲 quote, in HTML."""
    return re.findall(r'<p class="garden-backlink-context">(.*?)</p>', backlinks(site))


@pytest.mark.parametrize(
    ("note", "quote"),
    [
        (
            "前一句。这里 **加粗** 和 *斜体* [[甲|乙]] 之后。再一句",
            "这里 <strong>加粗</strong> 和 <em>斜体</em> <mark>乙</mark> 之后。",
        ),
        (
            "| 打分 | 链接 | 说明 |\n|---|---|---|\n| 5 | [[甲]] | 好 |",
            "5 · <mark>甲</mark> · 好",
        ),
        ("> - 引用里的列表：[[甲]] ^block-1", "引用里的列表：<mark>甲</mark>"),
        (
            "见 [外链](https://x.org) 与 [[丙]]、[[甲]]，<b>粗</b>！",
            "见 外链 与 丙、<mark>甲</mark>，粗！",
        ),
        ("第一行 [[甲]]\n第二行接着说。", "第一行 <mark>甲</mark> 第二行接着说。"),
        ("**一句。二句[[甲]]** 三句。", "<strong>二句<mark>甲</mark></strong> 三句。"),
        (
            "代码 `a; b` 里没有句号，[[甲]]之后。",
            "代码 <code>a; b</code> 里没有句号，<mark>甲</mark>之后。",
        ),
        ("见[说明](甲.md#标题)。", "见<mark>说明</mark>。"),
    ],
)
def test_the_sentence_is_shown_as_the_note_shows_it(tmp_path: Path, note: str, quote: str) -> None:
    assert quotes(site_with(tmp_path, note)) == [quote]


def test_a_formula_in_the_sentence_is_drawn_not_written_as_tex(tmp_path: Path) -> None:
    [quote] = quotes(site_with(tmp_path, "除以 $\\sqrt{d_k}$ 之后见[[甲]]；下一句。"))
    assert quote.startswith("除以 <math") and "<msqrt>" in quote
    assert quote.endswith("</math> 之后见<mark>甲</mark>；")
    assert "\\sqrt" not in quote and "$" not in quote


@pytest.mark.parametrize(
    "link",
    ["[[甲]]", "[[甲#标题]]", "[[甲#^def]]", "[[甲|别名]]", "[[甲.md]]", "[别的字](甲.md)"],
)
def test_the_link_reads_as_the_page_shows_it(tmp_path: Path, link: str) -> None:
    site = site_with(tmp_path, f"前文{link}后文。")
    _, page = site.page_html("乙.md")
    [shown] = re.findall(r"前文<a [^>]*>(.*?)</a>后文", page.html)
    assert quotes(site) == [f"前文<mark>{shown}</mark>后文。"]


def test_a_sentence_linking_twice_is_listed_once_with_both_links_marked(tmp_path: Path) -> None:
    site = site_with(tmp_path, "先看[[甲]]，再看[[甲#标题]]。另一句也提到[[甲]]。")
    assert quotes(site) == [
        "先看<mark>甲</mark>，再看<mark>甲 &gt; 标题</mark>。",
        "另一句也提到<mark>甲</mark>。",
    ]
    assert 'class="garden-backlink-more"' not in backlinks(site)


def test_long_sentences_are_clipped_around_the_link(tmp_path: Path) -> None:
    [quote] = quotes(site_with(tmp_path, "开" * 200 + "[[甲]]" + "尾" * 200))
    assert quote == "…" + "开" * 60 + "<mark>甲</mark>" + "尾" * 60 + "…"


def test_a_formula_at_the_clipped_end_is_left_out_whole(tmp_path: Path) -> None:
    note = "[[甲]]" + "尾" * 55 + "$x^2 + y^2 = z^2$" + "后" * 20
    [quote] = quotes(site_with(tmp_path, note))
    assert quote == "<mark>甲</mark>" + "尾" * 55 + "…"


@pytest.mark.parametrize(
    ("embed", "source", "excerpt"),
    [
        ("![[甲]]", "甲", None),
        ("![[甲#标题]]", "甲 › 标题", None),
        ("![[甲#^def]]", "甲", "对于 <math"),
    ],
)
def test_an_embed_is_quoted_as_the_part_it_shows(
    tmp_path: Path, embed: str, source: str, excerpt: str | None
) -> None:
    shown = backlinks(site_with(tmp_path, f"前一段。\n\n{embed}\n"))
    [quote] = re.findall(r'<blockquote class="garden-backlink-embed">(.*?)</blockquote>', shown)
    assert quote.startswith(f'<p class="garden-backlink-embed-source">{source}</p>')
    assert 'class="garden-backlink-kind">嵌入' in shown
    assert quotes(site_with(tmp_path, f"前一段。\n\n{embed}\n")) == []  # no bare word
    if excerpt is None:
        assert quote.count("<p") == 1
    else:
        [text] = re.findall(r"</p><p>(.*)</p>$", quote)
        assert text.startswith(excerpt) and "^def" not in text and "\\mathbf" not in text
        assert text.endswith("…") and text.count("<math") == text.count("</math>") == 2


def test_an_embed_shown_as_a_link_is_quoted_as_a_link(tmp_path: Path) -> None:
    # An embed sharing its line with text is shown as a link (and reported): so is its quote.
    site = site_with(tmp_path, "这一行里嵌入 ![[甲#标题]] 之后。")
    assert quotes(site) == ["这一行里嵌入 <mark>甲 &gt; 标题</mark> 之后。"]
    assert "garden-backlink-embed" not in backlinks(site)


def test_a_property_link_is_quoted_with_its_key(tmp_path: Path) -> None:
    (tmp_path / "甲.md").write_text(TARGET, encoding="utf-8")
    (tmp_path / "乙.md").write_text('---\npublish: true\nrelated: "[[甲]]"\n---\n正文\n', "utf-8")
    site = make_site(Vault.from_directory(tmp_path))
    assert quotes(site) == ["related: <mark>甲</mark>"]
