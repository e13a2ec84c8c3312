"""A page written again only because its content changed is its last frame with the new
content (`core/page_frames.py`): the same bytes as a page the theme renders, and never used
where the theme reads the content in a way the frame's key does not know."""

from __future__ import annotations

import logging
import os
import shutil
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


def test_a_static_template_is_not_a_page_template(tmp_path: Path) -> None:
    (tmp_path / "sitemap.xml").write_text("{% for file in pages %}{% endfor %}", "utf-8")
    (tmp_path / "main.html").write_text("{{ page.content }}", "utf-8")
    assert TemplateCheck()([str(tmp_path)], ["sitemap.xml"])
    assert not TemplateCheck()([str(tmp_path)])


@pytest.mark.parametrize(
    "source",
    [
        "{{ page.content | length }}",
        "{% set body = page.content %}{{ body }}",
        "{{ page['content'] }}",
        '{{ page|attr("content") }}',
        "{% if 'toc' in page.content %}x{% endif %}",
        "<p>{{ build_date_utc }}</p>",
        "<p>{{ page.update_date }}</p>",
        "{% for other in pages %}{{ other.page.title }}{% endfor %}",
    ],
)
def test_other_reads_of_the_content_turn_splicing_off(source: str) -> None:
    assert not splices_safely([source])


def test_printing_the_content_and_looking_for_a_title_are_known() -> None:
    assert splices_safely(['{% if "\\u003ch1" not in page.content %}<h1>t</h1>{% endif %}'])
    assert splices_safely(["<article>{{ page.content }}</article>", "{{- page.content -}}"])


def test_a_frame_is_used_only_under_its_key_and_around_content_found_once() -> None:
    store = FrameStore()
    store.keep("a.html", "a/", "k", "<head>头</head><main>旧的</main><nav>导航</nav>", "旧的")
    assert (
        store.splice("a.html", "a/", "k", "新的")
        == "<head>头</head><main>新的</main><nav>导航</nav>"
    )
    assert store.splice("a.html", "a/", "other", "新的") is None
    store.keep("a.html", "a/", "k", "<p>x</p><p>x</p>", "<p>x</p>")  # where would it go?
    assert store.splice("a.html", "a/", "k", "y") is None
    store.keep("b.html", "b/", "k", "<main></main>", "")
    assert store.splice("b.html", "b/", "k", "z") is None
    store.keep("c.html", "c/", "k", "<main>c</main>", "c")
    store.keep("d.html", "d/", "k", "<main>d</main>", "d")
    store.keep_only({"c.html"})
    assert len(store) == 1
    assert store.splice("c.html", "c/", "k", "C") == "<main>C</main>"
    assert store.splice("d.html", "d/", "k", "D") is None


def test_frames_in_the_cache_folder_serve_another_process_by_address_and_key(
    tmp_path: Path,
) -> None:
    FrameStore(tmp_path, in_memory=False).keep("/s/a.html", "a/", "k", "<b>旧</b>", "旧")
    later = FrameStore(tmp_path, in_memory=False)  # a new build: nothing in memory
    assert later.splice("/t/a.html", "a/", "k", "新") == "<b>新</b>"  # another site folder
    assert later.splice("/t/a.html", "a/", "k2", "新") is None
    assert later.splice("/t/b.html", "b/", "k", "新") is None
    assert len(later) == 0
    for damaged in tmp_path.glob("*/*.frame"):
        damaged.write_bytes(damaged.read_bytes()[:-3])
    assert later.splice("/t/a.html", "a/", "k", "新") is None


def test_the_key_knows_whether_the_content_has_a_title() -> None:
    assert frame_key("f", "<p>正文</p>") != frame_key("f", "<h1>标题</h1><p>正文</p>")
    assert frame_key("f", "<p>正文</p>") == frame_key("f", "<p>别的</p>")


def _site(root: Path, override: str | None = None, more: str = "") -> Path:
    vault = root / "vault"
    vault.mkdir(parents=True)
    config = CONFIG + more
    if override is not None:
        (root / "overrides").mkdir()
        (root / "overrides" / "main.html").write_text(override, encoding="utf-8")
        config += "theme:\n  name: garden\n  custom_dir: overrides\n"
    (root / "mkdocs.yml").write_text(config.format(cache=root / "cache"), encoding="utf-8")
    (root / "cold.yml").write_text(config.format(cache=root / "cold-cache"), encoding="utf-8")
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


def _cold(root: Path, site: str) -> dict[str, bytes]:
    """The site as a whole build with no cache at all writes it."""
    shutil.rmtree(root / "cold-cache", ignore_errors=True)
    shutil.rmtree(root / site, ignore_errors=True)
    config = load_config(str(root / "cold.yml"), site_dir=str(root / site))
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    assert config.plugins["garden/incremental"].spliced == 0
    return _files(root / site)


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
    after = (tmp_path / "incremental" / "甲" / "index.html").read_text(encoding="utf-8")
    assert '%E7%82%B9%E7%A7%AF/#定义"' in before.decode() and '#定义"' not in after
    assert _files(tmp_path / "incremental") == _cold(tmp_path, "clean")


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
    assert _files(tmp_path / "incremental") == _cold(tmp_path, "clean")


def test_a_build_with_nothing_changed_writes_every_page_into_its_frame(tmp_path: Path) -> None:
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    _site(tmp_path)
    _build(tmp_path, "first", dirty=False)
    frames = len(list((tmp_path / "cache" / "frames").glob("*/*.frame")))
    pages = len(list((tmp_path / "first").rglob("index.html")))
    assert frames == pages > 5  # every page, the listings Garden makes too
    config = _build(tmp_path, "second", dirty=False)
    assert config.plugins["garden/incremental"].spliced == pages
    assert _files(tmp_path / "second") == _cold(tmp_path, "cold") == _files(tmp_path / "first")


