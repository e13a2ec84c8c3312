"""Code blocks as Material shows them: highlighted by Pygments in the markup pymdownx.highlight
writes (`div.highlight > pre > code`, an anchor per line for Material's line links and copy
button), and Mermaid diagrams as Material's `pre.mermaid` element."""

from __future__ import annotations

import html
from functools import lru_cache

from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexer import Lexer
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

MERMAID = "mermaid"
LINE_ANCHORS = "__codelineno"


def code_block(source: str, language: str, number: int) -> str:
    """The `number`-th code block of a page (line anchors are numbered by block)."""
    if language == MERMAID:
        diagram = html.escape(source.rstrip("\n"), quote=False)
        return f'<pre class="mermaid"><code>{diagram}</code></pre>\n'
    return str(highlight(source, _lexer(language.lower()), _formatter(number)))


@lru_cache(maxsize=64)
def _formatter(number: int) -> HtmlFormatter[str]:
    """The formatter of a page's `number`-th code block: made once, its style read once."""
    return HtmlFormatter(
        cssclass="highlight",
        wrapcode=True,
        lineanchors=f"{LINE_ANCHORS}-{number}",
        anchorlinenos=True,
    )


@lru_cache(maxsize=256)
def _lexer(language: str) -> Lexer:
    try:
        return get_lexer_by_name(language or "text", stripnl=False)
    except ClassNotFound:
        return get_lexer_by_name("text", stripnl=False)
