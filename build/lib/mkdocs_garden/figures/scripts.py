"""Figure scripts and the inputs each one depends on.

A figure script is a module in the scripts folder that defines `render(out_dir, formats)`;
the other modules there are shared helpers. A script's cache key covers its own source, the
helpers it imports (transitively), the formats asked for and the NumPy and matplotlib versions.
"""

from __future__ import annotations

import ast
import hashlib
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

RENDER = "render"


@dataclass(frozen=True)
class Script:
    name: str
    path: Path
    key: str


def find_scripts(folder: Path, formats: tuple[str, ...]) -> list[Script]:
    modules = {path.stem: path for path in sorted(folder.glob("*.py"))}
    trees = {name: ast.parse(path.read_bytes(), str(path)) for name, path in modules.items()}
    scripts = []
    for name, tree in trees.items():
        if not _defines_render(tree):
            continue
        inputs = sorted(_local_imports(name, trees))
        digest = hashlib.sha256()
        for part in (*_environment(), ",".join(formats)):
            digest.update(part.encode() + b"\0")
        for module in inputs:
            digest.update(module.encode() + b"\0" + modules[module].read_bytes() + b"\0")
        scripts.append(Script(name, modules[name], digest.hexdigest()))
    return scripts


def _environment() -> tuple[str, ...]:
    return (f"numpy {version('numpy')}", f"matplotlib {version('matplotlib')}")


def _defines_render(tree: ast.Module) -> bool:
    return any(isinstance(node, ast.FunctionDef) and node.name == RENDER for node in tree.body)


def _local_imports(start: str, trees: dict[str, ast.Module]) -> set[str]:
    """`start` and every module of the scripts folder it imports, directly or not."""
    seen = {start}
    pending = [start]
    while pending:
        for node in ast.walk(trees[pending.pop()]):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name.split(".")[0] for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [node.module.split(".")[0]]
            for name in names:
                if name in trees and name not in seen:
                    seen.add(name)
                    pending.append(name)
    return seen
