"""`mkdocs serve` watching by file events where the filesystem reports them (`core.file_events`,
`mkdocs_plugins.serve_watcher`): which paths go to events and which are polled, what reaches
the server, and the fall back to polling."""

from __future__ import annotations

import logging
import os
import shutil
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from mkdocs.livereload import LiveReloadServer
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

from mkdocs_garden.core import file_events
from mkdocs_garden.core.file_events import (
    Mount,
    SplitObserver,
    linux_mounts,
    macos_mounts,
    mount_of,
    reports_events,
)
from mkdocs_garden.mkdocs_plugins import serve_watcher
from mkdocs_garden.mkdocs_plugins.serve_watcher import watch_by_events

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify")

MOUNTINFO = r"""22 1 253:0 / / rw,relatime shared:1 - ext4 /dev/vda rw
40 22 0:35 / /mnt/share rw,relatime shared:20 - nfs4 server:/export rw,vers=4.2
41 22 0:36 / /mnt/c rw,noatime - 9p drvfs rw,dirsync,aname=drvfs
42 22 0:37 / /mnt/my\040notes rw - btrfs /dev/vdb rw
43 22 0:38 / /home/me/remote rw - fuse.sshfs me@host: rw
44 22 0:39 / /tmp rw - tmpfs tmpfs rw
"""

MACOS_MOUNT = """/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)
/dev/disk3s5 on /System/Volumes/Data (apfs, local, journaled, nobrowse)
//me@nas._smb._tcp.local/notes on /Volumes/notes (smbfs, nodev, nosuid, mounted by me)
/dev/disk5s1 on /Volumes/USB Stick (msdos, local, nodev, nosuid, noowners)
"""


def test_linux_mounts_read_the_mount_point_and_whether_the_filesystem_reports_events() -> None:
    mounts = linux_mounts(MOUNTINFO)
    assert mounts == [
        Mount("/", True),
        Mount("/mnt/share", False),
        Mount("/mnt/c", False),
        Mount("/mnt/my notes", True),
        Mount("/home/me/remote", False),
        Mount("/tmp", True),
    ]


def test_macos_mounts_are_local_only_when_marked_so() -> None:
    assert macos_mounts(MACOS_MOUNT) == [
        Mount("/", True),
        Mount("/System/Volumes/Data", True),
        Mount("/Volumes/notes", False),
        Mount("/Volumes/USB Stick", True),
    ]


@pytest.mark.parametrize(
    ("path", "point"),
    [
        ("/home/me/vault", "/"),
        ("/mnt/share", "/mnt/share"),
        ("/mnt/share/vault/docs", "/mnt/share"),
        ("/mnt/shared/vault", "/"),  # a longer name is not inside the shorter one
        ("/mnt/my notes/docs", "/mnt/my notes"),
        ("/home/me/remote/docs", "/home/me/remote"),
    ],
)
def test_a_path_is_on_the_longest_mount_point_above_it(path: str, point: str) -> None:
    mount = mount_of(path, linux_mounts(MOUNTINFO))
    assert mount is not None and mount.point == point


def test_of_two_mounts_on_one_point_the_one_mounted_last_is_seen() -> None:
    stacked = linux_mounts(MOUNTINFO + "45 22 0:40 / /mnt/share rw - ext4 /dev/vdc rw\n")
    assert mount_of("/mnt/share/docs", stacked) == Mount("/mnt/share", True)
    over = linux_mounts(MOUNTINFO + "46 22 0:41 / / rw - nfs4 server:/root rw\n")
    assert mount_of("/home/me/vault", over) == Mount("/", False)


