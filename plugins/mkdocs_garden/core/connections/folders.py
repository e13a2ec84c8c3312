"""A listing page for each folder of published notes that has no index note of its own."""

from __future__ import annotations

import posixpath
from collections import defaultdict
from dataclasses import dataclass

from ..markup import literal_text, markdown_link
from ..text import fold
from ..urls import quote_path
from ..vault import INDEX_NAMES, strip_note_suffix
from .dates import NoteDates, chinese_date


@dataclass(frozen=True)
class ListedNote:
    path: str
    title: str
    dates: NoteDates


def folder_pages(notes: list[ListedNote]) -> dict[str, str]:
    """Generated `folder/index.md` pages (vault path → Markdown) for every folder holding a
    published note, directly or below, that has no index note: neither `index.md` or
    `README.md` inside it, nor a folder note `X.md` beside the folder `X` (whose page MkDocs
    writes where the folder's index goes). Only `notes` are listed."""
    subfolders: dict[str, set[str]] = defaultdict(set)
    for note in notes:
        folder = posixpath.dirname(note.path)
        while folder:
            subfolders[posixpath.dirname(folder)].add(folder)
            folder = posixpath.dirname(folder)
    index_of = _index_notes(notes, {f for folders in subfolders.values() for f in folders})
    children: dict[str, list[ListedNote]] = defaultdict(list)
    for note in notes:
        if note.path not in index_of.values():
            children[posixpath.dirname(note.path)].append(note)
    indexed = {fold(folder) for folder in index_of}
    folders = [f for f in sorted(set(children) | set(subfolders)) if f and fold(f) not in indexed]
    index_of.update({folder: f"{folder}/index.md" for folder in folders})
    return {
        index_of[folder]: _listing(
            folder,
            [(sub, index_of[sub]) for sub in sorted(subfolders.get(folder, ()))],
            children.get(folder, []),
        )
        for folder in folders
    }


def _index_notes(notes: list[ListedNote], folders: set[str]) -> dict[str, str]:
    """The note standing for each folder that has one, by folder."""
    index_of = {posixpath.dirname(n.path): n.path for n in notes if _is_index(n.path)}
    for note in notes:
        stem = strip_note_suffix(note.path)
        if stem in folders:
            index_of.setdefault(stem, note.path)
    return index_of


def _is_index(path: str) -> bool:
    return posixpath.basename(path).lower() in INDEX_NAMES


def _listing(folder: str, subfolders: list[tuple[str, str]], notes: list[ListedNote]) -> str:
    """The page of `folder`: its subfolders (each with its index page), then its notes."""
    name = posixpath.basename(folder)
    lines = [f"# {literal_text(name)}", ""]
    lines.append(f"这个文件夹里有 {len(notes)} 篇笔记{_folder_count(subfolders)}。")
    lines.append("")
    for child, index in subfolders:
        url = quote_path(posixpath.relpath(index, folder))
        lines.append(f"- 📁 {markdown_link(posixpath.basename(child), url)}")
    for note in sorted(notes, key=lambda n: (fold(n.title), n.path)):
        link = markdown_link(note.title, quote_path(posixpath.basename(note.path)))
        lines.append(f"- {link}{_dates(note.dates)}")
    return "\n".join(lines) + "\n"


def _folder_count(subfolders: list[tuple[str, str]]) -> str:
    return f"、{len(subfolders)} 个子文件夹" if subfolders else ""


def _dates(dates: NoteDates) -> str:
    if dates.latest is None:
        return ""
    return f' <span class="garden-date">{chinese_date(dates.latest)}</span>'
