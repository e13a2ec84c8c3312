"""Which files of the vault that are not notes are published.

An attachment is published when a published note links to it or embeds it (wikilink,
Markdown link or image, reference definition, `href`/`src` in raw HTML, or an address of the
site itself), when a published HTML page loads it, or when it lies in one of the public
folders the site names. Every other file is held back: a private note's images, PDFs and
canvases never reach the site, whatever their names.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from urllib.parse import unquote

from .page.model import LinkKind, NotePage
from .resolve import Resolver
from .text import fold
from .urls import OwnSite, has_scheme, split_url
from .vault import Vault

PAGE_SUFFIXES = (".html", ".htm")
# `href`, `src` (and `data`, `poster`) values in an HTML page of the vault.
_HTML_URL = re.compile(
    r"""\b(?:href|src|data|poster)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Attachments:
    published: frozenset[str]
    held_back: tuple[str, ...]
    """Files of the vault that no published note or page refers to, in path order."""
    references: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False)
    """The vault files each page refers to (for the next build, where the page is the same)."""


def choose_attachments(
    vault: Vault,
    pages: Iterable[NotePage],
    resolver: Resolver,
    own_site: OwnSite,
    public: Iterable[str],
    read_page: Callable[[str], str],
    known: Mapping[str, tuple[str, ...]] | None = None,
) -> Attachments:
    """The attachments of `vault` to publish: those the pages of the published notes refer
    to. `public` lists vault folders (or files) published whole; `read_page` reads an HTML
    page of the vault, for what it loads; `known`: what some of the pages refer to, as an
    earlier build of the same vault found it."""
    folders = tuple(fold(p.strip("/")) for p in public if p.strip("/"))
    chosen = {path for path in vault.files if _under(fold(path), folders)}
    known = known or {}
    references = {
        page.path: known[page.path]
        if page.path in known
        else tuple(path for path in _referenced(page, resolver, own_site) if path in vault.files)
        for page in pages
    }
    waiting = [path for found in references.values() for path in found]
    waiting.extend(path for path in chosen if path.lower().endswith(PAGE_SUFFIXES))
    seen: set[str] = set()
    while waiting:
        path = waiting.pop()
        if path in seen:
            continue
        seen.add(path)
        chosen.add(path)
        if path.lower().endswith(PAGE_SUFFIXES):
            waiting.extend(_loaded_by_page(path, read_page, resolver, vault))
    held_back = tuple(sorted(vault.files - chosen))
    return Attachments(frozenset(chosen), held_back, references)


def _under(path: str, folders: tuple[str, ...]) -> bool:
    return any(path == folder or path.startswith(folder + "/") for folder in folders)


def _referenced(page: NotePage, resolver: Resolver, own_site: OwnSite) -> Iterator[str]:
    """Vault files the page refers to, resolved as the link table resolves them."""
    for use in page.links:
        if use.kind is LinkKind.WIKI:
            found = resolver.resolve(use.target, page.path).path if use.target else None
        elif use.kind is LinkKind.MARKDOWN:
            found = _url_target(unquote(use.target), page.path, resolver, own_site)
        elif use.kind is LinkKind.HTML:
            found = _url_target(use.target, page.path, resolver, own_site)
        else:
            found = None
        if found:
            yield found


def _url_target(url: str, source: str, resolver: Resolver, own_site: OwnSite) -> str | None:
    site_path = own_site.path_of(url)
    if site_path is not None:
        return resolver.by_site_path(site_path)
    path = split_url(url)[0]
    if not path or has_scheme(url) or path.startswith("/"):
        return None
    return resolver.resolve(path, source, relative_first=True).path


def _loaded_by_page(
    page: str, read_page: Callable[[str], str], resolver: Resolver, vault: Vault
) -> Iterator[str]:
    """Files of the vault an HTML page loads or links to by a relative URL (as a browser
    resolves it: from the page's folder, nothing found by name)."""
    try:
        text = read_page(page)
    except (OSError, UnicodeDecodeError):
        return
    folder = posixpath.dirname(page)
    for match in _HTML_URL.finditer(text):
        url = html.unescape(next(group for group in match.groups() if group is not None))
        path = split_url(url)[0]
        if not path or has_scheme(url) or path.startswith("/"):
            continue
        target = posixpath.normpath(posixpath.join(folder, unquote(path)))
        found = resolver.by_path(target) if not target.startswith("..") else None
        if found and found in vault.files:
            yield found
