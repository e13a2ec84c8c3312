"""The CJK font a card is drawn with, found among the machine's fonts by file name (cheap:
no font is opened, and matplotlib is not imported in the build's own process)."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

# Best first: the fonts that Linux distributions, macOS and Windows install for Chinese.
_FAMILIES = (
    ("notosanscjk", "notosanscjksc"),
    ("sourcehansans", "sourcehansanssc"),
    ("notosanssc",),
    ("wqy-microhei", "wqy-zenhei"),
    ("msyh",),
    ("pingfang",),
    ("hiraginosansgb",),
    ("droidsansfallback",),
)
# Weights by the marks in file names, best first; a file with none of them is the regular one.
_REGULAR = ("regular", "", "medium", "demilight", "light")
_BOLD = ("-bold", "bold", "bd.", "-b.", "heavy", "black", "semibold", "medium", "regular", "")
_WEIGHTS = ("thin", "light", "demilight", "regular", "medium", "semibold", "bold", "bd.", "-b.")
_SUFFIXES = (".ttf", ".otf", ".ttc", ".otc")


@dataclass(frozen=True)
class CardFonts:
    regular: str
    bold: str

    def signature(self) -> str:
        """What changes a drawing when a font file changes: its path and size."""
        return "|".join(f"{path}:{_size(path)}" for path in (self.regular, self.bold))


def find_cjk_fonts(chosen: str = "") -> CardFonts | None:
    """The font named in the options (one file for both weights), else the best CJK font found
    on the machine, its bold weight for titles where there is one; None when there is none."""
    if chosen:
        return CardFonts(chosen, chosen) if Path(chosen).is_file() else None
    files = _font_files()
    for names in _FAMILIES:
        matching = sorted(path for path in files if _squeezed(path.name).startswith(names))
        if matching:
            regular = min(matching, key=lambda path: _distance(path.name, _REGULAR))
            bold = min(matching, key=lambda path: _distance(path.name, _BOLD))
            return CardFonts(str(regular), str(bold))
    return None


def font_folders() -> list[Path]:
    home = Path.home()
    if sys.platform == "win32":
        windows = Path(os.environ.get("WINDIR", "C:/Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home))
        return [windows / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    if sys.platform == "darwin":
        return [
            Path("/System/Library/Fonts"),
            Path("/Library/Fonts"),
            home / "Library" / "Fonts",
        ]
    data = Path(os.environ.get("XDG_DATA_HOME", home / ".local" / "share"))
    return [
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        data / "fonts",
        home / ".fonts",
    ]


def _font_files() -> list[Path]:
    found: list[Path] = []
    for folder in font_folders():
        for root, _dirs, names in os.walk(folder):
            found.extend(Path(root) / name for name in names if name.lower().endswith(_SUFFIXES))
    return found


def _squeezed(name: str) -> str:
    return name.lower().replace(" ", "").replace("_", "")


def _distance(name: str, wanted: tuple[str, ...]) -> int:
    """How far down `wanted` the file's weight is (the unmarked file matches "")."""
    name = name.lower()
    marks = [mark for mark in (*_WEIGHTS, "heavy", "black") if mark in name]
    for rank, mark in enumerate(wanted):
        if (mark and mark in name) or (not mark and not marks):
            return rank
    return len(wanted)


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0
