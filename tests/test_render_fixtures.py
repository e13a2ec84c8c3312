"""Fixture-driven tests of the renderer, in the style of mdit-py-plugins: a note in, the HTML
of its page and the log out. Each note is rendered inside the fixture vault (tests/fixtures/
vault), so its links have notes, headings, blocks and files to reach."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import FIXTURES, make_site
from fixture_cases import Case, read_cases
from mkdocs_garden.core.note_meta import PublishMode
from mkdocs_garden.core.vault import Vault

NOTE_PATH = "🪄AI漫谈/测试.md"
FRONTMATTER = '---\n{"publish":true}\n---\n'
FRONTMATTER_LINES = FRONTMATTER.count("\n")

CASES = [
    pytest.param(case, id=f"{path.stem}: {case.title}")
    for path in sorted((FIXTURES / "render").glob("*.txt"))
    for case in read_cases(path)
]


def render(
    note: str, vault_dir: Path, *, breaks: bool = True
) -> tuple[str, list[tuple[int, str, str]]]:
    """The filled HTML of `note` at NOTE_PATH, and the log of its problems."""
    (vault_dir / NOTE_PATH).write_text(FRONTMATTER + note, encoding="utf-8")
    vault = Vault.from_directory(vault_dir, PublishMode.EXPLICIT)
    site = make_site(vault, ("https://pkm365.github.io/",), breaks=breaks)
    _, filled = site.page_html(NOTE_PATH)
    found = [d for d in site.take_diagnostics() if d.path == NOTE_PATH] + filled.diagnostics
    log = [(d.line - FRONTMATTER_LINES, d.severity.name.lower(), d.message) for d in found]
    return filled.html, sorted(log)


def normalise(html: str) -> str:
    return re.sub(r">\s+<", "><", html.strip())


@pytest.mark.parametrize("case", CASES)
def test_render(case: Case, vault_dir: Path) -> None:
    strict = "strict" in case.sections
    html, log = render(case.sections["note"], vault_dir, breaks=not strict)
    assert normalise(html) == normalise(case.sections["html"])
    assert len(log) == len(case.log), log
    for (line, severity, message), expected in zip(log, sorted(case.log), strict=True):
        assert (line, severity) == expected[:2], message
        assert expected[2] in message
