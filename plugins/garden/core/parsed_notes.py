"""Each note of the vault parsed once per build, when first asked for."""

from __future__ import annotations

from .markdown.scan import ParsedNote, scan
from .vault import Vault


class ParsedNotes:
    def __init__(self, vault: Vault) -> None:
        self.vault = vault
        self._parsed: dict[str, ParsedNote] = {}

    def __call__(self, path: str) -> ParsedNote:
        parsed = self._parsed.get(path)
        if parsed is None:
            parsed = self._parsed[path] = scan(self.vault.notes[path].body)
        return parsed