@pytest.fixture
def local_mounts(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Every path local, except a folder made to stand for a network mount."""
    remote = tmp_path / "remote"
    remote.mkdir()
    mounts = (Mount("/", True), Mount(str(remote.resolve()), False))
    monkeypatch.setattr(file_events, "_mounts", lambda: mounts)
    return remote


@linux_only
def test_a_folder_reports_events_unless_its_links_lead_where_events_do_not(
    local_mounts: Path, tmp_path: Path
) -> None:
    docs = tmp_path / "docs"
    (docs / "notes").mkdir(parents=True)
    (docs / "notes" / "a.md").write_text("a", encoding="utf-8")
    assert reports_events(str(docs))
    assert not reports_events(str(docs / "notes" / "a.md")), "a file is polled"
    assert not reports_events(str(tmp_path / "missing"))
    assert not reports_events(str(local_mounts)), "a network mount is polled"

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (docs / "linked").symlink_to(elsewhere, target_is_directory=True)
    assert reports_events(str(docs)), "inotify follows a link to a local folder"

    (docs / "remote").symlink_to(local_mounts, target_is_directory=True)
    assert not reports_events(str(docs)), "a link to a network folder is polled"
    (docs / "remote").unlink()

    (elsewhere / "inner.md").symlink_to(docs / "notes" / "a.md")
    assert not reports_events(str(docs)), "a link to a file inside a linked folder is seen"
    assert reports_events(str(docs), recursive=False), "a watch of the folder alone"
    (elsewhere / "inner.md").unlink()

    (docs / ".#a.md").symlink_to(tmp_path / "nowhere")  # Emacs' lock: leads nowhere
    assert reports_events(str(docs)), "a link that leads nowhere has nothing to watch"

    (docs / "linked.md").symlink_to(docs / "notes" / "a.md")
    assert not reports_events(str(docs)), "events do not follow a link to a file"


@linux_only
def test_a_tree_over_half_of_inotifys_watches_is_polled(
    local_mounts: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = tmp_path / "docs"
    (docs / "a" / "b").mkdir(parents=True)
    monkeypatch.setattr(file_events, "_inotify_watch_limit", lambda: 6)
    assert reports_events(str(docs)), "3 folders, 6 watches"
    monkeypatch.setattr(file_events, "_inotify_watch_limit", lambda: 5)
    assert not reports_events(str(docs)), "watchdog would leave folders unwatched silently"


class Recorder(FileSystemEventHandler):
    def __init__(self) -> None:
        self.events: list[FileSystemEvent] = []
        self.lock = threading.Lock()

    def on_any_event(self, event: FileSystemEvent) -> None:
        with self.lock:
            self.events.append(event)

    def seen(self, condition: Callable[[FileSystemEvent], bool], seconds: float = 10) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            with self.lock:
                if any(condition(event) for event in self.events):
                    return True
            time.sleep(0.02)
        return False


@pytest.fixture
def observer() -> Iterator[SplitObserver]:
    split = SplitObserver(
        PollingObserver(timeout=0.1),
        events=Observer(),
        has_events=lambda path, _recursive: os.path.isdir(path),
    )
    yield split
    split.stop()
    split.join(5)


@linux_only
def test_folders_go_to_events_and_files_to_polling(observer: SplitObserver, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "folder").mkdir(parents=True)
    (docs / "folder" / "b.md").write_text("b", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\n", encoding="utf-8")
    recorder = Recorder()
    observer.schedule(recorder, str(docs), recursive=True)
    observer.schedule(recorder, str(config), recursive=True)
    assert observer.by_events() == [str(docs)]
    assert observer.by_polling() == [str(config)]
    observer.start()

    (docs / "folder" / "b.md").read_text(encoding="utf-8")  # the build reads every note
    (docs / "a.md").write_text("a", encoding="utf-8")
    assert recorder.seen(lambda event: event.src_path == str(docs / "a.md"))
    assert all(event.event_type not in ("opened", "closed_no_write") for event in recorder.events)

    shutil.move(docs / "folder", tmp_path / "trash")  # a folder sent to the system's trash
    assert recorder.seen(
        lambda event: event.src_path == str(docs / "folder") and not event.is_directory
    ), "a folder that leaves reaches the server as a change it does not ignore"

    config.write_text("site_name: y\n", encoding="utf-8")
    assert recorder.seen(lambda event: event.src_path == str(config))


@linux_only
def test_what_is_a_change_and_what_is_not(observer: SplitObserver, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / ".git").mkdir(parents=True)
    (docs / "a.md").write_text("a", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    recorder = Recorder()
    observer.schedule(recorder, str(docs), recursive=True)
    observer.start()

    with (docs / "a.md").open("r+", encoding="utf-8"):  # opened to write, nothing written
        pass
    lock = docs / ".git" / "index.lock"  # `git status`
    lock.write_text("x", encoding="utf-8")
    lock.unlink()
    os.utime(docs / "a.md")  # `touch`
    assert recorder.seen(lambda event: event.src_path == str(docs / "a.md"))
    time.sleep(0.3)
    assert [event.event_type for event in recorder.events] == ["attrib"]

    lock.write_text("y", encoding="utf-8")
    lock.rename(docs / ".git" / "index")  # what the lock was for: passed on
    assert recorder.seen(lambda event: event.dest_path == str(docs / ".git" / "index"))

    (docs / "linked").symlink_to(elsewhere, target_is_directory=True)  # after the start
    assert recorder.seen(lambda event: event.src_path == str(docs / "linked"))
    time.sleep(0.3)  # the polling of what it leads to takes its first look
    (elsewhere / "b.md").write_text("b", encoding="utf-8")
    assert recorder.seen(lambda event: event.src_path == str(elsewhere / "b.md"))


class NoEvents(PollingObserver):
    """An events observer that cannot start, as inotify at its limit of watches."""

    def start(self) -> None:
        raise OSError(28, "inotify watch limit reached")


def test_when_events_cannot_start_every_path_is_polled(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    split = SplitObserver(
        PollingObserver(timeout=0.1),
        events=NoEvents(),
        has_events=lambda path, _recursive: os.path.isdir(path),
    )
    recorder = Recorder()
    watch = split.schedule(recorder, str(docs), recursive=True)
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.garden.file_events"):
        split.start()
    try:
        assert "watching for changes by polling" in caplog.text
        assert split.by_events() == [] and split.by_polling() == [str(docs)]
        (docs / "a.md").write_text("a", encoding="utf-8")
        assert recorder.seen(lambda event: event.src_path == str(docs / "a.md"))
        split.unschedule(watch)
        assert split.by_polling() == []
        split.schedule(recorder, str(docs), recursive=True)
        assert split.by_polling() == [str(docs)], "later paths are polled too"
    finally:
        split.stop()
        split.join(5)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveReloadServer]:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    live = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    live.watch(str(tmp_path / "docs"))
    live.watch(str(tmp_path / "docs"))  # watched twice (by two plugins): kept twice
    live.watch(str(tmp_path / "mkdocs.yml"))
    live.watch(str(tmp_path), recursive=False)  # a plugin's watch of the project's folder
    yield live
    live.observer.stop()
    live.server_close()


@linux_only
def test_the_server_watches_its_folders_by_events(
    server: LiveReloadServer, tmp_path: Path, local_mounts: Path
) -> None:
    split = watch_by_events(server, "auto")
    assert split is not None and server.observer is split
    assert split.by_events() == [str(tmp_path / "docs")]
    assert split.by_polling() == [str(tmp_path / "mkdocs.yml"), str(tmp_path)], (
        "a folder with a network mount inside it is polled"
    )
    recursive = {watch.path: watch.is_recursive for watch in split.polling._watches}
    assert recursive[str(tmp_path)] is False, "a plugin's watch keeps its recursive=False"
    server.unwatch(str(tmp_path / "docs"))
    assert split.by_events() == [str(tmp_path / "docs")], "one of its two watches is left"
    server.unwatch(str(tmp_path / "docs"))
    assert split.by_events() == []


def test_a_system_without_file_events_leaves_mkdocs_polling(
    server: LiveReloadServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_instances() -> None:
        raise OSError(24, "inotify instance limit reached")

    polling, watched = server.observer, dict(server._watched_paths)
    monkeypatch.setattr(serve_watcher, "Observer", no_instances)
    assert watch_by_events(server, "auto") is None
    assert server.observer is polling and server._watched_paths == watched
    monkeypatch.setattr(serve_watcher, "Observer", PollingObserver)  # watchdog's fallback
    assert watch_by_events(server, "auto") is None


def test_never_leaves_mkdocs_polling(server: LiveReloadServer) -> None:
    polling = server.observer
    assert watch_by_events(server, "never") is None
    assert server.observer is polling


def test_a_started_observer_is_left_as_it_is(server: LiveReloadServer) -> None:
    polling = server.observer
    polling.start()
    try:
        assert watch_by_events(server, "auto") is None
        assert server.observer is polling
    finally:
        polling.stop()
        polling.join(5)


def test_a_server_that_watches_nothing_is_left_as_it_is(tmp_path: Path) -> None:
    live = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        polling = live.observer
        assert watch_by_events(live, "auto") is None  # `mkdocs serve --no-livereload`
        assert live.observer is polling
    finally:
        live.server_close()
