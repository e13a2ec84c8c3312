"""Paths Garden makes up from names of the vault (tag pages, say) that every file system
can hold: a name is at most 255 bytes, a path a few thousand. Long names are cut and given a
stable hash, so that the same name always gives the same path and two names never share one."""

from __future__ import annotations

import hashlib
import os
import posixpath

MAX_SEGMENT_BYTES = 100
MAX_PATH_BYTES = 1000
_HASH_LENGTH = 10


def fitting_segment(name: str, limit: int = MAX_SEGMENT_BYTES) -> str:
    """`name` if it fits in `limit` bytes of UTF-8, else its start and a hash of it all."""
    encoded = name.encode("utf-8")
    if len(encoded) <= limit:
        return name
    start = encoded[: limit - _HASH_LENGTH - 1].decode("utf-8", errors="ignore")
    return f"{start}-{_digest(name)}"


def fitting_path(folder: str, names: list[str], leaf: str) -> str:
    """`folder/names…/leaf`, each name fitted; a path still too long gets one hashed name."""
    path = posixpath.join(folder, *(fitting_segment(name) for name in names), leaf)
    if len(path.encode("utf-8")) <= MAX_PATH_BYTES:
        return path
    return posixpath.join(folder, _digest("/".join(names)), leaf)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:_HASH_LENGTH]


def is_inside(path: str, folder: str) -> bool:
    """Whether the file-system `path` is `folder` or lies under it (both absolute)."""
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)
