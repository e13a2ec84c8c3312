"""Heading anchors: the ids a note's headings get (the site's slugify, made unique as the
table of contents makes them), and the heading an Obsidian `#heading#subheading` path names."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .page.model import Heading
from .text import fold

Slugify = Callable[[str, str], str]
"""Python-Markdown's toc signature: `slugify(text, separator)`, called positionally."""

# Obsidian compares headings with these characters read as spaces.
_LINK_UNSAFE = re.compile(r"[!\"#$%&()*+,.:;<=>?@^`{|}~/\[\]\\\s]+")
_NUMBERED = re.compile(r"^(.*)_([0-9]+)$")


def heading_key(text: str) -> str:
    """A heading as Obsidian matches it: case-insensitive, punctuation as spaces."""
    return " ".join(_LINK_UNSAFE.sub(" ", fold(text)).split())


class UniqueIds:
    """Ids made unique as Python-Markdown's toc makes them: `x`, `x_1`, `x_2`…"""

    def __init__(self) -> None:
        self.used: set[str] = set()
        self._next: dict[str, int] = {}

    def __call__(self, wanted: str) -> str:
        candidate = wanted
        if candidate in self.used or not candidate:
            numbered = _NUMBERED.match(candidate)
            base, count = (numbered.group(1), int(numbered.group(2))) if numbered else (wanted, 0)
            count = max(count, self._next.get(base, 0))
            while candidate in self.used or not candidate:
                count += 1
                candidate = f"{base}_{count}"
            self._next[base] = count
        self.used.add(candidate)
        return candidate


class HeadingAnchors:
    """The headings of one note, for finding the one a link names."""

    def __init__(self, headings: Sequence[Heading]) -> None:
        self.headings = list(headings)
        self.ids = [h.id for h in self.headings]
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


def _is_subsequence(needle: list[str], haystack: list[set[str]]) -> bool:
    """Whether each of `needle` names a heading of `haystack`, in order."""
    remaining = iter(haystack)
    return all(any(item in keys for keys in remaining) for item in needle)
