"""How far a long stage of a build is: a line every few seconds, and only once the stage has
run that long, so that a small vault's build says nothing more."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

Report = Callable[[str], None]
Item = TypeVar("Item")
EVERY = 5.0
"""Seconds between two lines of progress."""


def tracked(
    items: Sequence[Item],
    what: str,
    report: Report | None,
    every: float = EVERY,
    clock: Callable[[], float] = time.monotonic,
) -> Iterator[Item]:
    """`items`, one by one, reporting `what: done / total` every `every` seconds."""
    if report is None:
        yield from items
        return
    counter = Counter(what, len(items), report, every, clock)
    for item in items:
        yield item
        counter.step()


class Counter:
    """The same for work that arrives one item at a time (pages written by the site
    generator): `step()` after each."""

    def __init__(
        self,
        what: str,
        total: int,
        report: Report,
        every: float = EVERY,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.what = what
        self.total = total
        self.report = report
        self.every = every
        self.clock = clock
        self.done = 0
        self.next_report = clock() + every

    def step(self) -> None:
        self.done += 1
        now = self.clock()
        if now >= self.next_report and self.done < self.total:
            self.report(f"{self.what}: {self.done:,} / {self.total:,}")
            self.next_report = now + self.every
