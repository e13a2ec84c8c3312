"""Notes that real vaults contain, built together in one site: each has its expected outcome,
and nothing else is lost. The corpus is tests/fixtures/hostile; the notes too big or too odd
to keep in git (10 MB, 10,000 links, 50 nested embeds, links out of the vault) are made here."""

from __future__ import annotations

import os
import resource
import shutil
import time
from pathlib import Path
from urllib.parse import quote

import pytest

from conftest import FIXTURES
from sitebuild import Build, build_site, site_texts

FRONTMATTER = '---\n{"publish":true}\n---\n'
OUTSIDE_MARKER = "HOSTILE-OUTSIDE-SECRET"
# What each broken note must log (file:line and the problem), and it must not be published.
REFUSED = {
    "gbk.md:4": "is not valid UTF-8 (it looks like GBK/GB18030)",
    "bad-yaml.md:3": "frontmatter is not valid YAML",
    "bad-json.md:2": "frontmatter is not valid JSON",
    "never-closed.md:1": "frontmatter opened with '---' on line 1 is never closed",
    "yaml-int.md:3": "frontmatter is not valid YAML: int value 'abc' cannot be read",
    "yaml-float.md:3": "frontmatter is not valid YAML: float value 'abc' cannot be read",
    "yaml-timestamp.md:3": "frontmatter is not valid YAML: timestamp value 'nope' cannot be",
    "merge-key.md:3": "frontmatter is not valid YAML: '<<' merge keys are YAML 1.1",
    "duplicate-key.md:3": "frontmatter names the property 'publish' twice",
    "deep-json.md:2": "frontmatter is nested too deeply to read",
}
# Values that are no longer a crash but a message with the line of the property: the note
# is published, without the value.
REPORTED = {
    "dates.md:3": "created is '2025-02-30', which is not a date",
    "dates.md:4": "modified is '2025-13-01', which is not a date",
    "huge-date.md:3": "created is '99999999999999999999-01-01', which is not a date",
    "number-tag.md:3": "tag '1984' is not a tag Obsidian knows",
    "theme-props.md:3": "hide is 5, but must list some of",
    "theme-props.md:4": "search is 5, but must be 'exclude: true' or 'boost: <number>'",
    "theme-props.md:5": "template is 'nope.html', but must name a template of the theme",
    "theme-props.md:6": "icon is 'material/no-such-icon', but must name an icon of the theme",
    "列表标题/index.md:3": "title must be text, not a list",
}
LONG_TAG = "注意力机制在长序列上的代价与稀疏化的种种办法" * 6  # 396 bytes, one unbroken word


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, float]:
    root = tmp_path_factory.mktemp("hostile")
    vault = root / "vault"
    shutil.copytree(FIXTURES / "hostile", vault)
    outside = root / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text(FRONTMATTER + OUTSIDE_MARKER, encoding="utf-8")
    (outside / "secret.png").write_bytes(b"\x89PNG " + OUTSIDE_MARKER.encode())
    os.symlink(outside / "secret.md", vault / "outside-note.md")
    os.symlink(outside / "secret.png", vault / "outside.png")
    paragraph = "点积衡量两个向量方向的一致程度，softmax 把分数变成权重。" * 40 + "\n\n"
    big = FRONTMATTER + "# 很大的笔记\n\n" + paragraph * (10_000_000 // len(paragraph.encode()))
    (vault / "big.md").write_text(big, encoding="utf-8")
    links = " ".join(f"[[bom|{i}]]" if i % 2 else f"[[crlf#CRLF 笔记|{i}]]" for i in range(10_000))
    (vault / "many-links.md").write_text(FRONTMATTER + links + "\n", encoding="utf-8")
    deep = '{"publish": true, "x": ' + '{"a":' * 100_000 + "1" + "}" * 100_001
    (vault / "deep-json.md").write_text(f"---\n{deep}\n---\nHOSTILE-BAD 深\n", "utf-8")
    (vault / "long-tag.md").write_text(
        f"{FRONTMATTER}正文里的长标签 #{LONG_TAG}\n\n另一个 #{LONG_TAG}/子标签\n", "utf-8"
    )
    (vault / "标签.md").write_text(f"{FRONTMATTER}<!-- material/tags -->\n", "utf-8")
    deep_list = "".join("  " * level + "- 层\n" for level in range(600))
    (vault / "deep-list.md").write_text(FRONTMATTER + deep_list, encoding="utf-8")
    deep_emphasis = "*" * 5000 + "强调" + "*" * 5000
    (vault / "deep-emphasis.md").write_text(FRONTMATTER + deep_emphasis, encoding="utf-8")
    deep_math = "$" + "{" * 3000 + "x" + "}" * 3000 + "$ 之后的文字\n"
    (vault / "deep-math.md").write_text(FRONTMATTER + deep_math, encoding="utf-8")
    for level in range(50):
        (vault / f"deep-{level}.md").write_text(
            f"{FRONTMATTER}第 {level} 层\n\n![[deep-{level + 1}]]\n", encoding="utf-8"
        )
    started = time.monotonic()
    build = build_site(vault, root / "site", strict=False)
    return build, time.monotonic() - started


def peak_child_memory_mb() -> float:
    """The largest resident size any build run by this test process reached."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def page(build: Build, name: str) -> str:
    return (build.site / name / "index.html").read_text(encoding="utf-8")


def test_the_whole_corpus_builds(built: tuple[Build, float]) -> None:
    build, seconds = built
    assert build.returncode == 0, build.log
    assert seconds < 300  # a 10 MB note and 10,000 links, in bounded time
    assert peak_child_memory_mb() < 2048  # and memory
    for name in ("bom", "crlf", "brackets", "escape", "hostile-meta", "big", "many-links"):
        assert (build.site / name / "index.html").is_file(), name
    for where in REPORTED:
        page = build.site / where.split(".")[0].removesuffix("/index") / "index.html"
        assert page.is_file(), where


@pytest.mark.parametrize("where", sorted(REPORTED))
def test_values_that_cannot_be_used_are_reported_with_their_line(
    built: tuple[Build, float], where: str
) -> None:
    assert f"garden: {where}: {REPORTED[where]}" in built[0].log


def test_deeply_nested_notes_render_and_keep_their_text(built: tuple[Build, float]) -> None:
    """markdown-it nests blocks and inline markup only so deep (MAX_NESTING); what lies
    deeper is shown as text, so nothing is lost and nothing recurses without bound."""
    build, _ = built
    assert page(build, "deep-list").count("层") == 600
    assert "强调" in page(build, "deep-emphasis")
    assert "garden: deep-math.md:4: cannot convert TeX" in build.log
    assert "之后的文字" in page(build, "deep-math")
    assert "could not be rendered" not in build.log


def test_tags_of_any_type_and_length_get_pages_a_file_system_holds(
    built: tuple[Build, float],
) -> None:
    build, _ = built
    tag_pages = [
        p.parent.relative_to(build.site / "标签") for p in (build.site / "标签").rglob("index.html")
    ]
    assert Path("嵌套标签") in tag_pages
    long_pages = [p for p in tag_pages if p.parts and p.parts[0].startswith("注意力机制")]
    assert len(long_pages) == 2 and all(
        len(part.encode()) <= 100 for p in long_pages for part in p.parts
    )
    note = page(build, "long-tag")
    for tag_page in long_pages:
        assert (
            f'href="../{quote(tag_page.as_posix())}/"' in note or quote(tag_page.as_posix()) in note
        )
    index_title = page(build, "列表标题")
    assert "<img src=x" not in index_title and "<title>列表标题 - " in index_title


@pytest.mark.parametrize("where", sorted(REFUSED))
def test_broken_notes_are_reported_with_file_and_line_and_not_published(
    built: tuple[Build, float], where: str
) -> None:
    build, _ = built
    assert f"garden: {where}: {REFUSED[where]}" in build.log
    assert "not published" in build.log.split(f"garden: {where}:")[1].split("\n")[0]
    assert not (build.site / where.split(".")[0]).exists()
    assert [p for p, text in site_texts(build.site) if "HOSTILE-BAD" in text] == []


def test_bom_and_crlf_notes_read_as_any_other(built: tuple[Build, float]) -> None:
    build, _ = built
    assert '<h1 id="带-bom-的笔记">' in page(build, "bom")
    crlf = page(build, "crlf")
    assert "Windows 换行的正文" in crlf and 'href="../bom/"' in crlf and "\r" not in crlf


def test_brackets_that_are_not_links_stay_text(built: tuple[Build, float]) -> None:
    html = page(built[0], "brackets")
    assert "没闭合的 [[bom 以及空的 [[]] 和 [[|x]]" in html
    assert 'id="括号-bom-在标题里"' in html and '<a href="../bom/">bom</a> c]]' in html
    assert '<a href="https://example.com/">外链里的 bom</a>' in html
    assert '<td><a href="../crlf/">换行</a></td>' in html


def test_links_out_of_the_vault_are_refused_and_nothing_outside_is_read(
    built: tuple[Build, float],
) -> None:
    build, _ = built
    log = build.log
    assert "escape.md:6: link [[../../etc/passwd]] points outside the vault; refused" in log
    assert "escape.md:6: link ![[../../../etc/hostname]] points outside the vault" in log
    assert "escape.md:6: link [[/etc/passwd]] points outside the vault" in log
    assert "outside-note.md: is a link to a file outside the vault; not read" in log
    assert "outside.png: links to a file outside the vault; not published" in log
    assert [p for p, text in site_texts(build.site) if OUTSIDE_MARKER in text] == []
    assert not (build.site / "outside.png").exists()


def test_embed_cycles_and_deep_chains_stop_with_a_message(built: tuple[Build, float]) -> None:
    build, _ = built
    chain = "cycle-b.md:6: embed ![[cycle-a]] is a cycle: cycle-a.md# → cycle-b.md# → cycle-a.md#"
    assert chain in build.log
    assert "nested deeper than 8" in build.log and "deep-0.md# → deep-1.md# →" in build.log
    assert "第 8 层" in page(build, "deep-0") and "第 9 层" not in page(build, "deep-0")


def test_hostile_titles_aliases_and_classes_are_escaped_or_dropped(
    built: tuple[Build, float],
) -> None:
    build, _ = built
    for path, text in site_texts(build.site):
        assert "<script>alert" not in text, path
        assert 'onmouseover="alert' not in text, path
    html = page(build, "hostile-meta")
    assert 'class="md-content__inner md-typeset ok"' in html
    assert "hostile-meta.md:2: cssclasses value" in build.log
