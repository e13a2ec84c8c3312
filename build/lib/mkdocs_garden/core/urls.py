"""URLs: relative links between files and pages, and the site's own absolute addresses."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote, unquote, urlsplit

# What a path handed to Python-Markdown may not hold as it is: ASCII outside the URL-safe set,
# and any kind of space.
_UNSAFE_IN_PATH = re.compile(r"[^A-Za-z0-9/!$&'*+,;=:@~._\-\x80-\U0010ffff]|\s")


def quote_path(path: str) -> str:
    """`path` fit for a Markdown link: ASCII specials and spaces encoded, other letters kept,
    and never read as a scheme (`javascript:x.md` is written `./javascript:x.md`)."""
    return not_a_scheme(_UNSAFE_IN_PATH.sub(lambda match: quote(match.group(0), safe=""), path))


def not_a_scheme(path: str) -> str:
    """A relative path whose first segment holds `:` would read as a URL with a scheme."""
    return "./" + path if ":" in path.partition("/")[0] else path


def relative_path(target: str, source: str) -> str:
    """`target` as a path relative to the folder of `source` (both vault paths)."""
    return _relative_to_folder(target, posixpath.dirname(source))


@lru_cache(maxsize=65536)
def _relative_to_folder(target: str, folder: str) -> str:
    return posixpath.relpath(target, folder or ".")


def relative_url(url: str, base: str) -> str:
    """`url` relative to the page at `base` (both relative to the site root), as MkDocs does."""
    folder = base
    if base not in ("", "."):
        head, tail = posixpath.split(base)
        folder = head if "." in tail else base
    if "." in url or "." in folder:
        relative = posixpath.relpath("/" + url, "/" + folder)
    else:
        relative = _relative_plain(url, folder)
    return not_a_scheme(relative + "/" if url.endswith("/") and relative != "." else relative)


def _relative_plain(url: str, folder: str) -> str:
    """`posixpath.relpath` for paths free of `.` segments, ten times faster: backlinks ask for
    one per linking note on every page."""
    target = [part for part in url.split("/") if part]
    start = [part for part in folder.split("/") if part]
    shared = 0
    for mine, theirs in zip(target, start, strict=False):
        if mine != theirs:
            break
        shared += 1
    return "/".join([".."] * (len(start) - shared) + target[shared:]) or "."


def split_url(url: str) -> tuple[str, str]:
    """The path of `url` (without its query) and its fragment."""
    path, hash_, fragment = url.partition("#")
    return path.partition("?")[0], fragment if hash_ else ""


def has_scheme(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme or parts.netloc)


@dataclass(frozen=True)
class OwnSite:
    """The addresses under which this site is, or was, published."""

    bases: tuple[str, ...]

    def path_of(self, url: str) -> str | None:
        """The site path `url` points at, if it is an absolute address of this site."""
        parts = urlsplit(url)
        if not parts.netloc:
            return None
        for base in self.bases:
            base_parts = urlsplit(base)
            if parts.netloc.lower() != base_parts.netloc.lower():
                continue
            prefix = base_parts.path.rstrip("/") + "/"
            path = parts.path or "/"
            if (path + "/").startswith(prefix):
                return unquote(path[len(prefix) :])
        return None
