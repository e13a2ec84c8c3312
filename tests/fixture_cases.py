"""Reader for fixture files: cases of an input note, the Markdown it becomes, and its log.

=== title of the case
--- note
text of the note (the body; published frontmatter is added)
--- markdown
the Markdown handed to MkDocs
--- log
3 warning: a substring of the message on body line 3
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Case:
    title: str
    sections: dict[str, str] = field(default_factory=dict)

    @property
    def log(self) -> list[tuple[int, str, str]]:
        expected = []
        for line in self.sections.get("log", "").splitlines():
            if line.strip():
                number, rest = line.split(" ", 1)
                severity, message = rest.split(":", 1)
                expected.append((int(number), severity.strip(), message.strip()))
        return expected


def read_cases(path: Path) -> list[Case]:
    cases: list[Case] = []
    section: str | None = None
    lines: list[str] = []

    def close_section() -> None:
        if cases and section is not None:
            cases[-1].sections[section] = "\n".join(lines).rstrip("\n") + "\n"

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("=== "):
            close_section()
            cases.append(Case(line[4:].strip()))
            section, lines = None, []
        elif line.startswith("--- ") and cases:
            close_section()
            section, lines = line[4:].strip(), []
        else:
            lines.append(line)
    close_section()
    return cases
