"""Split a note into its frontmatter mapping and its body.

Obsidian frontmatter sits between `---` lines at the very top of a note and holds YAML; many
vaults write it as a single JSON object, which we read as JSON first so that errors point at
the right character. Obsidian reads properties as YAML 1.2, so we do too (`yamlcore.py`):
`yes`/`on` are text, dates are text, `<<` is no merge key. Whatever goes wrong while reading,
the note gets a FrontmatterError naming the line, never a crash.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, NoReturn

import yaml

from .yamlcore import DuplicateKeyError, load_yaml_core

_OPENING = re.compile(r"---[ \t]*\n")
# Only `---` closes: Obsidian does not know YAML's `...` document end.
_CLOSING = re.compile(r"^---[ \t]*$", re.MULTILINE)
_YAML_KEY = re.compile(r"""^(?P<q>['"]?)(?P<key>[^\s#'"][^:\n]*?)(?P=q)[ \t]*:(?=\s|$)""", re.M)
_JSON_KEY = re.compile(r'"(?P<key>(?:[^"\\\n]|\\.)*)"\s*:')


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
    key_lines: dict[str, int] = field(default_factory=dict)
    """The line (1-based) on which each top-level property is written, by folded name."""


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
    return SplitNote(meta, text[body_start:], body_line, _key_lines(source, first_line=2))


def _key_lines(source: str, first_line: int) -> dict[str, int]:
    pattern = _JSON_KEY if source.lstrip().startswith("{") else _YAML_KEY
    lines: dict[str, int] = {}
    for match in pattern.finditer(source):
        key = match.group("key").casefold()
        lines.setdefault(key, first_line + source.count("\n", 0, match.start()))
    return lines


def _parse(source: str, first_line: int) -> dict[str, Any]:
    if not source.strip():
        return {}
    if source.lstrip().startswith("{"):
        data = _load_json(source, first_line)
    else:
        data = _load_yaml(source, first_line)
    if data is None:
        return {}
    if not isinstance(data, dict):
        kind = type(data).__name__
        raise FrontmatterError(first_line, f"frontmatter must be a mapping of keys, not a {kind}")
    _refuse_keys_of_one_name(data, source, first_line)
    return {str(key): value for key, value in data.items()}


def _load_json(source: str, first_line: int) -> Any:
    try:
        return json.loads(source, object_pairs_hook=_unique_pairs)
    except json.JSONDecodeError as error:
        problem = f"frontmatter is not valid JSON: {error.msg} (column {error.colno})"
        raise FrontmatterError(first_line + error.lineno - 1, problem) from None
    except DuplicateKeyError as error:
        _duplicate(error.key, _json_key_line(source, error.key, 2), first_line)
    except RecursionError:
        raise FrontmatterError(first_line, "frontmatter is nested too deeply to read") from None
    except ValueError as error:  # a number too long for Python to convert, say
        raise FrontmatterError(first_line, f"frontmatter cannot be read: {error}") from None


def _unique_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    mapping: dict[str, Any] = {}
    for key, value in pairs:
        if key in mapping:
            raise DuplicateKeyError(key)
        mapping[key] = value
    return mapping


def _load_yaml(source: str, first_line: int) -> Any:
    try:
        return load_yaml_core(source)
    except yaml.YAMLError as error:
        # The context mark is where the broken construct began (an unclosed `[`, say); the
        # problem mark is only where the parser noticed, often a line later.
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        line = first_line + mark.line if mark is not None else first_line
        problem = getattr(error, "problem", None) or str(error)
        raise FrontmatterError(line, f"frontmatter is not valid YAML: {problem}") from None
    except DuplicateKeyError as error:
        _duplicate(error.key, error.line, first_line)
    except RecursionError:
        raise FrontmatterError(first_line, "frontmatter is nested too deeply to read") from None


def _refuse_keys_of_one_name(data: dict[Any, Any], source: str, first_line: int) -> None:
    """Two properties whose names differ only in case (`publish` and `Publish`) are one
    property to Obsidian: which value holds is not clear, so the note is refused."""
    seen: dict[str, str] = {}
    for key in data:
        folded = str(key).casefold()
        if folded in seen:
            line = _json_key_line(source, str(key), 1)
            if not source.lstrip().startswith("{"):
                line = _yaml_key_line(source, str(key))
            _duplicate(str(key), line, first_line, also=seen[folded])
        seen[folded] = str(key)


def _duplicate(key: str, line: int | None, first_line: int, also: str | None = None) -> NoReturn:
    spellings = f" (as '{also}' and '{key}')" if also is not None else ""
    raise FrontmatterError(
        first_line + (line or 0),
        f"frontmatter names the property '{key}' twice{spellings}; which one holds is not clear",
    )


def _json_key_line(source: str, key: str, occurrence: int) -> int | None:
    """0-based line of the `occurrence`-th `"key":` in JSON source (None if not found)."""
    pattern = re.compile(re.escape(json.dumps(key)) + r"\s*:")
    matches = list(pattern.finditer(source))
    if len(matches) < occurrence:
        return None
    return source.count("\n", 0, matches[occurrence - 1].start())


def _yaml_key_line(source: str, key: str) -> int | None:
    """0-based line where the top-level key `key` is written in YAML source."""
    pattern = re.compile(r"^['\"]?" + re.escape(key) + r"['\"]?[ \t]*:", re.MULTILINE)
    match = pattern.search(source)
    return source.count("\n", 0, match.start()) if match else None
