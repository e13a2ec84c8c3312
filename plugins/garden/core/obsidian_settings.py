"""The vault's own Obsidian settings that change how notes look (`.obsidian/app.json`)."""

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
