"""Progress lines on a long build: one every few seconds, none for a short stage."""

from __future__ import annotations

from collections.abc import Callable

from mkdocs_garden.core.progress import Counter, tracked


def _clock(step: float) -> Callable[[], float]:
    """A clock that moves `step` seconds each time it is read."""
    now = [0.0]

    def read() -> float:
        now[0] += step
        return now[0]

    return read


def test_a_long_stage_reports_every_few_seconds() -> None:
    lines: list[str] = []
    items = list(range(100))
    assert list(tracked(items, "notes rendered", lines.append, 5.0, _clock(1.0))) == items
    assert lines[0] == "notes rendered: 5 / 100"
    assert len(lines) == 19 and lines[-1] == "notes rendered: 95 / 100"


def test_a_short_stage_says_nothing() -> None:
    lines: list[str] = []
    list(tracked(list(range(100)), "notes rendered", lines.append, 5.0, _clock(0.01)))
    counter = Counter("pages written", 100, lines.append, 5.0, _clock(0.01))
    for _ in range(100):
        counter.step()
    assert lines == []


def test_pages_written_one_at_a_time() -> None:
    lines: list[str] = []
    counter = Counter("pages written", 10, lines.append, 2.0, _clock(1.0))
    for _ in range(10):
        counter.step()
    assert lines == [f"pages written: {n} / 10" for n in (2, 4, 6, 8)]
