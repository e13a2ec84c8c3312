"""`mkdocs serve` watching by file events (`core.file_events`) instead of polling alone.

MkDocs' server makes its polling observer before the plugins see it, and by `on_serve` has
watched the docs, the configuration (and the theme, under `--watch-theme`) with it. Its
watches are taken back through the server's own `unwatch` and made again, through its own
`watch`, on a `SplitObserver` that holds the polling observer for the paths events do not
reach.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from typing import Any

from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

from mkdocs_garden.core.file_events import SplitObserver, reports_events

log = logging.getLogger("mkdocs.plugins.garden.serve_watcher")

CHOICES = ("auto", "always", "never")
"""`file_events`: where the filesystem reports them, on every folder, or never (MkDocs' polling)."""


def watch_by_events(server: Any, choice: str) -> SplitObserver | None:
    """Put a `SplitObserver` in the server's place, or leave a server that is not as expected
    (not MkDocs' polling observer, or one already started) as it is, and one where this system
    has no file events."""
    observer = getattr(server, "observer", None)
    watched = getattr(server, "_watched_paths", None)  # MkDocs keeps no public list of them
    refs = getattr(server, "_watch_refs", {})
    if choice == "never" or not isinstance(observer, PollingObserver) or observer.is_alive():
        return None
    if not isinstance(watched, dict) or not watched:  # `--no-livereload`: nothing is watched
        return None
    events = _events_observer()
    if events is None:
        return None
    counts = {path: count for path, count in watched.items() if isinstance(count, int)}
    recursive = {path: getattr(refs.get(path), "is_recursive", True) for path in counts}
    for path, count in counts.items():
        for _ in range(count):
            server.unwatch(path)
    split = SplitObserver(observer, events=events, has_events=_rule(choice))
    server.observer = split
    for path, count in counts.items():
        for _ in range(count):
            server.watch(path, recursive=recursive[path])
    _report(split)
    return split


def _events_observer() -> BaseObserver | None:
    """This system's events observer; none where watchdog has only polling, or where it cannot
    be made (Linux: every inotify instance of the user taken)."""
    try:
        events = Observer()
    except Exception as error:  # not only OSError: a platform's own errors too
        log.warning("File events are not available (%s): watching for changes by polling.", error)
        return None
    return None if isinstance(events, PollingObserver) else events


def _rule(choice: str) -> Callable[[str, bool], bool]:
    if choice == "always":
        return lambda path, _recursive: os.path.isdir(path)
    return reports_events


def _report(split: SplitObserver) -> None:
    events, polled = split.by_events(), split.by_polling()
    log.info(
        "Watching by file events: %s; by polling: %s",
        ", ".join(_short(path) for path in events) or "nothing",
        ", ".join(_short(path) for path in polled) or "nothing",
    )


def _short(path: str) -> str:
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive
        return path
    return path if relative.startswith("..") else relative
