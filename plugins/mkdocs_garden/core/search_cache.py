"""Search index entries kept between builds, by a hash of everything the indexer reads of a
page (its text, headings, address, title and tags, the indexer's settings and version).

Indexing a Chinese page means splitting its text into words (jieba), the slowest part of
writing a page; a page whose key is unchanged gets the entries it had, never stale ones: any
change to what the indexer reads is a new key."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

KEEP_DAYS = 7
"""An entry no build has read for this long is deleted."""


class EntryCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.hits = 0
        self.misses = 0

    def get(self, key: str) -> list[dict[str, Any]] | None:
        path = self._path(key)
        try:
            entries = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):  # none yet, or cut short by a killed build
            self.misses += 1
            return None
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            self.misses += 1
            return None
        self.hits += 1
        if time.time() - path.stat().st_mtime > 86400:
            os.utime(path)  # read: kept by `prune` (once a day is often enough)
        return entries

    def put(self, key: str, entries: list[dict[str, Any]]) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps(entries, ensure_ascii=False, default=str), "utf-8")
        temporary.replace(path)

    def prune(self) -> None:
        """Delete the entries no build has read for `KEEP_DAYS`."""
        oldest = time.time() - KEEP_DAYS * 86400
        for path in self.folder.glob("*/*.json") if self.folder.is_dir() else ():
            if path.stat().st_mtime < oldest:
                path.unlink(missing_ok=True)

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"
