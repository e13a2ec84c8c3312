"""What Garden reads from a note's frontmatter: publish, title, description, aliases, tags,
cssclasses. Property names are compared without case, as Obsidian compares them; values of
any type are turned into text or refused with a message, never passed on as they are."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from .diagnostics import Severity


class PublishMode(str, Enum):
    EXPLICIT = "explicit"
    """Only notes with `publish: true` are published (Obsidian Publish, Quartz explicit)."""
    EXCLUDE = "exclude"
    """Every note is published but those with `publish: false`."""


_CSS_CLASS = re.compile(r"-?[^\W\d][\w-]*")
# Obsidian's tag characters: letters (any script), digits, `_`, `-` and `/` for nesting.
_TAG = re.compile(r"[\w/-]*[^\W\d][\w/-]*")
_LIST_SEPARATOR = re.compile(r"[,\s]+")
_SCALARS = (str, int, float, dt.date)


@dataclass(frozen=True)
class Problem:
    message: str
    severity: Severity = Severity.WARNING
    key: str | None = None
    """The property it concerns (folded), for the line to report."""


@dataclass(frozen=True)
class NoteMeta:
    published: bool
    title: str | None = None
    description: str | None = None
    aliases: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    cssclasses: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = field(default=(), compare=False)


def fold_keys(meta: dict[str, Any]) -> dict[str, Any]:
    """Properties by their case-folded names (frontmatter that spells one name two ways is
    refused when it is read, so nothing is lost here)."""
    return {key.casefold(): value for key, value in meta.items()}


def read_meta(meta: dict[str, Any], mode: PublishMode) -> NoteMeta:
    """Garden's reading of `meta`, whose keys are already folded (`fold_keys`)."""
    problems: list[Problem] = []
    return NoteMeta(
        published=_is_published(meta.get("publish"), mode, problems),
        title=_text(meta, "title", problems),
        description=_text(meta, "description", problems),
        aliases=tuple(dict.fromkeys(_strings(meta, ("aliases", "alias"), problems, split=False))),
        tags=_tags(meta, problems),
        cssclasses=_css_classes(meta, problems),
        problems=tuple(problems),
    )


def _is_published(value: Any, mode: PublishMode, problems: list[Problem]) -> bool:
    flag = _flag(value)
    if value is not None and flag is None:
        problems.append(
            Problem(
                f"publish is {shown(value)}, which is neither true nor false (Obsidian reads "
                "only true or false there); the note is not published",
                Severity.INFO,
                "publish",
            )
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


def _text(meta: dict[str, Any], key: str, problems: list[Problem]) -> str | None:
    value = meta.get(key)
    if value is None or isinstance(value, bool):
        return None
    if not isinstance(value, _SCALARS):
        problems.append(Problem(f"{key} must be text, not a {_kind(value)}; ignored", key=key))
        return None
    text = " ".join(str(value).split())
    return text or None


def _scalars(value: Any) -> Iterator[Any]:
    """The scalar items of `value`, lists flattened at any depth (without recursion)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, list | tuple):
            stack.extend(reversed(item))
        elif item is not None:
            yield item


def _strings(
    meta: dict[str, Any], keys: tuple[str, ...], problems: list[Problem], *, split: bool = True
) -> list[str]:
    key = next((k for k in keys if meta.get(k) is not None), keys[0])
    result: list[str] = []
    for item in _scalars(meta.get(key)):
        if not isinstance(item, _SCALARS) or isinstance(item, bool):
            message = f"{key} holds a {_kind(item)}, which is not text; dropped"
            problems.append(Problem(message, key=key))
            continue
        text = str(item).strip()
        parts = _LIST_SEPARATOR.split(text) if split else [text]
        result.extend(part for part in parts if part and part != "#")
    return result


def _tags(meta: dict[str, Any], problems: list[Problem]) -> tuple[str, ...]:
    tags: list[str] = []
    key = "tag" if meta.get("tags") is None and meta.get("tag") is not None else "tags"
    for raw in _strings(meta, ("tags", "tag"), problems):
        tag = raw.lstrip("#")
        if _TAG.fullmatch(tag):
            tags.append(tag)
        else:
            message = (
                f"tag {shown(raw)} is not a tag Obsidian knows (letters, digits, _ - and /, "
                "not only digits); dropped"
            )
            problems.append(Problem(message, key=key))
    return tuple(dict.fromkeys(tags))


def _css_classes(meta: dict[str, Any], problems: list[Problem]) -> tuple[str, ...]:
    classes: list[str] = []
    key = "cssclass" if meta.get("cssclasses") is None else "cssclasses"
    for name in _strings(meta, ("cssclasses", "cssclass"), problems):
        if _CSS_CLASS.fullmatch(name):
            classes.append(name)
        else:
            message = f"cssclasses value {shown(name)} is not a valid class name; dropped"
            problems.append(Problem(message, key=key))
    return tuple(dict.fromkeys(classes))


def _kind(value: Any) -> str:
    return {dict: "mapping", list: "list", bool: "true/false"}.get(
        type(value), type(value).__name__
    )


def shown(value: Any) -> str:
    """`value` for a message: quoted, and short (a list or mapping only by its kind)."""
    if not isinstance(value, _SCALARS):
        return f"<{_kind(value)}>"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "…"
