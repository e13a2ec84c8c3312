"""Redirects to published notes from their aliases and Obsidian Publish's `permalink`.

An old address (`/点积相似度/`, an alias; `/notes/dot/`, a permalink) must land on the note, as
Quartz's AliasRedirects and Obsidian Publish do. Each becomes a small page at `ADDRESS/index.html`
that sends the reader on; only published notes have them, and an address taken by a page or a
file of the site is never replaced.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import unquote

from .diagnostics import Diagnostic, Severity

_UNSAFE = re.compile(r'[\\:*?"<>|#%\x00-\x1f\x7f]')
RESERVED = frozenset(("404.html", "sitemap.xml", "sitemap.xml.gz", "search", "assets"))
"""Outputs the theme and MkDocs write after the plugins have added theirs."""


@dataclass(frozen=True)
class RedirectSource:
    note: str
    """The published note's path in the vault."""
    addresses: tuple[str, ...]
    """Its aliases, then its permalink, as written."""
    line: int = 1


@dataclass(frozen=True)
class Redirect:
    path: str
    """Where the redirect page is written in the site: `ADDRESS/index.html`."""
    note: str
    target_url: str
    """The note's URL, relative to the site's root."""


def plan_redirects(
    sources: Iterable[RedirectSource],
    note_urls: Mapping[str, str],
    taken: Callable[[str], bool],
) -> tuple[list[Redirect], list[Diagnostic]]:
    """One redirect per address that is free; `taken(path)` says whether the site already
    has an output at `path` (a page, a file, another plugin's output), names case-folded."""
    redirects: dict[str, Redirect] = {}
    problems: list[Diagnostic] = []
    for source in sorted(sources, key=lambda s: s.note):
        for address in source.addresses:
            folder = address_folder(address)
            if folder is None:
                continue
            path = f"{folder}/index.html"
            url = note_urls[source.note]
            if unquote(url).rstrip("/") == folder:
                continue  # the note's own address
            if _is_taken(folder, taken):
                problems.append(_collides(source, address, "a page or file of the site"))
                continue
            if path in redirects:
                if redirects[path].note != source.note:
                    problems.append(_collides(source, address, redirects[path].note))
                continue
            redirects[path] = Redirect(path, source.note, url)
    return list(redirects.values()), problems


def address_folder(address: str) -> str | None:
    """The site folder an alias or permalink names, or None when it names none: empty,
    leaving the site (`..`), or holding what a file name or a URL path cannot (a backslash, a
    drive's colon, `?`, `#`, control characters)."""
    parts = [part for part in address.strip().strip("/").split("/") if part not in ("", ".")]
    if not parts or any(part == ".." or _UNSAFE.search(part) for part in parts):
        return None
    return "/".join(parts)


def redirect_page(redirect: Redirect, site_url: str = "") -> str:
    """The redirect page: a relative refresh (so that the site works under any sub-path),
    the canonical address when the site's URL is known, and a link for readers without
    either. `target_url` is a URL as MkDocs gives it: relative to the root, already quoted."""
    depth = redirect.path.count("/")
    href = html.escape("../" * depth + redirect.target_url or "./", quote=True)
    canonical = site_url.rstrip("/") + "/" + redirect.target_url if site_url else ""
    head = (
        f'<link rel="canonical" href="{html.escape(canonical, quote=True)}">\n' if canonical else ""
    )
    return (
        '<!doctype html>\n<html lang="zh">\n<head>\n<meta charset="utf-8">\n'
        f"<title>跳转</title>\n"
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        f'<meta name="robots" content="noindex">\n{head}</head>\n'
        f'<body><p>这篇笔记已移到 <a href="{href}">新的地址</a>。</p></body>\n</html>\n'
    )


def _is_taken(folder: str, taken: Callable[[str], bool]) -> bool:
    """Whether the redirect's page would replace an output, or its folder (or one above it)
    is a file of the site; names compared case-folded, as macOS and Windows do."""
    parts = folder.split("/")
    above = ["/".join(parts[: index + 1]) for index in range(len(parts))]
    return taken(f"{folder}/index.html") or any(
        taken(path) or path.casefold() in RESERVED for path in above
    )


def _collides(source: RedirectSource, address: str, holder: str) -> Diagnostic:
    return Diagnostic(
        source.note,
        source.line,
        f"alias or permalink '{address}' is the address of {holder}; no redirect from it",
        Severity.WARNING,
    )
