"""`garden.mdx.mathml`: `$...$` and `$$...$$` rendered to MathML when the page is built.

`pymdownx.arithmatex` (generic mode) finds the math, with its rules for escapes and dollars;
a postprocessor then replaces its output with MathML, so no math script is ever loaded.
"""

from __future__ import annotations

import html
import logging
import re
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from pymdownx.arithmatex import ArithmatexExtension

from garden.core.mathml import MathError, tex_to_mathml

log = logging.getLogger("mkdocs.plugins.garden.mathml")

_ARITHMATEX = re.compile(
    r'<span class="arithmatex">\\\((?P<inline>.*?)\\\)</span>'
    r'|<div class="arithmatex">\\\[(?P<block>.*?)\\\]</div>',
    re.DOTALL,
)


class MathMLPostprocessor(Postprocessor):
    def run(self, text: str) -> str:
        if "arithmatex" not in text:
            return text
        return _ARITHMATEX.sub(_replace, text)


def _replace(match: re.Match[str]) -> str:
    display = match.group("block") is not None
    tex = html.unescape(match.group("block") if display else match.group("inline"))
    try:
        mathml = tex_to_mathml(tex, display)
    except MathError as error:
        # The obsidian plugin reports the file and line; here the reader sees the source.
        log.debug(str(error))
        mathml = f'<code class="garden-math-error">{html.escape(tex)}</code>'
    return f'<div class="garden-math">{mathml}</div>' if display else mathml


class MathMLExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        ArithmatexExtension(generic=True).extendMarkdown(md)
        md.postprocessors.register(MathMLPostprocessor(md), "garden_mathml", 25)


def makeExtension(**kwargs: Any) -> MathMLExtension:
    return MathMLExtension(**kwargs)
