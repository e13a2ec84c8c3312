"""The site's home page for a vault without `index.md`: its home note, as Obsidian Publish
has one (`Home.md`, `首页.md`, or the note a site names)."""

from __future__ import annotations

from collections.abc import Collection

HOME_NAMES = ("Home.md", "home.md", "首页.md", "主页.md")
ROOT_INDEXES = ("index.md", "README.md")


def home_note(published: Collection[str], named: str = "") -> str | None:
    """The published note to serve as the home page, or None when a published note is the
    site's index already (`index.md`, or `README.md`, the names MkDocs gives the root page)
    or no home note is published. `named` is the site's own choice (a path in the vault) and
    wins over the usual names."""
    if any(path in ROOT_INDEXES for path in published):
        return None
    candidates = (named, *HOME_NAMES) if named else HOME_NAMES
    return next((path for path in candidates if path in published), None)
