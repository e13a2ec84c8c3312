"""Python's cycle collector kept out of the way of `mkdocs serve` rebuilds.

A serving process holds the whole site between builds (every note's page, the link table),
and a full collection walks all of it: at thousands of notes that is a good part of a second,
and the allocations of a rebuild set one off. So everything alive when a rebuild starts is
frozen (left out of collections) for the rebuild, and once the server has been idle for a
moment, everything is unfrozen and collected, the last builds' garbage with it.
"""

from __future__ import annotations

import gc
import threading

IDLE_SECONDS = 1.0


class IdleCollector:
    def __init__(self, idle_seconds: float = IDLE_SECONDS) -> None:
        self.idle_seconds = idle_seconds
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()

    def build_starts(self) -> None:
        """Leave what is alive now out of collections until the build is over."""
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
        gc.freeze()

    def build_ended(self) -> None:
        """Collect everything once nothing has been built for `idle_seconds`."""
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            self._timer = threading.Timer(self.idle_seconds, self.collect)
            self._timer.daemon = True
            self._timer.start()

    def collect(self) -> None:
        gc.unfreeze()
        gc.collect()
