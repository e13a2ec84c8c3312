"""A cache folder of files named by hash keys (under two-letter folders): written atomically,
so a killed build leaves no half-written entry, and deleted once no build has read them for a
number of days."""

from __future__ import annotations

import os
import time
from pathlib import Path

DAY = 86400


class KeyedFiles:
    def __init__(self, folder: Path, suffix: str, keep_days: int) -> None:
        self.folder = folder
        self.suffix = suffix
        self.keep_days = keep_days

    def read(self, key: str) -> bytes | None:
        """An entry's bytes, None when there is none; a read entry is kept by `prune`."""
        path = self.path(key)
        try:
            data = path.read_bytes()
            if time.time() - path.stat().st_mtime > DAY:
                os.utime(path)  # once a day is often enough
        except OSError:
            return None
        return data

    def write(self, key: str, data: bytes) -> None:
        path = self.path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(data)
        temporary.replace(path)

    def prune(self) -> None:
        """Delete the entries no build has read for `keep_days`."""
        oldest = time.time() - self.keep_days * DAY
        if not self.folder.is_dir():
            return
        for pattern in (f"*/*{self.suffix}", "*/*.tmp"):  # (a killed build's half-written file)
            for path in self.folder.glob(pattern):
                try:
                    if path.stat().st_mtime < oldest:
                        path.unlink(missing_ok=True)
                except FileNotFoundError:  # another build pruned it first
                    continue

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}{self.suffix}"
