"""Rendered notes kept between builds, by what their rendering reads: the note's text, path
and properties, the rendering options, Garden's own code and the versions of the libraries it
renders with. Rendering reads nothing else (links are resolved later, from the link table), so
a note whose key is unchanged renders to the same page; a changed note, option or library is a
new key, never a stale hit."""

from __future__ import annotations

import hashlib
import json
import pickle
from collections.abc import Callable
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from .keyed_files import KeyedFiles
from .page.model import NotePage
from .vault import Note

LIBRARIES = ("markdown-it-py", "mdit-py-plugins", "pygments", "latex2mathml", "nh3", "jieba")
KEEP_DAYS = 7
"""An entry no build has read for this long is deleted."""


class PageCache:
    def __init__(
        self,
        folder: Path,
        options_signature: str,
        memory: dict[str, NotePage] | None = None,
        known_keys: dict[str, tuple[Note, str, str]] | None = None,
    ) -> None:
        """`memory`: the pages of the build before, by key, handed over whole (`mkdocs serve
        --dirty`, whose builds neither empty nor change a page once it is made); the pages
        this build reads are left in `self.memory` for the next. `known_keys`: the keys the
        build before worked out, by path, with the note (the same object while its file is
        unchanged) and the salt they were made with; this build's are left in `self.keys`."""
        self.folder = folder
        self.files = KeyedFiles(folder, ".pickle", KEEP_DAYS)
        self.salt = f"{code_signature()}|{options_signature}"
        self.hits = 0
        self.misses = 0
        self.earlier = memory
        self.memory: dict[str, NotePage] | None = {} if memory is not None else None
        self.known_keys = known_keys or {}
        self.keys: dict[str, tuple[Note, str, str]] | None = {} if known_keys is not None else None
        """Only kept for a next build: a key holds its note, and the note its whole text."""

    def key(self, note: Note) -> str:
        known = self.known_keys.get(note.path)
        if known is not None and known[0] is note and known[1] == self.salt:
            key = known[2]
        else:
            key = self._key(note)
        if self.keys is not None:
            self.keys[note.path] = (note, self.salt, key)
        return key

    def _key(self, note: Note) -> str:
        data = json.dumps(
            [self.salt, note.path, note.body, note.body_line, note.meta, note.key_lines],
            ensure_ascii=False,
            sort_keys=True,
            default=repr,
        )
        return hashlib.sha256(data.encode("utf-8")).hexdigest()

    def get(self, key: str) -> NotePage | None:
        page = self.earlier.get(key) if self.earlier is not None else None
        if page is not None:
            self.hits += 1
        else:
            page = self._read(key)
        if page is not None and self.memory is not None:
            self.memory[key] = page
        return page

    def _read(self, key: str) -> NotePage | None:
        data = self.files.read(key)
        try:
            page = pickle.loads(data) if data is not None else None
        except Exception:  # a file cut short by a killed build: render again
            page = None
        if not isinstance(page, NotePage):
            self.misses += 1
            return None
        self.hits += 1
        return page

    def put(self, key: str, page: NotePage) -> None:
        if self.memory is not None:
            self.memory[key] = page
        self.files.write(key, pickle.dumps(page, protocol=pickle.HIGHEST_PROTOCOL))

    def prune(self) -> None:
        """Delete the entries no build has read for `KEEP_DAYS`."""
        self.files.prune()


@cache
def code_signature() -> str:
    """Garden's own code (every module of the package, so an edit to a renderer is a new
    key even without a new version number) and the versions of the libraries it renders with."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    for library in LIBRARIES:
        digest.update(f"{library}={installed_version(library) or 'none'}".encode())
    return digest.hexdigest()


def installed_version(name: str) -> str | None:
    """The version of an installed distribution, None when it is not installed."""
    try:
        return version(name)
    except PackageNotFoundError:
        return None


def callable_signature(function: Callable[..., Any]) -> str:
    """A description of a function that is the same from one process to the next: its name,
    and the values it closes over or was partially applied with (a slugify set up with
    `case="lower"`)."""
    parts = [getattr(function, "__module__", ""), getattr(function, "__qualname__", "")]
    inner = getattr(function, "func", None)
    if inner is not None:  # functools.partial
        parts += [
            callable_signature(inner),
            repr(getattr(function, "args", ())),
            repr(sorted(getattr(function, "keywords", {}).items())),
        ]
    for cell in getattr(function, "__closure__", None) or ():
        value = cell.cell_contents
        parts.append(callable_signature(value) if callable(value) else repr(value))
    return "|".join(parts)
