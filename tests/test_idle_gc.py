"""The cycle collector under `mkdocs serve --dirty`: what is alive when a rebuild starts is left
out of collections during it, and collected once the server is idle."""

from __future__ import annotations

import gc
import time
import weakref

from mkdocs_garden.core.idle_gc import IdleCollector


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the cycle collector frees it


def test_a_rebuild_leaves_what_was_alive_out_of_collections() -> None:
    collector = IdleCollector(idle_seconds=60)
    garbage = _Node()
    gone = weakref.ref(garbage)
    try:
        collector.build_starts()
        assert gc.get_freeze_count() > 0
        del garbage
        gc.collect()
        assert gone() is not None  # frozen: not collected during the build
    finally:
        collector.collect()
    assert gone() is None


def test_garbage_is_collected_once_the_server_is_idle() -> None:
    collector = IdleCollector(idle_seconds=0.05)
    collector.build_starts()
    garbage = _Node()
    gone = weakref.ref(garbage)
    del garbage
    collector.build_ended()
    deadline = time.monotonic() + 10
    while gone() is not None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert gone() is None
    assert gc.get_freeze_count() == 0


def test_a_new_build_cancels_the_waiting_collection() -> None:
    collector = IdleCollector(idle_seconds=0.2)
    collector.build_starts()
    collector.build_ended()
    collector.build_starts()  # saved again before the server was idle
    time.sleep(0.4)
    try:
        assert gc.get_freeze_count() > 0  # still frozen: the collection did not run
    finally:
        collector.collect()
