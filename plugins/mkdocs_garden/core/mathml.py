"""TeX to MathML at build time, so that browsers draw math natively with no script."""

from __future__ import annotations

import re
from functools import lru_cache

import latex2mathml.converter

from .math_spacing import tex_spacing
from .sanitize import sanitize_html

_UNKNOWN_COMMAND = re.compile(r"<mi>(\\[A-Za-z]+)</mi>")
_NAMESPACE = ' xmlns="http://www.w3.org/1998/Math/MathML"'
_ENTITY = re.compile(r"&#x([0-9A-Fa-f]+);")
_UPRIGHT_RUN = re.compile(r'(?:<mi mathvariant="normal">[^<]</mi>){2,}')
_UPRIGHT_LETTER = re.compile(r'<mi mathvariant="normal">([^<])</mi>')
_MARKUP = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}


class MathError(ValueError):
    pass


@lru_cache(maxsize=8192)
def tex_to_mathml(tex: str, display: bool) -> str:
    """MathML for `tex`; raises MathError for TeX that would not render as written."""
    _check_braces(tex)
    try:
        mathml = latex2mathml.converter.convert(tex, display="block" if display else "inline")
    except Exception as error:  # latex2mathml raises many unrelated types
        detail = str(error) or type(error).__name__
        raise MathError(f"cannot convert TeX '{_shown(tex)}': {detail}") from None
    unknown = _UNKNOWN_COMMAND.search(mathml)
    if unknown:
        raise MathError(f"unknown TeX command {unknown.group(1)} in '{_shown(tex)}'")
    # latex2mathml writes `\\text{…}` as it is and keeps `\\href` targets: what it gives is
    # cleaned like a note's own HTML, so no formula can carry markup or a script URL.
    return sanitize_html(tex_spacing(_compact(mathml)))


def _compact(mathml: str) -> str:
    """latex2mathml's output, lighter for the page and the search index, drawn the same: no
    namespace (HTML puts `<math>` in it), characters instead of numeric entities, and an
    upright word (`\\mathrm{softmax}`) as one identifier instead of one per letter."""
    mathml = mathml.replace(_NAMESPACE, "", 1)
    mathml = _ENTITY.sub(lambda m: _character(int(m.group(1), 16)), mathml)
    return _UPRIGHT_RUN.sub(_one_identifier, mathml)


def _character(code: int) -> str:
    char = chr(code)
    return _MARKUP.get(char, char)


def _one_identifier(run: re.Match[str]) -> str:
    word = "".join(_UPRIGHT_LETTER.findall(run.group(0)))
    return f'<mi mathvariant="normal">{word}</mi>'


def _shown(tex: str) -> str:
    """TeX for a message: as written, or its start when it is long."""
    tex = " ".join(tex.split())
    return tex if len(tex) <= 80 else tex[:79] + "…"


def _check_braces(tex: str) -> None:
    depth = 0
    for match in re.finditer(r"\\.|[{}]", tex):
        token = match.group(0)
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
            if depth < 0:
                raise MathError(f"unbalanced '}}' in TeX '{_shown(tex)}'")
    if depth:
        raise MathError(f"unclosed '{{' in TeX '{_shown(tex)}'")


_MATH_ELEMENT = re.compile(r"<math\b[^>]*>.*?</math>", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")


def mathml_as_text(html: str) -> str:
    """`html` with each formula reduced to its text (`dk` for √d_k), which is all a search
    index keeps of it, at a fraction of the markup for the indexer to parse."""
    return _MATH_ELEMENT.sub(lambda m: _TAG.sub("", m.group(0)), html)
