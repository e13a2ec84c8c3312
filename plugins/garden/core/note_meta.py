"""What Garden reads from a note's frontmatter: publish, title, aliases, tags, cssclasses."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class PublishMode(str, Enum):
    EXPLICIT = "explicit"
    """Only notes with `publish: true` are published (Obsidian Publish, Quartz explicit)."""
    EXCLUDE = "exclude"
    """Every note is published but those with `publish: false`."""


_CSS_CLASS = re.compile(r"-?[^\W\d][\w-]*")
# Obsidian's tag characters: letters (any script), digits, `_`, `-` and `/` for nesting.
_TAG = re.compile(r"[\w/-]*[^\W\d][\w/-]*")
_LIST_SEPARATOR = re.compile(r"[,\s]+")


@dataclass(frozen=True)
class NoteMeta:
    published: bool
    title: str | None = None
    aliases: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    cssclasses: tuple[str, ...] = ()
    problems: tuple[str, ...] = field(default=(), compare=False)


def read_meta(meta: dict[str, Any], mode: PublishMode) -> NoteMeta:
    problems: list[str] = []
    return NoteMeta(
        published=_is_published(meta.get("publish"), mode, problems),
        title=_text(meta.get("title")),
        aliases=tuple(_strings(meta.get("aliases", meta.get("alias")), split=False)),
        tags=_tags(meta, problems),
        cssclasses=_css_classes(meta, problems),
        problems=tuple(problems),
    )


def _is_published(value: Any, mode: PublishMode, problems: list[str]) -> bool:
    flag = _flag(value)
    if value is not None and flag is None:
        problems.append(
            f"'publish: {value!r}' is neither true nor false; the note is not published"
        )
        return False
    if mode is PublishMode.EXPLICIT:
        return flag is True
    return flag is not False


def _flag(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return None


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()
    return text or None


def _strings(value: Any, *, split: bool = True) -> Iterable[str]:
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    result: list[str] = []
    for item in items:
        if isinstance(item, (dict, list)) or item is None:
            continue
        text = str(item).strip()
        parts = _LIST_SEPARATOR.split(text) if split else [text]
        result.extend(part for part in parts if part and part != "#")
    return result


def _tags(meta: dict[str, Any], problems: list[str]) -> tuple[str, ...]:
    tags: list[str] = []
    for raw in _strings(meta.get("tags", meta.get("tag"))):
        tag = raw.lstrip("#")
        if _TAG.fullmatch(tag):
            tags.append(tag)
        else:
            problems.append(f"tag {raw!r} has characters a tag cannot hold; dropped")
    return tuple(dict.fromkeys(tags))


def _css_classes(meta: dict[str, Any], problems: list[str]) -> tuple[str, ...]:
    raw = meta.get("cssclasses", meta.get("cssclass"))
    classes: list[str] = []
    for name in _strings(raw):
        if _CSS_CLASS.fullmatch(name):
            classes.append(name)
        else:
            problems.append(f"cssclasses value {name!r} is not a valid class name; dropped")
    return tuple(dict.fromkeys(classes))
