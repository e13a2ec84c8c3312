"""Split a note into its frontmatter mapping and its body.

Obsidian frontmatter sits between `---` lines at the very top of a note and
holds YAML; many vaults write it as a single JSON object, which we read as
JSON first so that errors point at the right character.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import yaml

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it

_OPENING = re.compile(r"---[ \t]*\n")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


class FrontmatterError(ValueError):
    def __init__(self, line: int, problem: str) -> None:
        self.line = line
        self.problem = problem
        super().__init__(f"line {line}: {problem}")


@dataclass(frozen=True)
class SplitNote:
    meta: dict[str, Any]
    body: str
    body_line: int
    """The line of the file on which the body starts (1-based)."""


def split_frontmatter(text: str) -> SplitNote:
    """Frontmatter and body of `text` (already decoded, with `\\n` line ends)."""
    opening = _OPENING.match(text)
    if opening is None:
        return SplitNote({}, text, 1)
    closing = _CLOSING.search(text, opening.end())
    if closing is None:
        raise FrontmatterError(1, "frontmatter opened with '---' on line 1 is never closed")
    source = text[opening.end() : closing.start()]
    meta = _parse(source, first_line=2)
    body_start = closing.end() + 1 if closing.end() < len(text) else len(text)
    body_line = text.count("\n", 0, body_start) + 1
    return SplitNote(meta, text[body_start:], body_line)


def _parse(source: str, first_line: int) -> dict[str, Any]:
    if not source.strip():
        return {}
    if source.lstrip().startswith("{"):
        try:
            data = json.loads(source)
        except json.JSONDecodeError as error:
            problem = f"frontmatter is not valid JSON: {error.msg} (column {error.colno})"
            raise FrontmatterError(first_line + error.lineno - 1, problem) from None
    else:
        data = _load_yaml(source, first_line)
    if data is None:
        return {}
    if not isinstance(data, dict):
        kind = type(data).__name__
        raise FrontmatterError(first_line, f"frontmatter must be a mapping of keys, not a {kind}")
    return {str(key): value for key, value in data.items()}


def _load_yaml(source: str, first_line: int) -> Any:
    try:
        return yaml.load(source, Loader=_Loader)
    except yaml.YAMLError as error:
        # The context mark is where the broken construct began (an unclosed `[`, say); the
        # problem mark is only where the parser noticed, often a line later.
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        line = first_line + mark.line if mark is not None else first_line
        problem = getattr(error, "problem", None) or str(error)
        raise FrontmatterError(line, f"frontmatter is not valid YAML: {problem}") from None
