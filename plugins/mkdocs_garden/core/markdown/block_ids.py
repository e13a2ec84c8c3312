"""Obsidian block ids: ` ^id` at the end of a paragraph or list item names that block; `^id`
alone, as a paragraph of its own after a list, table, quote, callout or code block, names that
whole block. The marker leaves the text; the block's opening token carries
`meta["block_id"]`, which the renderer writes as the element's `id="^id"`.

Ids are ASCII letters, digits and `-`, as Obsidian makes them.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

BLOCK_ID = "block_id"
_AT_END = re.compile(r"(?:^|[ \t])\^([A-Za-z0-9-]+)[ \t]*$")
_ALONE = re.compile(r"\^([A-Za-z0-9-]+)")


def block_ids_plugin(md: MarkdownIt) -> None:
    md.core.ruler.after("inline", "block_ids", _block_ids)


def _block_ids(state: StateCore) -> None:
    tokens = state.tokens
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "inline" and index and tokens[index - 1].type == "paragraph_open":
            if _standalone(tokens, index):
                continue  # the paragraph is gone; the same index now holds what followed
            _at_end(tokens, index)
        index += 1


def _standalone(tokens: list[Token], index: int) -> bool:
    """`^id` as a paragraph of its own: it names the block before it, which it leaves."""
    match = _ALONE.fullmatch(tokens[index].content.strip())
    opening = tokens[index - 1]
    previous = _previous_block(tokens, index - 1)
    if match is None or previous is None or opening.hidden:
        return False
    previous.meta[BLOCK_ID] = match.group(1)
    del tokens[index - 1 : index + 2]
    return True


def _previous_block(tokens: list[Token], index: int) -> Token | None:
    """The opening token of the block just before `tokens[index]` at the same level."""
    if index == 0:
        return None
    before = tokens[index - 1]
    if before.nesting == 0:
        return before if before.block and before.type != "inline" else None
    if before.nesting == 1:
        return None  # the paragraph opens its container: nothing before it there
    depth = 0
    for position in range(index - 1, -1, -1):
        depth += tokens[position].nesting
        if depth == 0:
            return tokens[position]
    return None


def _at_end(tokens: list[Token], index: int) -> None:
    """` ^id` ending a paragraph: it names the paragraph, or the list item the paragraph
    opens."""
    inline = tokens[index]
    children = inline.children or []
    last = children[-1] if children else None
    if last is None or last.type != "text":
        return
    match = _AT_END.search(last.content)
    if match is None:
        return
    last.content = last.content[: match.start()].rstrip(" \t")
    if not last.content:
        children.pop()
        if children and children[-1].type == "softbreak":
            children.pop()
    target = _list_item_opened_by(tokens, index - 1) or tokens[index - 1]
    target.meta[BLOCK_ID] = match.group(1)


def _list_item_opened_by(tokens: list[Token], paragraph: int) -> Token | None:
    before = tokens[paragraph - 1] if paragraph else None
    return before if before is not None and before.type == "list_item_open" else None
