"""Material's search index file, written entry by entry. Material encodes its whole index into
one string, then into bytes, before it writes them: at 5,000 notes that is 39 MB of JSON
(Chinese text escaped as `\\uXXXX`) held three times over, the build's peak of memory. The file
written here is the same bytes, and no more than one entry is held as JSON at a time."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from typing import Any

NO_DOCS = '"docs":[]}'
"""How an index with no entries ends, as Material writes it."""


def entry_json(entry: dict[str, Any]) -> str:
    """A search entry as Material writes it into its index."""
    return json.dumps(entry, separators=(",", ":"), default=str)


def write_index_file(path: str, empty_index: str, chunks: Iterable[str]) -> bool:
    """Write the index whose form without entries is `empty_index` (Material's own output,
    settings included) with `chunks` (entries as JSON, each chunk one or more entries joined
    by commas; empty chunks stand for none). False, and nothing written, for an index whose
    form is not known."""
    if not empty_index.endswith(NO_DOCS):
        return False
    os.makedirs(os.path.dirname(path), exist_ok=True)
    partial = f"{path}.partial"
    with open(partial, "w", encoding="utf-8", newline="") as out:
        out.write(empty_index[: -len(NO_DOCS)])
        out.write('"docs":[')
        first = True
        for chunk in chunks:
            if not chunk:
                continue
            if not first:
                out.write(",")
            out.write(chunk)
            first = False
        out.write("]}")
    os.replace(partial, path)
    return True
