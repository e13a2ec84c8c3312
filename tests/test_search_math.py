"""Formulas as the search index reads them: their text, without MathML's markup; the page the
reader gets keeps the MathML."""

from __future__ import annotations

import json
from typing import Any

from mkdocs_garden.core.mathml import mathml_as_text, tex_to_mathml


def test_a_formula_becomes_its_text() -> None:
    formula = tex_to_mathml(r"\sqrt{d_k}", False)
    html = f"<p>除以 {formula} 之后</p>"
    assert "<math" in html
    assert mathml_as_text(html) == "<p>除以 dk 之后</p>"
    assert mathml_as_text("<p>没有公式</p>") == "<p>没有公式</p>"


def test_the_index_has_the_formulas_text_and_the_page_its_mathml(docs_site: Any) -> None:
    index = json.loads((docs_site.site / "search" / "search_index.json").read_text("utf-8"))
    texts = [doc["text"] for doc in index["docs"]]
    assert not any("<math" in text or "<mi>" in text for text in texts)
    assert any("dmodel×dk" in text for text in texts)
    page = docs_site.site / "🪄AI漫谈" / "为什么要除以 √d_k？" / "index.html"
    assert page.read_text(encoding="utf-8").count("<math") > 5
