"""When a note was written and last changed: from its frontmatter, else from git history."""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..diagnostics import Diagnostic
from ..note_meta import Problem, shown
from ..vault import Note

CREATED_KEYS = ("created", "date", "created_at", "date created")
MODIFIED_KEYS = ("modified", "updated", "lastmod", "last_modified", "date modified")


@dataclass(frozen=True)
class NoteDates:
    created: dt.date | None = None
    modified: dt.date | None = None

    @property
    def latest(self) -> dt.date | None:
        """The date a list of recent notes sorts by: the last change, else the creation."""
        return self.modified or self.created

    def or_else(self, other: NoteDates) -> NoteDates:
        """These dates if there are any, else `other`: a note that gives one date in its
        frontmatter does not get the other from somewhere else."""
        return self if self.latest is not None else other


def frontmatter_dates(meta: dict[str, Any], problems: list[Problem]) -> NoteDates:
    """`created`/`modified` (and their common spellings) as dates; a value that is no date
    is reported in `problems` and ignored."""
    return NoteDates(
        _first_date(meta, CREATED_KEYS, problems), _first_date(meta, MODIFIED_KEYS, problems)
    )


def _first_date(
    meta: dict[str, Any], keys: tuple[str, ...], problems: list[Problem]
) -> dt.date | None:
    for key in keys:
        value = meta.get(key)
        if value is None or value == "":
            continue
        parsed = parse_date(value)
        if parsed is None:
            message = f"{key} is {shown(value)}, which is not a date (write 2025-03-01); ignored"
            problems.append(Problem(message, key=key))
        return parsed
    return None


def parse_date(value: Any) -> dt.date | None:
    """A date from YAML's own dates, ISO text (`2025-03-01`, `2025-03-01T09:30`, `2025/3/1`,
    `2025年3月1日`) or None."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip().replace("年", "-").replace("月", "-").replace("日", "")
    text = text.replace("/", "-").replace(".", "-")
    day = text.split("T")[0].split(" ")[0]
    try:
        year, month, date = (int(part) for part in day.split("-"))
        return dt.date(year, month, date)
    except (ValueError, OverflowError):
        return None


def git_dates(log: str, prefix: str) -> dict[str, NoteDates]:
    """Dates of the files under `prefix` from `git log --format=%x00%cs --name-only` (each
    commit's date where it was made): the newest commit that touched a file is its last
    change, the oldest its creation."""
    dates: dict[str, NoteDates] = {}
    timestamp: dt.date | None = None
    for line in log.splitlines():
        if line.startswith("\0"):
            timestamp = dt.date.fromisoformat(line[1:].strip())
            continue
        if not line or timestamp is None or not line.startswith(prefix):
            continue
        path = line[len(prefix) :]
        known = dates.get(path)
        modified = known.modified if known else timestamp
        dates[path] = NoteDates(created=timestamp, modified=modified)
    return dates


def chinese_date(date: dt.date) -> str:
    return f"{date.year}年{date.month}月{date.day}日"


def note_dates(
    notes: Mapping[str, Note], history: Mapping[str, NoteDates]
) -> tuple[dict[str, NoteDates], list[Diagnostic]]:
    """Each note's dates: from its frontmatter, else from `history` (git); and a message,
    with its line, for each frontmatter value that is no date."""
    dates: dict[str, NoteDates] = {}
    diagnostics: list[Diagnostic] = []
    for path, note in notes.items():
        problems: list[Problem] = []
        own = frontmatter_dates(note.meta, problems)
        for problem in problems:
            line = note.key_lines.get(problem.key or "", 1)
            diagnostics.append(Diagnostic(path, line, problem.message, problem.severity))
        dates[path] = own.or_else(history.get(path, NoteDates()))
    return dates, diagnostics


def git_history(folder: Path) -> dict[str, NoteDates]:
    """Dates of every file under `folder` from one `git log`; nothing outside a checkout."""
    try:
        prefix = _git(folder, "rev-parse", "--show-prefix").strip()
        log_text = _git(
            folder,
            "-c",
            "core.quotePath=false",
            "log",
            "--format=%x00%cs",
            "--name-only",
            "--no-renames",
            "--",
            ".",
        )
    except (OSError, subprocess.CalledProcessError, subprocess.TimeoutExpired):
        return {}
    return git_dates(log_text, prefix)


def _git(folder: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=folder, capture_output=True, text=True, check=True, timeout=60
    ).stdout
