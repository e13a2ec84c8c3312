"""The site's home page for a vault without `index.md`: its home note, as Obsidian Publish
has one (`Home.md`, `首页.md`, or the note a site names)."""

from __future__ import annotations

from collections.abc import Collection

from .vault import INDEX_NAMES

HOME_NAMES = ("Home.md", "home.md", "首页.md", "主页.md")


def home_note(
    published: Collection[str], all_paths: Collection[str], named: str = ""
) -> str | None:
    """The published note to serve as the home page, or None when the vault has its own
    index (`index.md`, `README.md`) or no home note is published. `named` is the site's own
    choice (a path in the vault) and wins over the usual names."""
    if any(path.lower() in INDEX_NAMES for path in all_paths):
        return None
    candidates = (named, *HOME_NAMES) if named else HOME_NAMES
    return next((path for path in candidates if path in published), None)
