"""How much of a folder the navigation shows on each page.

Material writes the navigation of the current folder into every page: in a flat folder of
thousands of notes every page would hold thousands of links, and the build would grow with the
square of the vault. Each page shows at most `limit` of a folder's items, around its own, and
says how many more there are; the folder's page lists them all."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Window:
    start: int
    stop: int
    count: int

    @property
    def before(self) -> int:
        """Items hidden before the window."""
        return self.start

    @property
    def after(self) -> int:
        """Items hidden after the window."""
        return self.count - self.stop


def window(count: int, active: int | None, limit: int) -> Window:
    """The items `[start, stop)` a page shows of a folder of `count` items, the page's own (or
    its folder's) at `active`: all of them when there are at most `limit` (or `limit` is 0),
    else `limit` of them with the active one in the middle where it can be."""
    if limit <= 0 or count <= limit:
        return Window(0, count, count)
    if active is None:
        return Window(0, limit, count)
    start = max(0, min(active - limit // 2, count - limit))
    return Window(start, start + limit, count)


def more_label(hidden: int, where: str) -> str:
    """The navigation entry standing for hidden items (`where`: 前面 or 后面)."""
    return f"… {where}还有 {hidden:,} 篇"
