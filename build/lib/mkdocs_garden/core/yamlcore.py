"""YAML as Obsidian reads properties: the YAML 1.2 core schema, with libyaml's speed.

PyYAML implements YAML 1.1, where `yes`, `on` and `y` are booleans, `2025-02-30` is a date
that fails to construct, `012` is octal and `<<` merges another mapping in. Obsidian's
properties follow YAML 1.2: only `true`/`false` are booleans, dates stay text, and `<<` is a
key like any other. A mapping that names a key twice is an error, as it is in Obsidian.
Every failure while building values (an explicit `!!int abc`, say) becomes a YAMLError with
the line of the value, so that no frontmatter can stop a build.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, Node

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it

MERGE_KEY = "<<"


class DuplicateKeyError(ValueError):
    def __init__(self, key: str, line: int | None = None) -> None:
        self.key = key
        self.line = line
        super().__init__(f"key {key!r} appears twice")


class CoreLoader(_Base):  # type: ignore[misc]
    """PyYAML's safe loader with the YAML 1.2 core schema's implicit types."""

    yaml_implicit_resolvers: ClassVar[dict[Any, list[tuple[str, re.Pattern[str]]]]] = {}

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except (yaml.YAMLError, DuplicateKeyError, RecursionError):
            raise
        except Exception as error:  # a constructor's own ValueError, OverflowError, ...
            problem = f"{node.tag.rsplit(':', 1)[-1]} value {_excerpt(node)} cannot be read"
            raise ConstructorError(None, None, f"{problem} ({error})", node.start_mark) from None

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _merge_error(key_node)
            key = self.construct_object(key_node, deep=deep)
            if key == MERGE_KEY:
                raise _merge_error(key_node)
            try:
                hash(key)
            except TypeError:
                raise ConstructorError(
                    None, None, "a key must be text, not a list or mapping", key_node.start_mark
                ) from None
            if key in mapping:
                raise DuplicateKeyError(str(key), key_node.start_mark.line)
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping


def _merge_error(node: Node) -> ConstructorError:
    return ConstructorError(
        None,
        None,
        "'<<' merge keys are YAML 1.1, which Obsidian does not read; write the keys out",
        node.start_mark,
    )


def _excerpt(node: Node) -> str:
    value = node.value if isinstance(node.value, str) else ""
    return repr(value[:40] + ("…" if len(value) > 40 else ""))


def _construct_int(loader: CoreLoader, node: Node) -> int:
    text = str(loader.construct_scalar(node)).replace("_", "")
    sign = -1 if text.startswith("-") else 1
    digits = text.lstrip("+-")
    if digits.startswith(("0o", "0x")):
        return sign * int(digits, 0)
    return sign * int(digits, 10)


def _resolver(tag: str, pattern: str, first: str) -> None:
    CoreLoader.add_implicit_resolver(tag, re.compile(pattern, re.X), list(first))


_resolver("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF")
_resolver("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789")
_resolver(
    "tag:yaml.org,2002:float",
    r"""^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?
    |[-+]?\.(?:inf|Inf|INF)
    |\.(?:nan|NaN|NAN))$""",
    "-+0123456789.",
)
CoreLoader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)
CoreLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)


def load_yaml_core(source: str) -> Any:
    """One YAML document read with the core schema (YAMLError or DuplicateKeyError if not)."""
    return yaml.load(source, Loader=CoreLoader)
