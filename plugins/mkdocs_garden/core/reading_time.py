"""How long a note takes to read: Chinese (and Japanese, Korean) counted by characters, other
languages by words."""

from __future__ import annotations

import math
import re

CHARACTERS_A_MINUTE = 400
WORDS_A_MINUTE = 200
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")
_WORD = re.compile(r"[^\W\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af_]+")


def reading_minutes(text: str) -> int:
    """Whole minutes, at least one for a note with any text."""
    characters = len(_CJK.findall(text))
    words = len(_WORD.findall(text))
    if not characters and not words:
        return 0
    return max(1, math.ceil(characters / CHARACTERS_A_MINUTE + words / WORDS_A_MINUTE))
