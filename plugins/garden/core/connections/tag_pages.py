"""A page for each tag, holding a listing of Material's tags plugin scoped to that tag."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from ..markup import literal_text
from ..paths import fitting_path
from ..text import fold


@dataclass(frozen=True)
class TagPages:
    markdown: dict[str, str]
    """Generated pages by vault path."""
    path_of_tag: dict[str, str]
    """The page of each tag, by the tag's folded name."""

    def page_of(self, tag: str) -> str | None:
        return self.path_of_tag.get(fold(tag))

    def only(self, markdown: dict[str, str]) -> TagPages:
        """These pages, less those that were not written."""
        paths = {key: path for key, path in self.path_of_tag.items() if path in markdown}
        return TagPages(markdown, paths)


def tag_pages(tags: Iterable[str], folder: str, directive: str) -> TagPages:
    """One page per tag under `folder`: `AI/注意力` is `folder/AI/注意力/index.md` (a page of its
    own folder, so that a tag named `index` cannot stand for the folder's index; a name too
    long for a file system is cut and hashed). Tags that differ only in case (one tag to
    Obsidian) share the page of the first spelling."""
    spellings: dict[str, list[str]] = {}
    for tag in sorted(set(tags)):
        if not all(tag.split("/")):
            continue  # `AI/` or `a//b` names no page
        spellings.setdefault(fold(tag), []).append(tag)
    markdown: dict[str, str] = {}
    path_of_tag: dict[str, str] = {}
    for key, names in spellings.items():
        path = fitting_path(folder, names[0].split("/"), "index.md")
        include = json.dumps(names, ensure_ascii=False)
        markdown[path] = (
            f"# {literal_text('#' + names[0])}\n\n带有这个标签的笔记：\n\n"
            f"<!-- {directive} {{ include: {include}, toc: false }} -->\n"
        )
        path_of_tag[key] = path
    return TagPages(markdown, path_of_tag)
