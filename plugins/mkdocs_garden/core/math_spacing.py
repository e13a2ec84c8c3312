"""TeX's spacing in the MathML latex2mathml writes.

A browser spaces each `<mo>` by MathML's operator dictionary, which disagrees with TeX where
notes meet it most: a bar in `|A|` or `\\|a\\|`, or the slash of `a/b`, is an ordinary
symbol to TeX (no space) but an operator to the dictionary (space on each side), and
`\\operatorname{Var}` comes out as an operator word the dictionary does not know (a thick
space each side: `Var (x)`). Function names (`\\cos`, `\\exp`, `\\operatorname{…}`) get
TeX's own rule instead: a thin space against an ordinary neighbour, none before a parenthesis.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

THIN_SPACE = "0.1667em"
_ORDINARY_SYMBOLS = frozenset("|‖/")
"""Operators to MathML, ordinary symbols to TeX: no space on either side."""
_LARGE = frozenset("∑∏∐∫∬∭∮⋃⋂⋁⋀⨁⨂⨀")
_CLOSING = frozenset(")]}⟩⌉⌋")
_ROWS = frozenset(("math", "mrow", "msqrt", "mtd", "mstyle", "mpadded", "mphantom", "menclose"))
_SCRIPTED = frozenset(("msub", "msup", "msubsup", "munder", "mover", "munderover"))
_ORDINARY = frozenset(("mi", "mn", "mtext", "mfrac", "msqrt", "mroot", "mtable", "mrow"))
_WORTH_A_LOOK = re.compile(r"<mo[^>]*>[|‖/]</mo>|<m[io]>[A-Za-z]{2,}</m[io]>")


def tex_spacing(mathml: str) -> str:
    """`mathml` (one `<math>` element, as XML) spaced as TeX spaces the same formula."""
    if not _WORTH_A_LOOK.search(mathml):
        return mathml
    try:
        root = ET.fromstring(mathml)
    except ET.ParseError:  # not XML after all: left as latex2mathml wrote it
        return mathml
    for element in root.iter("mo"):
        if element.text in _ORDINARY_SYMBOLS:
            element.set("lspace", "0")
            element.set("rspace", "0")
    for row in [element for element in root.iter() if element.tag in _ROWS]:
        _space_function_names(row)
    return ET.tostring(root, encoding="unicode")


def _space_function_names(row: ET.Element) -> None:
    children = list(row)
    spaced: list[ET.Element] = []
    for index, child in enumerate(children):
        core = _core(child)
        if not _is_function_name(core):
            spaced.append(child)
            continue
        if core.tag == "mo":  # the space is written out, as for an identifier
            core.set("lspace", "0")
            core.set("rspace", "0")
        before = children[index - 1] if index else None
        after = children[index + 1] if index + 1 < len(children) else None
        if before is not None and _ends_ordinary(before) and spaced[-1].tag != "mspace":
            spaced.append(_thin_space())
        spaced.append(child)
        if after is not None and _starts_ordinary(after):
            spaced.append(_thin_space())
    if len(spaced) != len(children):
        row[:] = spaced


def _core(element: ET.Element) -> ET.Element:
    """The symbol a scripted element is built on (`sin` in `\\sin^2`)."""
    while element.tag in _SCRIPTED and len(element):
        element = element[0]
    return element


def _is_function_name(element: ET.Element) -> bool:
    """`\\cos` (an identifier of letters in the default font) or `\\operatorname{Var}` (an
    operator word); `\\mathrm{head}` is a name in upright letters, not a function."""
    text = element.text or ""
    if len(text) < 2 or not text.isalpha():
        return False
    return element.tag == "mo" or (element.tag == "mi" and "mathvariant" not in element.attrib)


def _ends_ordinary(element: ET.Element) -> bool:
    core = _core(element)
    if core.tag == "mo":
        text = core.text or ""
        return (
            text in _ORDINARY_SYMBOLS
            or text in _CLOSING
            or text in _LARGE
            or _is_function_name(core)
        )
    return core.tag in _ORDINARY


def _starts_ordinary(element: ET.Element) -> bool:
    core = _core(element)
    if core.tag == "mo":
        return (core.text or "") in _ORDINARY_SYMBOLS or _is_function_name(core)
    return core.tag in _ORDINARY


def _thin_space() -> ET.Element:
    return ET.Element("mspace", {"width": THIN_SPACE})
