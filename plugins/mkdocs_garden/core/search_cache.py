"""Search index entries kept between builds, by a hash of everything the indexer reads of a
page (its text, headings, address, title and tags, the indexer's settings and version).

Indexing a Chinese page means splitting its text into words (jieba), the slowest part of
writing a page; a page whose key is unchanged gets the entries it had, never stale ones: any
change to what the indexer reads is a new key."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .keyed_files import KeyedFiles

KEEP_DAYS = 7
"""An entry no build has read for this long is deleted."""


class EntryCache:
    def __init__(self, folder: Path) -> None:
        self.files = KeyedFiles(folder, ".json", KEEP_DAYS)
        self.hits = 0
        self.misses = 0

    def get(self, key: str) -> list[dict[str, Any]] | None:
        data = self.files.read(key)
        try:
            entries = json.loads(data) if data is not None else None
        except ValueError:  # cut short by a killed build
            entries = None
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            self.misses += 1
            return None
        self.hits += 1
        return entries

    def put(self, key: str, entries: list[dict[str, Any]]) -> None:
        text = json.dumps(entries, ensure_ascii=False, default=str)
        self.files.write(key, text.encode("utf-8"))

    def prune(self) -> None:
        """Delete the entries no build has read for `KEEP_DAYS`."""
        self.files.prune()
