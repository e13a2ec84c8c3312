"""Frontmatter cases: each note file in fixtures/frontmatter beside its expected reading."""

from __future__ import annotations

import json
from typing import Any

import pytest

from conftest import FIXTURES
from garden.core.diagnostics import Severity
from garden.core.note_meta import PublishMode
from garden.core.vault import Vault

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
    warnings = [d for d in vault.diagnostics if d.severity is Severity.WARNING]

    assert note.published is expected[mode.value]
    if "error" in expected:
        assert len(errors) == 1
        assert errors[0].path == name and errors[0].line == expected["error_line"]
        assert expected["error"] in errors[0].message and "not published" in errors[0].message
        assert note.body == ""  # fail closed: nothing of a broken note is kept
    else:
        assert errors == []
    assert [
        w for w in warnings if not any(x in w.message for x in expected.get("warnings", []))
    ] == []
    assert len(warnings) >= len(expected.get("warnings", []))
    for key in ("title", "aliases", "tags", "cssclasses"):
        if key in expected:
            value = getattr(note.info, key)
            assert (list(value) if isinstance(value, tuple) else value) == expected[key]
    if "body" in expected:
        assert note.body == expected["body"]
    if "body_line" in expected:
        assert note.body_line == expected["body_line"]
