"""`<!-- garden/recent -->` in a note: a list of the notes changed most recently."""

from __future__ import annotations

import re
from collections.abc import Callable

from markdown_it import MarkdownIt

from ..markup import markdown_link
from ..text import fold
from .dates import chinese_date
from .folders import ListedNote

DIRECTIVE = re.compile(r"<!--\s*garden/recent(?:\s+(\d+))?\s*-->")
DEFAULT_COUNT = 10
NO_DATES = "还没有带日期的笔记（在 frontmatter 里写 created 或 modified）。"


def has_recent_directive(markdown: str) -> bool:
    return "garden/recent" in markdown and DIRECTIVE.search(markdown) is not None


def fill_recent(markdown: str, notes: list[ListedNote], link_of: Callable[[str], str]) -> str:
    """Each directive standing as a block of its own (not one quoted in code) replaced by a
    Markdown list of the newest dated `notes`, newest first, ties by title; `link_of` gives
    a note's Markdown link path from the page."""
    lines = markdown.split("\n")
    for token in reversed(MarkdownIt("commonmark").parse(markdown)):
        match = DIRECTIVE.fullmatch(token.content.strip())
        if token.type != "html_block" or token.map is None or match is None:
            continue
        count = int(match.group(1) or DEFAULT_COUNT)
        first, end = token.map
        lines[first:end] = recent_list(notes, count, link_of).split("\n")
    return "\n".join(lines)


def recent_list(notes: list[ListedNote], count: int, link_of: Callable[[str], str]) -> str:
    dated = [(note.dates.latest, note) for note in notes if note.dates.latest is not None]
    if not dated:
        return NO_DATES
    dated.sort(key=lambda item: (-item[0].toordinal(), fold(item[1].title), item[1].path))
    lines = [
        f"- {markdown_link(note.title, link_of(note.path))} "
        f'<span class="garden-date">{chinese_date(day)}</span>'
        for day, note in dated[:count]
    ]
    return "\n" + "\n".join(lines) + "\n"
