"""The core turns a vault into pages on its own: with neither MkDocs nor Python-Markdown
importable, and parsing each note exactly once."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from conftest import ROOT, make_site
from mkdocs_garden.core.vault import Vault

NOTE = (
    "---\npublish: true\n---\n# {title}\n\n## 小节\n\n"
    "正文 [[{other}#小节]]。\n\n![[{other}#小节]]\n"
)


def write_vault(folder: Path, count: int) -> None:
    for index in range(count):
        text = NOTE.format(title=f"笔记 {index}", other=f"笔记 {(index + 1) % count}")
        (folder / f"笔记 {index}.md").write_text(text, encoding="utf-8")


def test_each_note_is_parsed_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_vault(tmp_path, 12)
    parsed: list[str] = []
    original = MarkdownIt.parse

    def counting(self: MarkdownIt, src: str, env: Any = None) -> Any:
        parsed.append(src)
        return original(self, src, env)

    monkeypatch.setattr(MarkdownIt, "parse", counting)
    site = make_site(Vault.from_directory(tmp_path))
    pages = [site.page_html(path)[1].html for path in site.notes]  # every page, embeds too
    assert len(parsed) == 12 == len(pages)
    assert all('class="garden-embed"' in html for html in pages)


BLOCKED = ("mkdocs", "markdown", "pymdownx", "material")
SCRIPT = """
import sys
from importlib.abc import MetaPathFinder

class Refuse(MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.split(".")[0] in {blocked!r}:
            raise ImportError(f"{{name}} must not be needed by the core")
        return None

sys.meta_path.insert(0, Refuse())
from pathlib import Path
from mkdocs_garden.core.site import GardenSite, SiteOptions
from mkdocs_garden.core.vault import Vault

vault = Vault.from_directory(Path({vault!r}))
site = GardenSite(vault, list(vault.notes), SiteOptions(lambda text, sep: text.replace(" ", sep)))
urls = {{path: path[:-3] + "/" for path in vault.notes}}
site.resolve_links(urls)
print(site.page_html("笔记 0.md")[1].html)
print(sorted(name for name in sys.modules if name.split(".")[0] in {blocked!r}))
"""


def test_the_core_renders_a_vault_without_mkdocs_or_python_markdown(tmp_path: Path) -> None:
    write_vault(tmp_path, 3)
    script = SCRIPT.format(blocked=BLOCKED, vault=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    html, modules = result.stdout.rsplit("\n", 2)[:2]
    assert modules == "[]"
    assert '<h1 id="笔记-0">笔记 0' in html
    assert '<a href="../笔记 1/#小节">笔记 1 &gt; 小节</a>' in html
    assert '<div class="garden-embed">' in html


def test_a_note_garden_fails_to_render_costs_only_its_own_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_vault(tmp_path, 3)
    (tmp_path / "坏.md").write_text("---\npublish: true\n---\n有 ==高亮== 的笔记\n", "utf-8")

    def broken(*args: Any) -> str:
        raise RuntimeError("a defect")

    from mkdocs_garden.core.page.build import _renderer

    monkeypatch.setitem(_renderer().rules, "mark_open", broken)
    site = make_site(Vault.from_directory(tmp_path))
    [problem] = [d for d in site.take_diagnostics() if d.path == "坏.md"]
    assert "could not be rendered (RuntimeError: a defect)" in problem.message
    assert "有 ==高亮== 的笔记" in site.page_html("坏.md")[1].html
    assert "笔记 1" in site.page_html("笔记 0.md")[1].html
