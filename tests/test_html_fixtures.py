"""The render fixtures again, through a real MkDocs + Material build: each case's page must
hold the HTML the core renders for it. Each case is a note in the folder of the core's test
note, so that its links resolve alike; URLs are compared as the pages they reach, and both
sides are read through the sanitiser the site applies, so only what the reader gets is
compared."""

from __future__ import annotations

import posixpath
import re
import shutil
from urllib.parse import unquote, urlsplit

import pytest

from conftest import FIXTURE_VAULT, FIXTURES
from fixture_cases import Case, read_cases
from mkdocs_garden.core.sanitize import sanitize_html
from sitebuild import Build, build_site

FRONTMATTER = '---\n{"publish":true}\n---\n'
FOLDER = "🪄AI漫谈"
CORE_PAGE = f"{FOLDER}/测试/"  # where test_render_fixtures renders each note
CASES = [
    (f"{path.stem}-{number}", case)
    for path in sorted((FIXTURES / "render").glob("*.txt"))
    for number, case in enumerate(read_cases(path))
    # A case that names the core's own page (an embed cycle through it) or renders with
    # strict line breaks is checked by the core tests only.
    if "测试" not in case.sections["html"] and "strict" not in case.sections
]
_URL = re.compile(r'\b(href|src|data)="([^"]*)"')


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = tmp_path_factory.mktemp("html-fixtures")
    vault = root / "vault"
    shutil.copytree(FIXTURE_VAULT, vault)
    for name, case in CASES:
        (vault / FOLDER / f"{name}.md").write_text(FRONTMATTER + case.sections["note"], "utf-8")
    build = build_site(vault, root / "site", strict=False, site_url="https://example.org/garden/")
    assert build.returncode == 0, build.log
    return build


def normalise(html: str, page: str) -> str:
    """`html` as the reader gets it, its URLs as site paths, whitespace between tags gone."""

    def absolute(match: re.Match[str]) -> str:
        parts = urlsplit(match.group(2))
        if parts.scheme or parts.netloc or not parts.path:
            return match.group(0)
        path = posixpath.normpath(posixpath.join(page, unquote(parts.path)))
        fragment = f"#{unquote(parts.fragment)}" if parts.fragment else ""
        return f'{match.group(1)}="/{path}{fragment}"'

    text = _URL.sub(absolute, sanitize_html(html))
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", text)).strip()


@pytest.mark.parametrize(("name", "case"), CASES, ids=[name for name, _ in CASES])
def test_html(name: str, case: Case, built: Build) -> None:
    page = (built.site / FOLDER / name / "index.html").read_text(encoding="utf-8")
    article = page[page.index("<article") : page.index("</article>")]
    expected = normalise(case.sections["html"], CORE_PAGE)
    assert expected in normalise(article, f"{FOLDER}/{name}/"), article


def test_inline_tags_are_listed_on_the_tags_index(built: Build) -> None:
    index = (built.site / "标签/index.html").read_text(encoding="utf-8")
    assert 'id="tag:行内专有"' in index and 'id="tag:ai注意力"' in index
