"""What an incremental build needs to know of the build before it: each page's fingerprint (a
hash of everything its written HTML is made from), every file the build wrote, and each page's
search entries. A page whose fingerprint is unchanged, and whose file is still there, is the
same page: it is not written again."""

from __future__ import annotations

import hashlib
import json
import operator
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from .page_cache import callable_signature


def fingerprint(*parts: object) -> str:
    """A hash of `parts`, the same in every process for the same values."""
    data = json.dumps(stable(parts), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def quick_print(parts: Iterable[object]) -> str:
    """A hash of `parts`, each a string, bytes, or made only of strings, numbers, bytes and the
    containers and dataclasses that hold them, whose `repr` is the same in every process
    (faster than `fingerprint`, for the parts of each page: a page's HTML is hashed as it is,
    not copied into a `repr`)."""
    digest = hashlib.sha256()
    for part in parts:
        if isinstance(part, str):
            data = part.encode("utf-8", "surrogatepass")
        elif isinstance(part, bytes):
            data = part
        else:
            data = repr(part).encode("utf-8", "surrogatepass")
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def same_objects(these: Sequence[object], those: Sequence[object]) -> bool:
    """Whether two sequences hold the very same objects, in order (what a memo kept while a
    note is the same object compares)."""
    return len(these) == len(those) and all(map(operator.is_, these, those))


def stable(value: Any, depth: int = 0) -> Any:
    """`value` as JSON data that describes it the same way in every process: functions by
    name and what they close over, never by their address in memory; other objects by their
    attributes (a placeholder for a path, by the path)."""
    if isinstance(value, Mapping):
        return {str(key): stable(item, depth + 1) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [stable(item, depth + 1) for item in value]
    if isinstance(value, (set, frozenset)):
        return sorted((stable(item, depth + 1) for item in value), key=repr)
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, bytes):
        return hashlib.sha256(value).hexdigest()
    if isinstance(value, Path):
        return value.as_posix()
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    if callable(value):
        return callable_signature(value)
    text = repr(value)
    if " at 0x" not in text:
        return text
    attributes = getattr(value, "__dict__", None)
    if isinstance(attributes, dict) and depth < _DEEPEST:
        return [type(value).__qualname__, stable(attributes, depth + 1)]
    return type(value).__qualname__


_DEEPEST = 12


def folder_signature(folders: Iterable[str]) -> list[tuple[str, int, int]]:
    """Every file under `folders` (a theme's overrides), with its size and time of change."""
    found = []
    for folder in folders:
        for root, _dirs, names in os.walk(folder):
            for name in sorted(names):
                path = os.path.join(root, name)
                status = os.stat(path)
                found.append((path, status.st_size, status.st_mtime_ns))
    return sorted(found)


class PagePrint(NamedTuple):
    """What a page is made of, in two parts: what is in its content (the HTML the theme prints
    as it is), and everything else (its frame: `page_frames`). Each is a list of `quick_print`
    parts; a part may be in the frame although only the content shows it, never the reverse."""

    content: list[Any]
    frame: list[Any]


@dataclass
class BuildState:
    """One build as the next needs it."""

    fingerprints: dict[str, str] = field(default_factory=dict)
    """Each page's fingerprint, by the path of its written file."""
    outputs: set[str] = field(default_factory=set)
    """Every file the build wrote (through the site generator's list of files)."""
    search: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    """Each page's search entries, by the path of its written file."""
    search_json: dict[str, str] = field(default_factory=dict)
    """Each page's search entries as JSON (comma-separated), by the path of its written file."""
    search_keys: dict[str, str] = field(default_factory=dict)
    """A hash of what the search index read of each page, by the path of its written file."""
    heads: dict[str, tuple[Any, dict[str, Any]]] = field(default_factory=dict)
    """Each generated page's title and properties, by the path of its written file: the
    navigation of other pages shows them, and a page left as written is not read again."""

    def carry(self, output: str, earlier: BuildState) -> None:
        """What a page left as written had in the build before: its search entries (and
        their key and JSON) and its head."""
        for kept in ("search", "search_json", "search_keys", "heads"):
            before: dict[str, Any] = getattr(earlier, kept)
            if output in before:
                getattr(self, kept)[output] = before[output]

    def unchanged(self, output: str, print_: str, exists: Callable[[str], bool]) -> bool:
        """Whether the page written to `output` is the one the build before wrote."""
        return self.fingerprints.get(output) == print_ and exists(output)


def stale(previous: Iterable[str], current: Iterable[str]) -> list[str]:
    """The files the build before wrote that this build does not: a deleted or unpublished
    note's page, an attachment no published note uses any more. Deepest first."""
    return sorted(set(previous) - set(current), reverse=True)
