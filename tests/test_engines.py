"""Garden on both engines: MkDocs 1.6 and ProperDocs, the maintained drop-in fork of MkDocs 1.x
(MkDocs 2.0 has no plugins, so `mkdocs<2` is pinned)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT
from sitebuild import Build


def _page(page: Path) -> str:
    """The page as the reader gets it, without the line naming the engine."""
    return re.sub(r'<meta name="generator"[^>]*>', "", page.read_text(encoding="utf-8"))


def test_properdocs_builds_the_same_site(docs_site: Build, tmp_path: Path) -> None:
    properdocs = Path(sys.executable).parent / "properdocs"
    site = tmp_path / "site"
    result = subprocess.run(
        [str(properdocs), "build", "--strict", "-f", "mkdocs.yml", "-d", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    ours = {p.relative_to(docs_site.site) for p in docs_site.site.rglob("*") if p.is_file()}
    theirs = {p.relative_to(site) for p in site.rglob("*") if p.is_file()}
    assert theirs == ours
    pages = [p for p in ours if p.suffix == ".html"]
    assert len(pages) > 10
    for page in pages:
        assert _page(site / page) == _page(docs_site.site / page), page
