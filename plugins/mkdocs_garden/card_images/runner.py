"""Draw the cards a build needs that the cache folder lacks, in a worker process while the
site builds, then copy every card the pages name into the site."""

from __future__ import annotations

import logging
import multiprocessing
import os
import shutil
import time
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from .plan import SITE_FOLDER, Card

CHUNK = 100
"""Cards a worker draws per task: a build that fails stops drawing after the current one."""
KEEP_DAYS = 30
"""A cached card no build has used for this long is deleted."""

log = logging.getLogger("mkdocs.plugins.garden.cards")


class CardJob:
    def __init__(self, cards: dict[str, Card], cache_dir: Path) -> None:
        self.cards = cards
        """Each card the site's pages name, by file name."""
        self.cache_dir = cache_dir
        self.missing = sorted(name for name in cards if not (cache_dir / name).is_file())
        self._pool: ProcessPoolExecutor | None = None
        self._tasks: list[Future[int]] = []
        self._started = time.perf_counter()

    def start(self) -> CardJob:
        if not self.missing:
            return self
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        # One worker: the build itself keeps the other core busy. A fresh interpreter, since
        # `mkdocs serve` runs threads, which fork does not copy well.
        self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
        for first in range(0, len(self.missing), CHUNK):
            chunk = [(name, self.cards[name]) for name in self.missing[first : first + CHUNK]]
            self._tasks.append(self._pool.submit(_draw, chunk, str(self.cache_dir)))
        return self

    def finish(self, site_dir: Path) -> tuple[int, str | None]:
        """Wait for the drawing, then copy the cards into the site: how many were drawn, and
        what went wrong, if anything did (the pages still name the cards it did not draw)."""
        drawn, error = 0, None
        if self._tasks:
            log.info(f"garden: card images: drawing {len(self.missing)}…")
        for task in self._tasks:
            try:
                drawn += task.result()
            except Exception as problem:  # a font that cannot be read, a full disk
                error = f"{type(problem).__name__}: {problem}"
                break
        self.stop()
        folder = site_dir / SITE_FOLDER
        folder.mkdir(parents=True, exist_ok=True)
        present = set(os.listdir(folder))  # an incremental build's folder holds the last build's
        for name in present - self.cards.keys():
            (folder / name).unlink()
        for name in self.cards.keys() - present:  # a name is its content: a card there is right
            cached = self.cache_dir / name
            if not cached.is_file():
                continue
            shutil.copyfile(cached, folder / name)
            if time.time() - cached.stat().st_mtime > 86400:
                os.utime(cached)  # used: kept by `prune` (once a day is often enough)
        if site_dir not in _PRUNED:
            _PRUNED.add(site_dir)
            self.prune()
        return drawn, error

    def stop(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def seconds(self) -> float:
        return time.perf_counter() - self._started

    def prune(self) -> None:
        """Cards no build has used for `KEEP_DAYS` (a renamed note's old card) are deleted; a
        card used by another site sharing the folder is kept while that site is built."""
        if not self.cache_dir.is_dir():
            return
        oldest = time.time() - KEEP_DAYS * 86400
        for path in self.cache_dir.glob("*.png"):
            if path.name not in self.cards and path.stat().st_mtime < oldest:
                path.unlink(missing_ok=True)


_PRUNED: set[Path] = set()
"""Site folders whose build has pruned the cache in this process (once is enough)."""


def _draw(chunk: list[tuple[str, Card]], cache_dir: str) -> int:
    from .drawing import draw_cards  # matplotlib: only ever imported in the worker

    return draw_cards(chunk, Path(cache_dir))
