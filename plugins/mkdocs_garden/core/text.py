"""Decoding note files and folding names the way Obsidian compares them."""

from __future__ import annotations

import re
import unicodedata

UTF8_BOM = b"\xef\xbb\xbf"


class NoteEncodingError(ValueError):
    """A note file that is not UTF-8."""

    def __init__(self, line: int, guess: str | None) -> None:
        self.line = line
        self.guess = guess
        hint = f" (it looks like {guess})" if guess else ""
        super().__init__(f"is not valid UTF-8{hint}; save it as UTF-8")


def decode_note(data: bytes) -> str:
    """UTF-8 text with the BOM dropped and every line ending turned into `\\n`."""
    if data.startswith(UTF8_BOM):
        data = data[len(UTF8_BOM) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise NoteEncodingError(line, _guess_encoding(data)) from None
    return normalise_newlines(text)


def normalise_newlines(text: str) -> str:
    if "\r" not in text:
        text = text.replace("\0", "\ufffd") if "\0" in text else text
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\0", "\ufffd")


def _guess_encoding(data: bytes) -> str | None:
    for encoding in ("gb18030", "big5", "shift_jis", "utf-16"):
        try:
            data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return "GBK/GB18030" if encoding == "gb18030" else encoding
    return None


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """The key under which Obsidian treats two names as the same: NFC, case-insensitive."""
    return unicodedata.normalize("NFC", text).casefold()


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def narrow_html(html: str) -> str:
    """`html` with each character beyond the Basic Multilingual Plane (emoji, rare CJK) as a
    character reference. It reads the same, and the string stays in CPython's two-byte form:
    a page whose link text holds one emoji would otherwise take four bytes a character, and
    MkDocs keeps every page's HTML until the build ends."""
    if not _ASTRAL.search(html):
        return html
    return _ASTRAL.sub(lambda match: f"&#x{ord(match.group(0)):x};", html)
