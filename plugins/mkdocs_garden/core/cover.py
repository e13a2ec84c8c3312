"""A note's card image: Obsidian Publish's `image` or `cover` property, as a vault file or an
address on the web."""

from __future__ import annotations

import re

from .resolve import Resolver
from .urls import has_scheme
from .vault import Note

KEYS = ("image", "cover")
_WIKILINK = re.compile(r"^!?\[\[([^\]|#]+)(?:[|#][^\]]*)?\]\]$")


def cover_of(note: Note, resolver: Resolver) -> str | None:
    """The vault path of the note's card image (or its `https://` address), or None when the
    note names none, or names a file the vault does not have."""
    for key in KEYS:  # the note's properties, whose names are folded already
        value = note.meta.get(key)
        if not isinstance(value, str) or not value.strip():
            continue
        value = value.strip()
        if has_scheme(value):
            return value if value.startswith("https://") else None
        match = _WIKILINK.match(value)
        target = match.group(1) if match else value
        found = resolver.resolve(target, note.path).path
        return found if found in resolver.vault.files else None
    return None
