"""A page written again only because its content changed is its last frame with the new
content (`core/page_frames.py`): the same bytes as a page the theme renders, and never used
where the theme reads the content in a way the frame's key does not know."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import material
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from mkdocs_garden.core.page_frames import FrameStore, TemplateCheck, frame_key, splices_safely

CONFIG = """site_name: 框架
docs_dir: vault
plugins:
  - garden
  - garden/obsidian:
      cache_dir: {cache}
"""


def test_material_templates_use_the_content_only_as_frames_know() -> None:
    folder = Path(material.__file__).parent / "templates"
    assert TemplateCheck()([str(folder)])


@pytest.mark.parametrize(
    "source",
    [
        "{{ page.content | length }}",
        "{% set body = page.content %}{{ body }}",
        "{{ page['content'] }}",
        '{{ page|attr("content") }}',
        "{% if 'toc' in page.content %}x{% endif %}",
    ],
)
def test_other_reads_of_the_content_turn_splicing_off(source: str) -> None:
    assert not splices_safely([source])


def test_printing_the_content_and_looking_for_a_title_are_known() -> None:
    assert splices_safely(['{% if "\\u003ch1" not in page.content %}<h1>t</h1>{% endif %}'])
    assert splices_safely(["<article>{{ page.content }}</article>", "{{- page.content -}}"])


def test_a_frame_is_used_only_under_its_key_and_around_content_found_once() -> None:
    store = FrameStore()
    store.keep("a.html", "k", "<head>头</head><main>旧的</main><nav>导航</nav>", "旧的")
    assert store.splice("a.html", "k", "新的") == "<head>头</head><main>新的</main><nav>导航</nav>"
    assert store.splice("a.html", "other", "新的") is None
    store.keep("a.html", "k", "<p>x</p><p>x</p>", "<p>x</p>")  # where would it go?
    assert store.splice("a.html", "k", "y") is None
    store.keep("b.html", "k", "<main></main>", "")
    assert store.splice("b.html", "k", "z") is None
    store.keep("c.html", "k", "<main>c</main>", "c")
    store.keep("d.html", "k", "<main>d</main>", "d")
    store.keep_only({"c.html"})
    assert len(store) == 1
    assert store.splice("c.html", "k", "C") == "<main>C</main>"
    assert store.splice("d.html", "k", "D") is None


def test_the_key_knows_whether_the_content_has_a_title() -> None:
    assert frame_key("f", "<p>正文</p>") != frame_key("f", "<h1>标题</h1><p>正文</p>")
    assert frame_key("f", "<p>正文</p>") == frame_key("f", "<p>别的</p>")


def _site(root: Path, override: str | None = None) -> Path:
    vault = root / "vault"
    vault.mkdir(parents=True)
    config = CONFIG.format(cache=root / "cache")
    if override is not None:
        (root / "overrides").mkdir()
        (root / "overrides" / "main.html").write_text(override, encoding="utf-8")
        config += "theme:\n  name: garden\n  custom_dir: overrides\n"
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    (vault / "index.md").write_text("---\npublish: true\n---\n# 首页\n\n[[点积]]\n", "utf-8")
    for name in ("甲", "乙", "丙"):
        (vault / f"{name}.md").write_text(
            f"---\npublish: true\n---\n{name}说：见 [[点积#定义]]。\n", encoding="utf-8"
        )
    _note(vault, "定义")
    return vault


def _note(vault: Path, heading: str) -> None:
    text = f"---\npublish: true\n---\n点积的正文。\n\n## {heading}\n\n两个向量。\n"
    (vault / "点积.md").write_text(text, encoding="utf-8")


def _build(root: Path, site: str, dirty: bool) -> MkDocsConfig:
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / site))
    config.plugins.on_startup(command="serve" if dirty else "build", dirty=dirty)
    build(config, dirty=dirty)
    return config


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


@pytest.mark.parametrize("override", [None, '{% extends "base.html" %}'])
def test_pages_whose_links_changed_are_spliced_into_their_frames(
    tmp_path: Path, override: str | None
) -> None:
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    vault = _site(tmp_path, override)
    _build(tmp_path, "incremental", dirty=True)
    before = (tmp_path / "incremental" / "甲" / "index.html").read_bytes()
    _note(vault, "新的定义")  # the heading the three notes link to is renamed
    os.utime(vault / "点积.md", (1, 1))  # read again whatever the clock's resolution
    config = _build(tmp_path, "incremental", dirty=True)
    assert config.plugins["garden/incremental"].spliced == 3  # 甲, 乙, 丙: only links changed
    _build(tmp_path, "clean", dirty=False)

    after = (tmp_path / "incremental" / "甲" / "index.html").read_text(encoding="utf-8")
    assert '%E7%82%B9%E7%A7%AF/#定义"' in before.decode() and '#定义"' not in after
    assert _files(tmp_path / "incremental") == _files(tmp_path / "clean")


def test_a_theme_that_reads_the_content_otherwise_renders_every_page(tmp_path: Path) -> None:
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    override = (
        '{% extends "base.html" %}{% block footer %}'
        "<p>{{ page.content | length }} 字节</p>{% endblock %}"
    )
    vault = _site(tmp_path, override)
    _build(tmp_path, "incremental", dirty=True)
    _note(vault, "新的定义")
    os.utime(vault / "点积.md", (1, 1))
    config = _build(tmp_path, "incremental", dirty=True)
    assert config.plugins["garden/incremental"].spliced == 0
    _build(tmp_path, "clean", dirty=False)
    assert _files(tmp_path / "incremental") == _files(tmp_path / "clean")
