"""Figures drawn in variants, and the markup that shows the variant that fits.

A figure file `name.svg` may come with `name.dark.svg` (drawn for the dark scheme),
`name.narrow.svg` (its panels stacked for a phone) and `name.narrow.dark.svg`. A note names the
figure once, `![[name.svg]]`, and Obsidian shows that one file; on the site the image becomes a
`<picture>` per scheme, each taking its narrow file on a narrow screen, and the site's CSS shows
the picture of the scheme the page is in (Material's palette toggle included, which a media
query cannot follow). Both pictures load lazily: the hidden one is never fetched.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

DARK, NARROW = ".dark", ".narrow"
NARROW_MEDIA = "(max-width: 44.984375em)"
"""Below 720 px, Material's own breakpoint: wider, the column holds a wide figure at about
its drawn size (more than 670 px)."""
FIGURE_CLASS = "garden-figure"
LIGHT_CLASS, DARK_CLASS = f"{FIGURE_CLASS}--light", f"{FIGURE_CLASS}--dark"

_IMG = re.compile(r"<img\b[^>]*>")
_SRC = re.compile(r'\ssrc="([^"]*)"')
_PICTURE = re.compile(r"<(/?)picture\b")


@dataclass(frozen=True)
class Variants:
    """The files drawn besides one figure (None: not drawn)."""

    narrow: str | None = None
    dark: str | None = None
    narrow_dark: str | None = None


def find_variants(names: Iterable[str]) -> dict[str, Variants]:
    """The figures among `names` that have variants, by file name."""
    present = set(names)
    found = {}
    for name in sorted(present):
        stem, dot, extension = name.rpartition(".")
        if not dot or stem.endswith((DARK, NARROW)):
            continue
        drawn = [f"{stem}{suffix}.{extension}" for suffix in (NARROW, DARK, NARROW + DARK)]
        variants = Variants(*(variant if variant in present else None for variant in drawn))
        if variants != Variants():
            found[name] = variants
    return found


def site_path(src: str, page_url: str) -> str | None:
    """The site path an image's relative `src` reaches from the page at `page_url`; None for
    an address elsewhere, absolute, or with a query or fragment (`#only-dark` and the like)."""
    parts = urlsplit(html.unescape(src))
    if parts.scheme or parts.netloc or parts.query or parts.fragment or src.startswith("/"):
        return None
    page = "/" + unquote(page_url)
    folder = page if page.endswith("/") else posixpath.dirname(page) + "/"
    return posixpath.normpath(posixpath.join(folder, unquote(parts.path))).lstrip("/")


def show_variants(
    text: str, figure_of: Callable[[str], str | None], variants: Mapping[str, Variants]
) -> str:
    """`text` (a page's HTML) with each image of a figure that has variants made into the
    pictures that show them; `figure_of` names the figure an image's `src` shows, if any."""
    pieces, done = [], 0
    for match in _IMG.finditer(text):
        src = _SRC.search(match.group(0))
        drawn = variants.get(figure_of(src.group(1)) or "") if src else None
        if src is None or drawn is None or _inside_picture(text, match.start()):
            continue
        pieces += [text[done : match.start()], pictures(match.group(0), src.group(1), drawn)]
        done = match.end()
    return "".join(pieces) + text[done:] if pieces else text


def pictures(img: str, src: str, variants: Variants) -> str:
    """The markup that replaces the `img` tag of a figure (its address `src`, as written)."""
    light = _picture(img, src, None, variants.narrow, LIGHT_CLASS if variants.dark else "")
    if variants.dark is None:
        return light
    return light + _picture(img, src, variants.dark, variants.narrow_dark, DARK_CLASS)


def _picture(img: str, src: str, wide: str | None, narrow: str | None, scheme: str) -> str:
    """One `<picture>`: the file `wide` (None: the image's own), the file `narrow` on a narrow
    screen."""
    classes = f"{FIGURE_CLASS} {scheme}".strip()
    source = f'<source media="{NARROW_MEDIA}" srcset="{_sibling(src, narrow)}">' if narrow else ""
    tag = img if wide is None else img.replace(f' src="{src}"', f' src="{_sibling(src, wide)}"', 1)
    if " loading=" not in tag:
        tag = tag[:-1].rstrip("/ ") + ' loading="lazy">'
    return f'<picture class="{classes}">{source}{tag}</picture>'


def _sibling(src: str, name: str) -> str:
    """The address of file `name` in the folder of the address `src` (escaped for HTML)."""
    return src[: src.rfind("/") + 1] + html.escape(quote(name))


def _inside_picture(text: str, position: int) -> bool:
    """Whether the tag at `position` is already in a `<picture>` (one written in a note)."""
    opened = [m.group(1) for m in _PICTURE.finditer(text, 0, position)]
    return bool(opened) and opened[-1] == ""
