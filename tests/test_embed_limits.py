"""Embeds that nest too deep stop, naming the chain; each level renders its own source."""

from __future__ import annotations

from pathlib import Path

from conftest import make_site
from mkdocs_garden.core.vault import Vault

FRONTMATTER = '---\n{"publish":true}\n---\n'


def test_deep_embeds_stop_at_the_limit_with_the_chain(tmp_path: Path) -> None:
    for level in range(12):
        (tmp_path / f"层{level}.md").write_text(
            f"{FRONTMATTER}第 {level} 层\n\n![[层{level + 1}]]\n", encoding="utf-8"
        )
    (tmp_path / "层12.md").write_text(f"{FRONTMATTER}最深处\n", encoding="utf-8")
    vault = Vault.from_directory(tmp_path)

    _, filled = make_site(vault).page_html("层0.md")

    assert filled.html.count('<div class="garden-embed"') == 8
    assert "第 8 层" in filled.html and "最深处" not in filled.html
    warnings = [d for d in filled.diagnostics if "nested deeper than 8" in d.message]
    assert len(warnings) == 1
    assert warnings[0].path == "层8.md" and warnings[0].line == 6
    assert "层0.md# → 层1.md# → " in warnings[0].message
