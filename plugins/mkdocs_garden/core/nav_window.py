"""How much of a folder the navigation shows on each page.

Material writes the navigation of the current folder into every page: in a flat folder of
thousands of notes every page would hold thousands of links, and the build would grow with the
square of the vault. Each page shows at most `limit` of a folder's items, around its own, and
entries leading to the rest; the folder's page lists them all."""

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


MORE_BEFORE = "… 前面的笔记"
MORE_AFTER = "… 后面的笔记"
"""The navigation entries standing for the items hidden before and after a window. They say
no count: a count would change every page of the folder whenever a note is added or removed,
where without it only the pages whose window holds the change are written again."""

CLOSED_ITEMS = 1
"""Items a closed folder keeps (besides its index page) when the theme shows closed folders as
a single link to their first item (Material's `navigation.prune`): its rendering then depends
on nothing else in the folder."""
