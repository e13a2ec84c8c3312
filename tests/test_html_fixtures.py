"""Fixture cases with an `--- html` section, built by the real MkDocs + Material: the page's
article must hold the expected HTML fragment (whitespace between tags ignored)."""

from __future__ import annotations

import re
import shutil

import pytest

from conftest import FIXTURE_VAULT, FIXTURES
from fixture_cases import Case, read_cases
from sitebuild import Build, build_site

FRONTMATTER = '---\n{"publish":true}\n---\n'
CASES = [
    (f"{path.stem}-{number}", case)
    for path in sorted((FIXTURES / "render").glob("*.txt"))
    for number, case in enumerate(read_cases(path))
    if "html" in case.sections
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = tmp_path_factory.mktemp("html-fixtures")
    vault = root / "vault"
    shutil.copytree(FIXTURE_VAULT, vault)
    (vault / "cases").mkdir()
    for name, case in CASES:
        (vault / "cases" / f"{name}.md").write_text(FRONTMATTER + case.sections["note"], "utf-8")
    build = build_site(vault, root / "site", strict=False)
    assert build.returncode == 0, build.log
    return build


def normalise(html: str) -> str:
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", html)).strip()


@pytest.mark.parametrize(("name", "case"), CASES, ids=[name for name, _ in CASES])
def test_html(name: str, case: Case, built: Build) -> None:
    page = (built.site / "cases" / name / "index.html").read_text(encoding="utf-8")
    article = page[page.index("<article") : page.index("</article>")]
    assert normalise(case.sections["html"]) in normalise(article), article


def test_inline_tags_are_listed_on_the_tags_index(built: Build) -> None:
    index = (built.site / "标签/index.html").read_text(encoding="utf-8")
    assert 'id="tag:行内专有"' in index and 'id="tag:ai注意力"' in index