HOOK = """
import os

def on_page_markdown(markdown, page, **kwargs):
    page.meta["garden_test"] = os.environ.get("GARDEN_TEST_VALUE", "")
    page.meta["garden_when"] = __import__("datetime").date(2026, 12, 1)
    return markdown

def on_page_context(context, page, **kwargs):
    context["garden_extra"] = [os.environ.get("GARDEN_TEST_EXTRA", "")]
    if os.environ.get("GARDEN_TEST_OBJECT"):
        context["garden_object"] = object()
    return context
"""


def test_what_another_plugin_gives_the_template_is_part_of_the_frame(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    override = (
        '{% extends "base.html" %}{% block footer %}{% if page %}<p>{{ page.meta.garden_test }} '
        "{{ page.meta.garden_when }} {{ garden_extra[0] }}</p>{% endif %}{% endblock %}"
    )
    (tmp_path / "hook.py").write_text(HOOK, encoding="utf-8")
    _site(tmp_path, override, more="hooks:\n  - hook.py\n")
    monkeypatch.setenv("GARDEN_TEST_VALUE", "一")
    _build(tmp_path, "site", dirty=False)
    assert _build(tmp_path, "site", dirty=False).plugins["garden/incremental"].spliced > 5
    for name, value in (("GARDEN_TEST_VALUE", "二"), ("GARDEN_TEST_EXTRA", "三")):
        monkeypatch.setenv(name, value)
        config = _build(tmp_path, "site", dirty=False)
        assert config.plugins["garden/incremental"].spliced == 0
        page = (tmp_path / "site" / "甲" / "index.html").read_text(encoding="utf-8")
        assert "<p>二 2026-12-01 " in page
        assert _files(tmp_path / "site") == _cold(tmp_path, "cold")
    monkeypatch.setenv("GARDEN_TEST_OBJECT", "1")  # a value whose text tells nothing
    _build(tmp_path, "site", dirty=False)
    assert _build(tmp_path, "site", dirty=False).plugins["garden/incremental"].spliced == 0


def test_a_neighbour_s_icon_in_the_navigation_is_seen_by_an_incremental_build(
    tmp_path: Path,
) -> None:
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    vault = _site(tmp_path)
    _build(tmp_path, "incremental", dirty=True)
    text = "---\npublish: true\nicon: material/star\n---\n乙说：见 [[点积#定义]]。\n"
    (vault / "乙.md").write_text(text, encoding="utf-8")
    _build(tmp_path, "incremental", dirty=True)
    assert _files(tmp_path / "incremental") == _cold(tmp_path, "clean")


def _warm_then_cold(root: Path) -> None:
    """A whole build with the cache the builds before left equals one with no cache."""
    _build(root, "site", dirty=False)
    assert _files(root / "site") == _cold(root, "cold")


def test_a_folder_inside_a_closed_folder_is_cut_and_printed_as_shown(tmp_path: Path) -> None:
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    more = "  - garden/connections:\n      nav_limit: 3\ntheme:\n  name: garden\n  features: []\n"
    vault = _site(tmp_path, more=more)
    (vault / "甲" / "乙").mkdir(parents=True)
    for number in range(8):
        text = f"---\npublish: true\n---\n第 {number} 篇。\n"
        (vault / "甲" / "乙" / f"篇{number}.md").write_text(text, encoding="utf-8")
    _build(tmp_path, "site", dirty=False)
    page = (tmp_path / "site" / "丙" / "index.html").read_text(encoding="utf-8")
    assert "篇0" in page and "篇7" not in page  # a closed folder's folders are cut too
    text = "---\npublish: true\ntitle: 改了标题\n---\n第 1 篇。\n"
    (vault / "甲" / "乙" / "篇1.md").write_text(text, encoding="utf-8")
    _warm_then_cold(tmp_path)


HOOK_PAGE = """
import os
from mkdocs.structure.files import File

def on_files(files, config, **kwargs):
    heading = os.environ.get("GARDEN_TEST_HEADING", "外来")
    content = f"---\\ntitle: {heading}\\n---\\n# 固定的标题\\n\\n正文。\\n"
    files.append(File.generated(config, "外来.md", content=content))
    return files
"""
HOOK_LATE = """
import os
from mkdocs.plugins import event_priority

@event_priority(-200)
def on_page_context(context, page, **kwargs):
    context["garden_late"] = os.environ.get("GARDEN_TEST_LATE", "")
    return context
"""


@pytest.mark.parametrize(
    ("hook", "name", "value"),
    [(HOOK_PAGE, "GARDEN_TEST_HEADING", "外来的新标题"), (HOOK_LATE, "GARDEN_TEST_LATE", "晚到")],
)
def test_another_plugin_s_page_and_late_context_values_are_seen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hook: str, name: str, value: str
) -> None:
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    override = '{% extends "base.html" %}{% block footer %}<p>{{ garden_late }}</p>{% endblock %}'
    (tmp_path / "hook.py").write_text(hook, encoding="utf-8")
    _site(tmp_path, override, more="hooks:\n  - hook.py\n")
    _build(tmp_path, "site", dirty=False)
    monkeypatch.setenv(name, value)
    _warm_then_cold(tmp_path)
    page = (tmp_path / "site" / "甲" / "index.html").read_text(encoding="utf-8")
    assert value in page
