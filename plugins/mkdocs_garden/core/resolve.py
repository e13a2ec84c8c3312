"""Resolve a link target the way Obsidian does.

Order: a path from the vault root; else a path relative to the linking note; else the file
whose name (or path suffix) matches, the one closest to the linking note when several do;
else a frontmatter alias. Matching ignores case and Unicode normalisation form.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from enum import Enum

from .text import fold, nfc
from .vault import Vault, is_note_path, note_key, strip_note_suffix


class Via(str, Enum):
    ROOT = "root"
    RELATIVE = "relative"
    NAME = "name"
    ALIAS = "alias"


@dataclass(frozen=True)
class Resolution:
    path: str | None
    """The vault path of the file the target names, or None when there is none."""
    via: Via | None = None
    tied_with: tuple[str, ...] = ()
    """Other files that matched exactly as well; the choice among them was by path order."""
    escapes_vault: bool = False

    @property
    def found(self) -> bool:
        return self.path is not None


NOT_FOUND = Resolution(None)


class Resolver:
    def __init__(self, vault: Vault) -> None:
        self.vault = vault
        self._memo: dict[tuple[str, str, bool], Resolution] = {}
        self._site_paths: dict[str, str] | None = None

    def resolve(self, target: str, source: str, *, relative_first: bool = False) -> Resolution:
        """The file that `target`, written in the note at vault path `source`, names.

        Wikilinks try the vault root first, Markdown links (`relative_first`) their own folder.
        The answer depends only on the target and the note's folder, so it is remembered.
        """
        key = (target, posixpath.dirname(source), relative_first)
        resolution = self._memo.get(key)
        if resolution is None:
            resolution = self._memo[key] = self._resolve(target, source, relative_first)
        return resolution

    def _resolve(self, target: str, source: str, relative_first: bool) -> Resolution:
        target = nfc(target.strip()).replace("\\", "/")
        if not target:
            return NOT_FOUND
        if target.startswith("/") or re.match(r"[A-Za-z]:/", target):
            found = self.by_path(target.lstrip("/"))
            # An absolute path that is no vault path points at the file system: refused.
            return Resolution(found, Via.ROOT) if found else Resolution(None, escapes_vault=True)
        relative = posixpath.normpath(posixpath.join(posixpath.dirname(source), target))
        escapes = relative == ".." or relative.startswith("../")
        attempts = [(relative, Via.RELATIVE), (target, Via.ROOT)]
        for path, via in reversed(attempts) if not relative_first else attempts:
            found = None if via is Via.RELATIVE and escapes else self.by_path(path)
            if found:
                return Resolution(found, via)
        if escapes:
            return Resolution(None, escapes_vault=True)
        return self._by_name(target, source) or self._by_alias(target)

    def by_path(self, path: str) -> str | None:
        vault = self.vault
        if is_note_path(path):
            return vault.note_by_key.get(note_key(path)) or vault.file_by_key.get(fold(path))
        return vault.note_by_key.get(fold(path)) or vault.file_by_key.get(fold(path))

    def forget(self) -> None:
        """Let go of the answers remembered so far (every link has been resolved)."""
        self._memo = {}
        self._site_paths = None

    def by_site_path(self, site_path: str) -> str | None:
        """The vault file served at `site_path` of this site (or of its former addresses)."""
        path = site_path.strip("/")
        if not path:
            return self.by_path("index.md")
        stem = path.removesuffix(".html")
        for candidate in (path, stem, f"{stem}/index", f"{stem}/README"):
            found = self.by_path(candidate)
            if found:
                return found
        return self._slugged_site_paths().get(_slug_key(stem))

    def _slugged_site_paths(self) -> dict[str, str]:
        """Notes by the URL Quartz gave them (spaces as hyphens), for former addresses."""
        if self._site_paths is None:
            self._site_paths = {}
            for path in sorted(self.vault.notes):
                self._site_paths.setdefault(_slug_key(note_key(path)), path)
        return self._site_paths

    def _by_name(self, target: str, source: str) -> Resolution | None:
        name = posixpath.basename(target)
        key = fold(name)
        candidates: list[str] = []
        if is_note_path(name):
            candidates = self.vault.notes_by_name.get(fold(strip_note_suffix(name)), [])
            candidates = candidates or self.vault.files_by_name.get(key, [])
        else:
            candidates = self.vault.notes_by_name.get(key, []) or self.vault.files_by_name.get(
                key, []
            )
        if "/" in target:
            suffix = "/" + note_key(target).lstrip("/")
            candidates = [c for c in candidates if ("/" + note_key(c)).endswith(suffix)]
        if not candidates:
            return None
        return _closest(candidates, source, Via.NAME)

    def _by_alias(self, target: str) -> Resolution:
        if "/" in target:
            return NOT_FOUND
        candidates = self.vault.notes_by_alias.get(fold(target), [])
        if not candidates:
            return NOT_FOUND
        return Resolution(candidates[0], Via.ALIAS, tuple(candidates[1:]))


def _slug_key(path: str) -> str:
    return re.sub(r"\s+", "-", fold(path))


def _closest(candidates: list[str], source: str, via: Via) -> Resolution:
    """The candidate nearest the linking note: most folders shared, then fewest folders deep."""
    if len(candidates) == 1:
        return Resolution(candidates[0], via)
    source_parts = posixpath.dirname(source).split("/") if "/" in source else []

    def distance(path: str) -> tuple[int, int]:
        parts = posixpath.dirname(path).split("/") if "/" in path else []
        shared = 0
        for mine, theirs in zip(source_parts, parts, strict=False):
            if fold(mine) != fold(theirs):
                break
            shared += 1
        return (-shared, len(parts))

    ranked = sorted(candidates, key=lambda path: (distance(path), fold(path), path))
    best = distance(ranked[0])
    tied = tuple(path for path in ranked[1:] if distance(path) == best)
    return Resolution(ranked[0], via, tied)
