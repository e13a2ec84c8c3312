"""The frontmatter properties a page hands to its theme: only those Material for MkDocs
understands, each checked. A note's other properties stay with Garden: a theme that is given
`hide: 5` or `template: nope.html` stops the whole build, and one given a list where it prints
text writes it into the page as it is."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .note_meta import Problem, shown

HIDE_VALUES = frozenset({"navigation", "toc", "footer", "path", "tags", "feedback"})
_TEMPLATE = re.compile(r"[\w.-]+(?:/[\w.-]+)*\.html")
_ICON = re.compile(r"[\w-]+(?:/[\w-]+)+")
_STATUS = re.compile(r"[\w-]+")


@dataclass(frozen=True)
class ThemeLookup:
    """What the theme has, for the properties that name one of its files."""

    has_template: Callable[[str], bool]
    has_icon: Callable[[str], bool]


def theme_meta(meta: dict[str, Any], theme: ThemeLookup) -> tuple[dict[str, Any], list[Problem]]:
    """The theme's properties among `meta` (keys folded), checked; and what was refused."""
    problems: list[Problem] = []
    result: dict[str, Any] = {}
    for key, read in _READERS.items():
        if meta.get(key) is None:
            continue
        value = read(meta[key], theme)
        if value is None:
            message = f"{key} is {shown(meta[key])}, but {_EXPECTED[key]}; ignored"
            problems.append(Problem(message, key=key))
        else:
            result[key] = value
    return result, problems


def _hide(value: Any, theme: ThemeLookup) -> list[str] | None:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        return None
    if not set(items) <= HIDE_VALUES:
        return None
    return list(items)


def _search(value: Any, theme: ThemeLookup) -> dict[str, Any] | None:
    if not isinstance(value, dict) or not value or not set(value) <= {"exclude", "boost"}:
        return None
    exclude, boost = value.get("exclude", False), value.get("boost", 1)
    if not isinstance(exclude, bool) or isinstance(boost, bool):
        return None
    if not isinstance(boost, int | float) or not 0 < boost < 1000:
        return None
    return dict(value)


def _template(value: Any, theme: ThemeLookup) -> str | None:
    if not isinstance(value, str) or not _TEMPLATE.fullmatch(value) or ".." in value:
        return None
    return value if theme.has_template(value) else None


def _icon(value: Any, theme: ThemeLookup) -> str | None:
    if not isinstance(value, str) or not _ICON.fullmatch(value):
        return None
    return value if theme.has_icon(value) else None


def _status(value: Any, theme: ThemeLookup) -> str | None:
    return value if isinstance(value, str) and _STATUS.fullmatch(value) else None


def _text(value: Any, theme: ThemeLookup) -> str | None:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    return " ".join(str(value).split()) or None


def _flag(value: Any, theme: ThemeLookup) -> bool | None:
    return value if isinstance(value, bool) else None


_READERS: dict[str, Callable[[Any, ThemeLookup], Any]] = {
    "hide": _hide,
    "search": _search,
    "template": _template,
    "icon": _icon,
    "status": _status,
    "subtitle": _text,
    "author": _text,
    "comments": _flag,
}
_EXPECTED = {
    "hide": f"must list some of {', '.join(sorted(HIDE_VALUES))}",
    "search": "must be 'exclude: true' or 'boost: <number>'",
    "template": "must name a template of the theme",
    "icon": "must name an icon of the theme (such as material/star)",
    "status": "must be a status name (such as new)",
    "subtitle": "must be text",
    "author": "must be text",
    "comments": "must be true or false",
}
