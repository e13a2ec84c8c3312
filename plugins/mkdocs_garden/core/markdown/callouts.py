"""Obsidian callouts, `> [!tip]- 标题`: a blockquote whose first line names a type.

A core rule, run after the blocks are parsed and before their inline content is: it turns
each such blockquote (at any depth: in a list item, in another callout, indented up to three
spaces, as CommonMark allows any blockquote) into `callout_open`/`callout_close` tokens, and
its first line into a `callout_title` holding inline content, so that links and formatting in
a title render like any other text. `-` folds the callout, `+` makes it foldable and open.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

# Obsidian's callout types and their aliases; Material styles each of these as an admonition.
KNOWN_TYPES = frozenset(
    (
        *("note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important"),
        *("success", "check", "done", "question", "help", "faq", "warning", "caution"),
        *("attention", "failure", "fail", "missing", "danger", "error", "bug", "example"),
        *("quote", "cite"),
    )
)
NEUTRAL_TYPE = "note"
_HEADER = re.compile(r"\[!([^\[\]\s]+)\]([+-]?)[ \t]*(.*)")
_NOT_IN_CLASS = re.compile(r"[^\w-]")


@dataclass(frozen=True)
class Callout:
    kind: str
    """The type as written, in lower case."""
    fold: str
    """`-` folded, `+` foldable and open, empty for a callout that does not fold."""

    @property
    def classes(self) -> str:
        """Material's admonition classes: known types as they are, others as a neutral note."""
        if self.kind in KNOWN_TYPES:
            return self.kind
        return f"{NEUTRAL_TYPE} garden-callout-{_NOT_IN_CLASS.sub('-', self.kind)}"

    @property
    def default_title(self) -> str:
        return self.kind[:1].upper() + self.kind[1:]


def callouts_plugin(md: MarkdownIt) -> None:
    md.core.ruler.after("block", "callouts", _callouts)


def _callouts(state: StateCore) -> None:
    tokens = state.tokens
    index = 0
    while index < len(tokens):
        if tokens[index].type == "blockquote_open":
            _convert(tokens, index)
        index += 1


def _convert(tokens: list[Token], index: int) -> None:
    """Turn the blockquote opening at `index` into a callout, if its first line says so."""
    if index + 2 >= len(tokens) or tokens[index + 1].type != "paragraph_open":
        return
    paragraph, inline = tokens[index + 1], tokens[index + 2]
    first_line, _, rest = inline.content.partition("\n")
    header = _HEADER.fullmatch(first_line.strip())
    if header is None:
        return
    opening = tokens[index]
    closing = _closing(tokens, index)
    callout = Callout(header.group(1).lower(), header.group(2))
    for token, kind in ((opening, "callout_open"), (closing, "callout_close")):
        token.type, token.tag = kind, "details" if callout.fold else "div"
        token.meta = {**(token.meta or {}), "callout": callout}
    title = _title_tokens(opening, header.group(3).strip() or callout.default_title, callout)
    if rest.strip():
        inline.content = rest
        if paragraph.map is not None:
            paragraph.map = [paragraph.map[0] + 1, paragraph.map[1]]
        tokens[index + 1 : index + 1] = title
    else:  # the title line was the whole first paragraph
        tokens[index + 1 : index + 4] = title


def _closing(tokens: list[Token], index: int) -> Token:
    depth = 0
    for token in tokens[index:]:
        if token.type == "blockquote_open":
            depth += 1
        elif token.type == "blockquote_close":
            depth -= 1
            if depth == 0:
                return token
    raise AssertionError("a blockquote without its end")


def _title_tokens(opening: Token, title: str, callout: Callout) -> list[Token]:
    tag = "summary" if callout.fold else "p"
    level = opening.level + 1
    title_open = Token("callout_title_open", tag, 1, map=opening.map, level=level, block=True)
    inline = Token("inline", "", 0, map=opening.map, level=level + 1, content=title, block=True)
    inline.children = []
    title_close = Token("callout_title_close", tag, -1, level=level, block=True)
    return [title_open, inline, title_close]
