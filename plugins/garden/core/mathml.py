"""TeX to MathML at build time, so that browsers draw math natively with no script."""

from __future__ import annotations

import re
from functools import lru_cache

import latex2mathml.converter

_UNKNOWN_COMMAND = re.compile(r"<mi>(\\[A-Za-z]+)</mi>")


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
        raise MathError(f"cannot convert TeX '{tex.strip()}': {detail}") from None
    unknown = _UNKNOWN_COMMAND.search(mathml)
    if unknown:
        raise MathError(f"unknown TeX command {unknown.group(1)} in '{tex.strip()}'")
    return mathml


def _check_braces(tex: str) -> None:
    depth = 0
    for match in re.finditer(r"\\.|[{}]", tex):
        token = match.group(0)
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
            if depth < 0:
                raise MathError(f"unbalanced '}}' in TeX '{tex.strip()}'")
    if depth:
        raise MathError(f"unclosed '{{' in TeX '{tex.strip()}'")
