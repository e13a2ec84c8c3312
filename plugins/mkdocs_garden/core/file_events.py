"""Watching sources for changes: by the operating system's file events where the filesystem
reports them, by polling where it does not.

MkDocs' server polls every watched folder twice a second, so that it also works on network
mounts and in containers whose folders live on the host. A save therefore waits for the next
poll (up to 0.5 s) before its build starts, and every poll lists the whole vault: 6 ms at 1,000
notes, 30 ms at 5,000, 140 ms at 20,000 (and 85 ms more for Material's templates under
`--watch-theme`), taken twice a second from the build running beside it.
`SplitObserver` watches a folder by events when `reports_events` says its filesystem delivers
them, and polls the rest (single files, network and virtual filesystems, folders holding links
events would not follow).
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileAttribEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers.api import BaseObserver, ObservedWatch

log = logging.getLogger("mkdocs.plugins.garden.file_events")

LINUX_EVENT_FILESYSTEMS = frozenset(
    {
        "bcachefs",
        "btrfs",
        "ext2",
        "ext3",
        "ext4",
        "f2fs",
        "jfs",
        "nilfs2",
        "overlay",
        "ramfs",
        "reiserfs",
        "tmpfs",
        "xfs",
        "zfs",
    }
)
"""Local filesystems whose changes inotify reports. Network and virtual ones (nfs, cifs, 9p for
WSL's Windows drives, fuse for Docker Desktop's shared folders, vboxsf) are polled."""

WINDOWS_LOCAL_DRIVES = frozenset({2, 3, 6})
"""`GetDriveTypeW`: removable, fixed and RAM disks."""


@dataclass(frozen=True)
class Mount:
    point: str
    local: bool
    """Whether the filesystem reports changes as events."""


def linux_mounts(mountinfo: str) -> list[Mount]:
    """Mounts from `/proc/self/mountinfo`: the fifth field is the mount point (spaces and
    other characters escaped as octal), the filesystem type follows the ` - ` separator."""
    mounts = []
    for line in mountinfo.splitlines():
        before, separator, after = line.partition(" - ")
        fields = before.split(" ")
        if not separator or len(fields) < 5 or not after:
            continue
        point = _unescape_octal(fields[4])
        mounts.append(Mount(point, after.split(" ")[0] in LINUX_EVENT_FILESYSTEMS))
    return mounts


_MACOS_MOUNT = re.compile(r"^.* on (?P<point>/.*) \((?P<flags>[^()]*)\)$")


def macos_mounts(mount_output: str) -> list[Mount]:
    """Mounts from macOS' `mount`: `/dev/disk3s1 on / (apfs, local, journaled)`. FSEvents reports
    changes on volumes marked `local`."""
    mounts = []
    for line in mount_output.splitlines():
        match = _MACOS_MOUNT.match(line)
        if match:
            flags = {flag.strip() for flag in match["flags"].split(",")}
            mounts.append(Mount(match["point"], "local" in flags))
    return mounts


def mount_of(path: str, mounts: Iterable[Mount]) -> Mount | None:
    """The mount holding `path` (an absolute, resolved path): the longest mount point above it;
    of two on the same point, the one listed last (mounted over the other: the one seen)."""
    best: Mount | None = None
    for mount in mounts:
        point = mount.point.rstrip("/") or "/"
        inside = path == point or point == "/" or path.startswith(point + "/")
        if inside and (best is None or len(point) >= len(best.point.rstrip("/") or "/")):
            best = mount
    return best


def reports_events(path: str, recursive: bool = True) -> bool:
    """Whether a folder's changes reach this process as file events: the folder is on a local
    filesystem, and so is every folder linked or mounted inside it (Linux: inotify follows links to
    folders; elsewhere a link is not followed, so any link means polling). A link to a file is
    never followed by events; a link that leads nowhere has nothing behind it to watch.

    On Linux the folders must also fit in inotify's watches, one a folder: past its limit
    watchdog leaves the rest unwatched without a word, so a tree over half the limit is polled."""
    real = os.path.realpath(path)
    if not os.path.isdir(real) or not _on_event_filesystem(real) or _remote_inside(real):
        return False
    linux = sys.platform.startswith("linux")
    folders, targets = _tree(real, recursive)
    for target in targets:
        if not os.path.exists(target):
            continue
        if not (linux and os.path.isdir(target)) or not _on_event_filesystem(target):
            return False
    limit = _inotify_watch_limit() if linux else None
    if limit is not None and folders > limit // 2:
        log.warning(
            "%s has %d folders, more than half of inotify's limit of %d watches: watched by "
            "polling. Raising fs.inotify.max_user_watches lets it be watched by file events.",
            path,
            folders,
            limit,
        )
        return False
    return True


def _remote_inside(real: str) -> bool:
    """Whether a filesystem that reports no events is mounted somewhere inside the folder."""
    inside = real.rstrip("/") + "/"
    return any(not mount.local and mount.point.startswith(inside) for mount in _mounts())


def _tree(real: str, recursive: bool) -> tuple[int, list[str]]:
    """The folders under `real` (or `real` alone), links to folders followed (each folder once),
    and where the links lead (resolved)."""
    seen, stack, folders, targets = {real}, [real], 0, []
    while stack:
        folder = stack.pop()
        folders += 1
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if _is_link(entry):
                inside = os.path.realpath(entry.path)
                targets.append(inside)
            elif entry.is_dir(follow_symlinks=False):
                inside = entry.path
            else:
                continue
            if recursive and inside not in seen and os.path.isdir(inside):
                seen.add(inside)
                stack.append(inside)
    return folders, targets


def _is_link(entry: os.DirEntry[str]) -> bool:
    """A symbolic link, or on Windows any reparse point (a junction is not `is_symlink`)."""
    if entry.is_symlink():
        return True
    if sys.platform != "win32":
        return False
    attributes = getattr(entry.stat(follow_symlinks=False), "st_file_attributes", 0)
    return bool(attributes & _REPARSE_POINT)


_REPARSE_POINT = 0x400


def _inotify_watch_limit() -> int | None:
    try:
        with open("/proc/sys/fs/inotify/max_user_watches", encoding="ascii") as limit:
            return int(limit.read().strip())
    except (OSError, ValueError):
        return None


def _on_event_filesystem(real_path: str) -> bool:
    if sys.platform == "win32":
        return _windows_local(real_path)
    mount = mount_of(real_path, _mounts())
    return mount is not None and mount.local


@cache
def _mounts() -> tuple[Mount, ...]:
    try:
        if sys.platform.startswith("linux"):
            with open("/proc/self/mountinfo", encoding="utf-8", errors="replace") as info:
                return tuple(linux_mounts(info.read()))
        if sys.platform == "darwin":
            output = subprocess.run(
                ["/sbin/mount"], capture_output=True, text=True, timeout=10, check=True
            ).stdout
            return tuple(macos_mounts(output))
    except (OSError, subprocess.SubprocessError) as error:
        log.debug("Could not read the mounted filesystems: %s", error)
    return ()


def _windows_local(real_path: str) -> bool:
    drive = os.path.splitdrive(real_path)[0]
    if not drive or drive.startswith(("\\\\", "//")):
        return False
    import ctypes

    windll: Any = getattr(ctypes, "windll")  # noqa: B009 (exists on Windows only)
    return int(windll.kernel32.GetDriveTypeW(drive + "\\")) in WINDOWS_LOCAL_DRIVES


@cache
def _quiet_watchdog() -> None:
    """Two messages of watchdog 7's inotify observer that report nothing wrong: one when the
    server stops, one when a folder that was watched before comes back (moved away and back)."""
    logging.getLogger("watchdog.observers.inotify").addFilter(
        lambda record: "called when the thread is inactive" not in record.getMessage()
    )
    warnings.filterwarnings("ignore", "Callback with id .* already exists", RuntimeWarning)


def _unescape_octal(text: str) -> str:
    return re.sub(r"\\([0-7]{3})", lambda match: chr(int(match[1], 8)), text)


CHANGES: list[type[FileSystemEvent]] = [
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileAttribEvent,
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
]
"""Events that change files, `touch` included. Reading a file is an event too (opened, closed
without writing, and closed after opening to write whether written or not), and the build
reads every note: passed on, each build would ask for the next one."""

_AS_FILE: dict[type[FileSystemEvent], type[FileSystemEvent]] = {
    DirCreatedEvent: FileCreatedEvent,
    DirDeletedEvent: FileDeletedEvent,
    DirMovedEvent: FileMovedEvent,
}


class FolderChangesAsFiles(FileSystemEventHandler):
    """Passes a folder's creation, deletion or move on as a change of a file at its path.

    MkDocs' server ignores folder events: polling reports each file of a folder that comes or
    goes. Events do not: a folder moved out of the watched one (to the system's trash) is one
    folder event, and the notes in it would stay on the site.

    A link made after the watch started is handed to `on_link` (events do not look behind it),
    and git's lock files inside the vault's repository are dropped: each `git status` makes one
    and deletes it, and polling rarely saw them (the change they lock is passed on, as the lock
    renamed to the file)."""

    def __init__(
        self, handler: FileSystemEventHandler, on_link: Callable[[str], None] | None = None
    ) -> None:
        self.handler = handler
        self.on_link = on_link

    def dispatch(self, event: FileSystemEvent) -> None:
        if _git_lock(event.src_path) and (not event.dest_path or _git_lock(event.dest_path)):
            return
        if self.on_link is not None and event.event_type in ("created", "moved"):
            path = os.fsdecode(event.dest_path or event.src_path)
            if os.path.islink(path):
                self.on_link(path)
        as_file = _AS_FILE.get(type(event))
        if as_file is not None:
            event = as_file(event.src_path, event.dest_path)
        self.handler.dispatch(event)


def _git_lock(path: bytes | str) -> bool:
    text = os.fsdecode(path).replace("\\", "/")
    return text.endswith(".lock") and "/.git/" in text


@dataclass
class _Watch:
    handler: FileSystemEventHandler
    path: str
    recursive: bool
    observer: BaseObserver
    placed: ObservedWatch
    """The watch the observer that holds it gave (not the one handed out, after a move)."""


class SplitObserver:
    """The part of watchdog's observer that MkDocs' server uses (`schedule`, `unschedule`,
    `start`, `stop`, `join`), sending each path to the events observer or the polling one.

    If the events observer cannot start, its paths move to the polling observer, and so do
    later ones, with a warning. A link made inside a folder watched by events after the start
    has what it leads to polled."""

    def __init__(
        self,
        polling: BaseObserver,
        *,
        events: BaseObserver,
        has_events: Callable[[str, bool], bool] = reports_events,
    ) -> None:
        _quiet_watchdog()
        self.polling = polling
        self.events = events
        self._has_events = has_events
        self._watches: dict[ObservedWatch, _Watch] = {}
        self._started: list[BaseObserver] = []
        self._events_failed = False
        self._followed: set[str] = set()

    def schedule(
        self, event_handler: FileSystemEventHandler, path: str, *, recursive: bool = False
    ) -> ObservedWatch:
        if not self._events_failed and self._has_events(path, recursive):
            forward = FolderChangesAsFiles(
                event_handler, lambda link: self._follow(link, event_handler)
            )
            try:
                placed = self.events.schedule(
                    forward, path, recursive=recursive, event_filter=CHANGES, follow_symlink=True
                )
            except OSError as error:
                self._warn(error)
            else:
                return self._keep(_Watch(event_handler, path, recursive, self.events, placed))
        placed = self.polling.schedule(event_handler, path, recursive=recursive)
        return self._keep(_Watch(event_handler, path, recursive, self.polling, placed))

    def unschedule(self, watch: ObservedWatch) -> None:
        kept = self._watches.pop(watch)
        kept.observer.unschedule(kept.placed)

    def start(self) -> None:
        try:
            self.events.start()
            self._started.append(self.events)
        except Exception as error:  # any failure to start: poll instead
            self._warn(error)
            self._events_failed = True
            self.events.stop()
            self._move_to_polling()
        self.polling.start()
        self._started.append(self.polling)

    def stop(self) -> None:
        for observer in (self.events, self.polling):
            observer.stop()

    def join(self, timeout: float | None = None) -> None:
        for observer in self._started:
            observer.join(timeout)

    def by_events(self) -> list[str]:
        return self._paths_of(self.events)

    def by_polling(self) -> list[str]:
        return self._paths_of(self.polling)

    def _paths_of(self, observer: BaseObserver) -> list[str]:
        return [kept.path for kept in self._watches.values() if kept.observer is observer]

    def _keep(self, kept: _Watch) -> ObservedWatch:
        self._watches[kept.placed] = kept
        return kept.placed

    def _follow(self, link: str, handler: FileSystemEventHandler) -> None:
        target = os.path.realpath(link)
        if target in self._followed or not os.path.exists(target):
            return
        self._followed.add(target)
        self.polling.schedule(handler, target, recursive=os.path.isdir(target))

    def _move_to_polling(self) -> None:
        for kept in self._watches.values():
            if kept.observer is self.events:
                kept.observer = self.polling
                kept.placed = self.polling.schedule(
                    kept.handler, kept.path, recursive=kept.recursive
                )

    @staticmethod
    def _warn(error: Exception) -> None:
        log.warning(
            "File events are not available (%s): watching for changes by polling, as MkDocs "
            "does. On Linux, raising fs.inotify.max_user_watches usually helps.",
            error,
        )
