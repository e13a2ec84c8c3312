"""Obsidian callouts (`> [!tip]- 标题`) as Material admonitions, so they look native to the theme.

A blockquote whose first line is `[!type]` becomes `!!! type "title"` (`???` folded,
`???+` foldable and open, from pymdownx.details) with its body indented beneath; nested callouts
are converted from the outside in. Runs on the Markdown the link layer produced.
"""

from __future__ import annotations

import re

from markdown_it.token import Token

from .parser import PARSE_BLOCKS_ONLY, gc_paused, obsidian_parser

# Obsidian's callout types and aliases; Material styles each of these as an admonition.
KNOWN_TYPES = frozenset(
    (
        *("note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important"),
        *("success", "check", "done", "question", "help", "faq", "warning", "caution"),
        *("attention", "failure", "fail", "missing", "danger", "error", "bug", "example"),
        *("quote", "cite"),
    )
)
NEUTRAL_TYPE = "note"
MAX_NESTING = 12
_HEADER = re.compile(r"\[!([^\[\]\s]+)\]([+-]?)[ \t]*(.*)")
_MARKER = re.compile(r"[ \t]*>[ \t]?")
# Bracket classes exclude the opening bracket too: a run of `[` or `<` stays linear.
_LINK = re.compile(r"!?\[([^\[\]]*)\]\([^()]*\)(?:\{[^{}]*\})?")
_TAG = re.compile(r"<[^<>]+>")


def render_callouts(markdown: str) -> str:
    for _ in range(MAX_NESTING):
        if "[!" not in markdown:  # nothing left that could be a callout: no parse needed
            break
        with gc_paused():
            converted = _convert_outermost(markdown)
        if converted == markdown:
            break
        markdown = converted
    return markdown


def _convert_outermost(markdown: str) -> str:
    # Only the blocks matter here: inline content is left unparsed.
    tokens = obsidian_parser().parse(markdown, {PARSE_BLOCKS_ONLY: True})
    found: list[tuple[int, int, int, re.Match[str]]] = []
    depth = 0
    for index, token in enumerate(tokens):
        if token.type == "blockquote_open":
            callout = _header(tokens, index)
            outside = not found or token.map is None or token.map[0] >= found[-1][1]
            if callout and token.map and outside:  # nested ones wait for the next round
                found.append((token.map[0], token.map[1], depth, callout))
            depth += 1
        elif token.type == "blockquote_close":
            depth -= 1
    if not found:
        return markdown
    lines = markdown.split("\n")
    # Later blocks first, into a list of parts: splicing each block into `lines` in place
    # would move the rest of the note once per callout.
    parts: list[list[str]] = []
    end = len(lines)
    head = ""
    for first, last, level, callout in reversed(found):
        block = _admonition(lines[first:last], level, callout)
        # Python-Markdown starts an admonition only after a blank line, and ends it at one.
        kept = _split_prefix(lines[first], level)[0].rstrip()
        following = head if last == end and parts else lines[last] if last < len(lines) else ""
        before = [kept] if first > 0 and lines[first - 1].strip(" >") else []
        after = [kept] if following.strip(" >") else []
        parts += [lines[last:end], [*before, *block, *after]]
        head, end = parts[-1][0], first
    parts.append(lines[:end])
    return "\n".join(line for part in reversed(parts) for line in part)


def _header(tokens: list[Token], index: int) -> re.Match[str] | None:
    following = tokens[index + 1 : index + 3]
    if len(following) < 2 or following[0].type != "paragraph_open":
        return None
    return _HEADER.fullmatch(following[1].content.split("\n", 1)[0].strip())


def _admonition(lines: list[str], depth: int, header: re.Match[str]) -> list[str]:
    kind, fold, title = header.group(1).lower(), header.group(2), _plain(header.group(3))
    classes = kind if kind in KNOWN_TYPES else f"{NEUTRAL_TYPE} garden-callout-{_css(kind)}"
    opener = {"-": "???", "+": "???+"}.get(fold, "!!!")
    result = []
    for number, line in enumerate(lines):
        kept, rest = _split_prefix(line, depth)
        if number == 0:
            result.append(f"{kept}{opener} {classes}" + (f' "{title}"' if title else ""))
        else:
            result.append(f"{kept}    {rest}".rstrip() if rest.strip() else kept.rstrip())
    return result


def _split_prefix(line: str, depth: int) -> tuple[str, str]:
    """The outer containers' prefix (kept) and the text after this callout's own `>`."""
    position = 0
    for _ in range(depth):
        marker = _MARKER.match(line, position)
        if marker is None:
            break
        position = marker.end()
    kept = line[:position]
    own = _MARKER.match(line, position)
    if own is None:  # a lazy continuation line
        return kept, line[position:].lstrip()
    indent = own.group(0)[: len(own.group(0)) - len(own.group(0).lstrip())]
    return kept + indent, line[own.end() :]


def _plain(title: str) -> str:
    """Admonition titles are plain text: keep link texts, drop markup and double quotes."""
    title = _TAG.sub("", _LINK.sub(r"\1", title))
    # Brackets left are text; escaped, Python-Markdown does not try each as a link (which
    # costs it time quadratic in their number).
    title = title.replace("[", "\\[").replace("]", "\\]")
    return title.replace('"', "\u201d").strip()


def _css(kind: str) -> str:
    return re.sub(r"[^\w-]", "-", kind)
