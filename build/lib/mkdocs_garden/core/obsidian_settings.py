"""The vault's own Obsidian settings that change what the site shows: `.obsidian/app.json`
(strict line breaks), the trash, and the templates folders."""

from __future__ import annotations

import json
from pathlib import Path

APP_SETTINGS = Path(".obsidian") / "app.json"


def strict_line_breaks(vault: Path) -> bool:
    """Obsidian's "Strict line breaks" (Editor settings): off unless the vault turns it on,
    so that a single newline in a paragraph is a line break."""
    try:
        settings = json.loads((vault / APP_SETTINGS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(settings, dict) and settings.get("strictLineBreaks") is True


TRASH = ".trash"
"""Where Obsidian moves deleted notes (Settings → Files and links → Deleted files)."""


def folders_that_are_not_notes(vault: Path) -> tuple[str, ...]:
    """Vault folders that never reach the site, whatever MkDocs' `exclude_docs` says:
    Obsidian's settings, its trash, and the templates folders of the Templates core plugin
    and of Templater (a template's `{{title}}` is not a note)."""
    folders = [".obsidian", TRASH]
    for settings, key in (
        (Path(".obsidian") / "templates.json", "folder"),
        (Path(".obsidian") / "plugins" / "templater-obsidian" / "data.json", "templates_folder"),
    ):
        folder = _setting(vault / settings, key)
        if isinstance(folder, str) and folder.strip("/ "):
            folders.append(folder.strip("/ "))
    return tuple(dict.fromkeys(folders))


def is_in_folders(path: str, folders: tuple[str, ...]) -> bool:
    return any(path == folder or path.startswith(f"{folder}/") for folder in folders)


def _setting(path: Path, key: str) -> object:
    try:
        settings = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return settings.get(key) if isinstance(settings, dict) else None
