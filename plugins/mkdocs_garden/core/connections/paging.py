"""A long listing (a folder's notes, a tag's) over several pages, so that no page grows with
the vault: the first where the listing's page is, the rest in `page/2.md`, `page/3.md`… beside
it, each with links to the pages before and after."""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from typing import TypeVar

from ..markup import markdown_link
from ..urls import quote_path

CONTINUATION = "page"
Item = TypeVar("Item")


def paged(first: str, items: Sequence[Item], page_size: int) -> list[tuple[str, Sequence[Item]]]:
    """Each page of the listing whose first page is `first` (`a/index.md`): its path and its
    share of `items`; one page when `page_size` is 0."""
    size = page_size if page_size > 0 else max(len(items), 1)
    chunks = [items[i : i + size] for i in range(0, len(items), size)] or [items]
    folder = posixpath.dirname(first)
    paths = [first] + [
        posixpath.join(folder, CONTINUATION, f"{number}.md") for number in range(2, len(chunks) + 1)
    ]
    return list(zip(paths, chunks, strict=True))


def is_continuation(path: str) -> bool:
    """Whether a generated listing page goes on from the listing's first (`page/2.md`)."""
    parent, name = posixpath.split(path)
    return posixpath.basename(parent) == CONTINUATION and name.removesuffix(".md").isdigit()


def numbered(path: str, paths: Sequence[str]) -> str:
    """What a page's heading adds after the first page of a listing: `（第 2 页）`."""
    number = paths.index(path) + 1
    return f"（第 {number} 页）" if number > 1 else ""


def pager(path: str, paths: Sequence[str]) -> str:
    """The line under a page of the listing: where it is, and links to its neighbours; empty
    for a listing of one page."""
    if len(paths) < 2:
        return ""
    here = posixpath.dirname(path)
    number = paths.index(path) + 1

    def link(label: str, target: int) -> str:
        return markdown_link(label, quote_path(posixpath.relpath(paths[target - 1], here)))

    parts = [link("上一页", number - 1)] if number > 1 else []
    parts.append(f"第 {number} / {len(paths)} 页")
    if number < len(paths):
        parts.append(link("下一页", number + 1))
    return " · ".join(parts)
