"""The vault, read once per build: every note with its frontmatter, every other file, and the
lookup tables that let a link be resolved by dictionary lookups alone."""

from __future__ import annotations

import os
import posixpath
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .diagnostics import Diagnostic, Severity
from .frontmatter import FrontmatterError, split_frontmatter
from .markdown.comments import strip_comments
from .note_meta import NoteMeta, PublishMode, fold_keys, read_meta
from .paths import is_inside
from .progress import Report, tracked
from .text import NoteEncodingError, decode_note, fold

# Every suffix a Markdown site generator may turn into a page, in any case: each is read as a
# note, so that its `publish` flag is honoured whatever the file is called.
NOTE_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")
INDEX_NAMES = ("index.md", "readme.md")
"""Notes that stand for their folder (compared in lower case)."""


def is_note_path(path: str) -> bool:
    return path.lower().endswith(NOTE_SUFFIXES)


def strip_note_suffix(path: str) -> str:
    return posixpath.splitext(path)[0] if is_note_path(path) else path


def note_key(path: str) -> str:
    """A note's lookup key: its vault path without `.md` (or another Markdown suffix), folded."""
    return fold(strip_note_suffix(path))


@dataclass(frozen=True)
class Note:
    path: str
    """Vault-relative POSIX path, as the file system spells it."""
    body: str
    body_line: int
    meta: dict[str, Any]
    """The frontmatter's properties, by case-folded name."""
    info: NoteMeta
    key_lines: dict[str, int] = field(default_factory=dict, compare=False)
    """The line on which each property is written, by folded name (for messages)."""

    @property
    def published(self) -> bool:
        return self.info.published

    @property
    def stem(self) -> str:
        return posixpath.basename(strip_note_suffix(self.path))

    @property
    def title(self) -> str:
        return self.info.title or self.stem


@dataclass
class Vault:
    notes: dict[str, Note]
    files: frozenset[str]
    """Every file that is not a note (attachments, pages, assets)."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    readings: dict[str, Reading] = field(default_factory=dict, compare=False)
    """How each note was read, for the next build to reuse (`mkdocs serve --dirty`)."""
    origin: tuple[Path, PublishMode] | None = field(default=None, compare=False)
    """The folder the vault was read from, and the publishing mode it was read with."""

    def __post_init__(self) -> None:
        self.note_by_key: dict[str, str] = {}
        self.notes_by_name: dict[str, list[str]] = defaultdict(list)
        self.notes_by_alias: dict[str, list[str]] = defaultdict(list)
        self.file_by_key: dict[str, str] = {}
        self.files_by_name: dict[str, list[str]] = defaultdict(list)
        for path in sorted(self.notes):
            note = self.notes[path]
            self.note_by_key.setdefault(note_key(path), path)
            self.notes_by_name[fold(note.stem)].append(path)
            for alias in note.info.aliases:
                self.notes_by_alias[fold(alias)].append(path)
        for path in sorted(self.files):
            self.file_by_key.setdefault(fold(path), path)
            self.files_by_name[fold(posixpath.basename(path))].append(path)

    def names(self) -> tuple[object, ...]:
        """Everything a link's target is found by: the paths of the notes and files, and the
        notes' aliases."""
        aliases = {name: tuple(paths) for name, paths in self.notes_by_alias.items()}
        return frozenset(self.notes), self.files, aliases

    @property
    def published_notes(self) -> list[Note]:
        return [note for note in self.notes.values() if note.published]

    @classmethod
    def load(
        cls,
        root: Path,
        paths: Iterable[str],
        mode: PublishMode,
        progress: Report | None = None,
        earlier: Vault | None = None,
    ) -> Vault:
        """Read the notes among `paths` (POSIX, relative to `root`); index the rest as files.
        A note the `earlier` vault read, whose file has not changed since, is not read again."""
        notes: dict[str, Note] = {}
        files: set[str] = set()
        diagnostics: list[Diagnostic] = []
        readings: dict[str, Reading] = {}
        real_root = os.path.realpath(root)
        started = time.time_ns()
        origin = (root, mode)
        before = earlier.readings if earlier is not None and earlier.origin == origin else {}
        for path in tracked(list(paths), "garden: files of the vault read", progress):
            if not is_note_path(path):
                files.add(path)
                continue
            stamp = _stamp(root / path)
            reading = before.get(path)
            if reading is None or not reading.still(stamp):
                found: list[Diagnostic] = []
                note = _read_note(root, real_root, path, mode, found)
                reading = Reading(note, found, stamp, started)
            notes[path] = reading.note
            diagnostics += reading.diagnostics
            readings[path] = reading
        return cls(notes, frozenset(files), diagnostics, readings, origin)

    @classmethod
    def from_directory(cls, root: Path, mode: PublishMode = PublishMode.EXPLICIT) -> Vault:
        """Walk `root` as MkDocs does by default: dot-files and dot-folders are left out."""
        paths: list[str] = []
        for folder, dirs, names in os.walk(root):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            relative = Path(folder).relative_to(root).as_posix()
            for name in sorted(names):
                if not name.startswith("."):
                    paths.append(name if relative == "." else f"{relative}/{name}")
        return cls.load(root, paths, mode)


@dataclass(frozen=True)
class Reading:
    """A note as read from its file, and the file's state then."""

    note: Note
    diagnostics: list[Diagnostic]
    stamp: tuple[int, ...] | None
    """The file's time of change, size and inode (None: it could not be looked at)."""
    read_at: int
    """When the build that read it started (nanoseconds since the epoch)."""

    def still(self, stamp: tuple[int, ...] | None) -> bool:
        """Whether the file is surely as it was read: the same state, and changed long enough
        before it was read that a second change cannot share the same time stamp."""
        return (
            stamp is not None
            and stamp == self.stamp
            and stamp[0] < self.read_at - _SAME_TIME_STAMP_NS
        )


_SAME_TIME_STAMP_NS = 2_000_000_000
"""File systems stamp changes coarsely: two saves this close may carry the same time."""


def _stamp(path: Path) -> tuple[int, ...] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_mtime_ns, status.st_ctime_ns, status.st_size, status.st_ino


def _read_note(
    root: Path, real_root: str, path: str, mode: PublishMode, diagnostics: list[Diagnostic]
) -> Note:
    def unpublished(line: int | None, message: str) -> Note:
        diagnostics.append(Diagnostic(path, line, message, Severity.ERROR))
        return Note(path, "", 1, {}, NoteMeta(published=False))

    full = root / path
    if not is_inside(os.path.realpath(full), real_root):
        return unpublished(None, "is a link to a file outside the vault; not read, not published")
    try:
        text = decode_note(full.read_bytes())
    except NoteEncodingError as error:
        return unpublished(error.line, f"{error}; the note is not published")
    except OSError as error:
        return unpublished(None, f"cannot be read ({error.strerror}); the note is not published")
    try:
        split = split_frontmatter(text)
    except FrontmatterError as error:
        return unpublished(error.line, f"{error.problem}; the note is not published")
    meta = fold_keys(split.meta)
    info = read_meta(meta, mode)
    for problem in info.problems:
        line = split.key_lines.get(problem.key or "", 1)
        diagnostics.append(Diagnostic(path, line, problem.message, problem.severity))
    return Note(path, strip_comments(split.body), split.body_line, meta, info, split.key_lines)
