"""Frontmatter cases: each note file in fixtures/frontmatter beside its expected reading."""

from __future__ import annotations

import json
from typing import Any

import pytest

from conftest import FIXTURES
from mkdocs_garden.core.diagnostics import Severity
from mkdocs_garden.core.note_meta import PublishMode
from mkdocs_garden.core.vault import Vault

FOLDER = FIXTURES / "frontmatter"
EXPECTED: dict[str, dict[str, Any]] = json.loads((FOLDER / "expected.json").read_text("utf-8"))


def test_every_fixture_has_an_expectation() -> None:
    assert sorted(p.name for p in FOLDER.glob("*.md")) == sorted(EXPECTED)


@pytest.mark.parametrize("mode", list(PublishMode))
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_frontmatter(name: str, mode: PublishMode) -> None:
    expected = EXPECTED[name]
    vault = Vault.load(FOLDER, [name], mode)
    note = vault.notes[name]
    errors = [d for d in vault.diagnostics if d.severity is Severity.ERROR]

    assert note.published is expected[mode.value]
    if "error" in expected:
        assert len(errors) == 1
        assert errors[0].path == name and errors[0].line == expected["error_line"]
        assert expected["error"] in errors[0].message and "not published" in errors[0].message
        assert note.body == ""  # fail closed: nothing of a broken note is kept
    else:
        assert errors == []
    for severity in (Severity.WARNING, Severity.INFO):
        found = [(d.line, d.message) for d in vault.diagnostics if d.severity is severity]
        wanted = expected.get(f"{severity.name.lower()}s", [])
        assert len(found) == len(wanted), found
        for (line, message), (wanted_line, wanted_text) in zip(found, wanted, strict=True):
            assert wanted_text in message and line == wanted_line, (line, message)
    for key in ("title", "description", "aliases", "tags", "cssclasses"):
        if key in expected:
            value = getattr(note.info, key)
            assert (list(value) if isinstance(value, tuple) else value) == expected[key]
    if "body" in expected:
        assert note.body == expected["body"]
    if "body_line" in expected:
        assert note.body_line == expected["body_line"]


@pytest.mark.parametrize(
    ("frontmatter", "line", "problem"),
    [
        ('{"a":' * 100_000 + "1" + "}" * 100_000, 2, "nested too deeply"),
        ("x: " + "[" * 100_000 + "]" * 100_000, 2, "not valid YAML"),
        ('{"x": ' + "1" * 5_000 + "}", 2, "cannot be read"),
        ("x: !!int " + "1" * 5_000, 2, "cannot be read"),
        ("? [a]\n: 1", 2, "a key must be text"),
    ],
    ids=["json 100,000 deep", "yaml 100,000 deep", "json huge number", "yaml huge int", "list key"],
)
def test_frontmatter_that_cannot_be_read_is_refused_with_its_line(
    tmp_path: Any, frontmatter: str, line: int, problem: str
) -> None:
    (tmp_path / "n.md").write_text(f"---\n{frontmatter}\n---\n正文\n", encoding="utf-8")
    vault = Vault.load(tmp_path, ["n.md"], PublishMode.EXCLUDE)
    [error] = vault.diagnostics
    assert (error.line, error.severity) == (line, Severity.ERROR)
    assert problem in error.message and "not published" in error.message
    assert not vault.notes["n.md"].published
