"""Which card each note gets, and its file name: a hash of everything the drawing shows, so a
name is drawn once and a change to any of it is a new name (nothing of the note's path or
title reaches the file name)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from functools import lru_cache

from .fonts import CardFonts
from .layout import wrap_title

DRAWING_VERSION = 1
"""Raised whenever `drawing` draws differently, so that cached cards are drawn again."""
TITLE_EMS = 17.0
TITLE_LINES = 3
SITE_FOLDER = "assets/cards"

# Material's primary colours (its palette's `--md-primary-fg-color`).
PRIMARY_COLOURS = {
    "red": "#ef5552",
    "pink": "#e92063",
    "purple": "#ab47bd",
    "deep-purple": "#7e56c2",
    "indigo": "#4051b5",
    "blue": "#2094f3",
    "light-blue": "#02a6f2",
    "cyan": "#00bdd6",
    "teal": "#009485",
    "green": "#4cae4f",
    "light-green": "#8bc34b",
    "lime": "#cbdc38",
    "yellow": "#ffec3d",
    "amber": "#ffc105",
    "orange": "#ffa724",
    "deep-orange": "#ff6e42",
    "brown": "#795649",
    "grey": "#757575",
    "blue-grey": "#546d78",
    "black": "#000000",
    "white": "#ffffff",
}


@dataclass(frozen=True)
class Card:
    title_lines: tuple[str, ...]
    folder: str
    """Where the note sits in the vault, as `A / B`; empty at the top."""
    site_name: str
    primary: str
    """The site's primary colour, as `#rrggbb`."""
    fonts: CardFonts
    versions: str
    """The drawing's version and matplotlib's: a new one draws every card again."""

    def file_name(self) -> str:
        return _file_name(self)


@lru_cache(maxsize=65536)
def _file_name(card: Card) -> str:
    data = json.dumps(asdict(card), ensure_ascii=False, sort_keys=True, default=str)
    signature = data + card.fonts.signature()
    return hashlib.sha256(signature.encode("utf-8")).hexdigest()[:24] + ".png"


@lru_cache(maxsize=65536)  # `mkdocs serve` plans every card again after each save
def card_for(
    title: str, path: str, site_name: str, primary: str, fonts: CardFonts, versions: str
) -> Card:
    folders = path.split("/")[:-1]
    return Card(
        tuple(wrap_title(title, TITLE_EMS, TITLE_LINES)),
        " / ".join(folders[-2:]),
        site_name,
        primary,
        fonts,
        versions,
    )


def primary_colour(palette: object) -> str:
    """The site's primary colour from Material's `palette` option (one scheme or a list of
    them: the first), as `#rrggbb`; Garden's teal when it names none or a custom one."""
    scheme = palette[0] if isinstance(palette, list) and palette else palette
    name = scheme.get("primary") if isinstance(scheme, dict) else None
    key = str(name or "teal").strip().lower().replace(" ", "-")
    return PRIMARY_COLOURS.get(key, PRIMARY_COLOURS["teal"])
