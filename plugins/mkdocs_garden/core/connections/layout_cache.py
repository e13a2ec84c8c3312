"""Graph layouts kept between builds, by a hash of what a layout depends on (the number of
nodes, the edges and the layout's own code): laying out a graph of thousands of notes costs a
good part of a second, and most builds leave the links as they were."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import numpy.typing as npt

KEEP = 8
"""Layouts kept: the newest ones (a serve session changing links makes one per change)."""


class LayoutStore:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def get(self, key: str) -> npt.NDArray[np.float64] | None:
        try:
            found: npt.NDArray[np.float64] = np.load(self.folder / f"{key}.npy", allow_pickle=False)
        except (OSError, ValueError):  # none yet, or cut short by a killed build
            return None
        if found.dtype != np.float64 or found.ndim != 2:
            return None
        os.utime(self.folder / f"{key}.npy")  # the newest, kept by `put`'s pruning
        return found

    def put(self, key: str, positions: npt.NDArray[np.float64]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        temporary = self.folder / f"{key}.{os.getpid()}.tmp.npy"
        np.save(temporary, positions, allow_pickle=False)
        temporary.replace(self.folder / f"{key}.npy")
        kept = sorted(self.folder.glob("*.npy"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in kept[KEEP:]:
            old.unlink(missing_ok=True)
