"""Heading anchors: the ids the site's table of contents gives a note's headings, and the
heading that an Obsidian `#heading#subheading` path names."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Sequence

from markdown.extensions.toc import unique

from .markdown.scan import Heading
from .text import fold

Slugify = Callable[[str, str], str]
"""Python-Markdown's toc signature: `slugify(text, separator)`, called positionally."""

_LINK_UNSAFE = re.compile(r"[#|^:%\[\]\\\s]+")
# Recent Python-Markdown (3.11 here) takes a cache of the suffixes a repeated id has used: without
# it, the n-th heading of the same name tries n suffixes.
_UNIQUE_COUNTERS = "counters" in inspect.signature(unique).parameters


def heading_key(text: str) -> str:
    """Headings as Obsidian matches them: case-insensitive, link-unsafe characters as spaces."""
    return _LINK_UNSAFE.sub(" ", fold(text)).strip()


class HeadingAnchors:
    def __init__(self, headings: Sequence[Heading], slugify: Slugify, separator: str) -> None:
        used: set[str] = set()
        counters: dict[str, int] = {}
        self.headings = list(headings)
        self.ids: list[str] = [
            unique(slugify(h.text, separator), used, counters)
            if _UNIQUE_COUNTERS
            else unique(slugify(h.text, separator), used)
            for h in self.headings
        ]
        self.keys = [{heading_key(h.text), heading_key(h.source)} for h in self.headings]

    def find(self, path: Sequence[str]) -> str | None:
        """The id of the heading named by `path` (outermost first), or None."""
        index = self.find_index(path)
        if index is not None:
            return self.ids[index]
        return path[0] if len(path) == 1 and path[0] in self.ids else None

    def find_index(self, path: Sequence[str]) -> int | None:
        """Which heading `path` names: the first whose ancestors include the outer parts."""
        wanted = [heading_key(part) for part in path]
        ancestors: list[tuple[int, set[str]]] = []
        for index, (heading, keys) in enumerate(zip(self.headings, self.keys, strict=True)):
            while ancestors and ancestors[-1][0] >= heading.level:
                ancestors.pop()
            if wanted[-1] in keys and _is_subsequence(wanted[:-1], [k for _, k in ancestors]):
                return index
            ancestors.append((heading.level, keys))
        return None

    def section_end(self, index: int) -> int | None:
        """The line of the next heading of the same or a higher level (None: the note's end)."""
        level = self.headings[index].level
        following = (h.line for h in self.headings[index + 1 :] if h.level <= level)
        return next(following, None)


def _is_subsequence(needle: list[str], haystack: list[set[str]]) -> bool:
    """Whether each of `needle` names a heading of `haystack`, in order."""
    remaining = iter(haystack)
    return all(any(item in keys for keys in remaining) for item in needle)
