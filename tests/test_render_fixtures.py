"""Fixture-driven tests of the link layer: a note in, the Markdown for MkDocs and the log out."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES, make_renderer
from fixture_cases import Case, read_cases
from garden.core.note_meta import PublishMode
from garden.core.vault import Vault

NOTE_PATH = "🪄AI漫谈/测试.md"
FRONTMATTER = '---\n{"publish":true}\n---\n'
FRONTMATTER_LINES = FRONTMATTER.count("\n")

CASES = [
    pytest.param(case, id=f"{path.stem}: {case.title}")
    for path in sorted((FIXTURES / "render").glob("*.txt"))
    for case in read_cases(path)
]


@pytest.mark.parametrize("case", CASES)
def test_render(case: Case, vault_dir: Path) -> None:
    (vault_dir / NOTE_PATH).write_text(FRONTMATTER + case.sections["note"], encoding="utf-8")
    vault = Vault.from_directory(vault_dir, PublishMode.EXPLICIT)
    former = ("https://pkm365.github.io/",)
    rendered = make_renderer(vault, former).render(vault.notes[NOTE_PATH])

    assert rendered.markdown.rstrip("\n") == case.sections["markdown"].rstrip("\n")
    log = [
        (d.line - FRONTMATTER_LINES, d.severity.name.lower(), d.message)
        for d in rendered.diagnostics
    ]
    assert len(log) == len(case.log), log
    for (line, severity, message), expected in zip(log, case.log, strict=True):
        assert (line, severity) == expected[:2], message
        assert expected[2] in message
