"""`<!-- garden/recent -->` in a note: a list of the notes changed most recently."""

from __future__ import annotations

import re
from collections.abc import Callable

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
    """Each directive replaced by a Markdown list of the newest dated `notes`, newest first
    (ties by title); `link_of` gives a note's Markdown link path from the page."""

    def listing(match: re.Match[str]) -> str:
        count = int(match.group(1) or DEFAULT_COUNT)
        return recent_list(notes, count, link_of)

    return DIRECTIVE.sub(listing, markdown)


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
