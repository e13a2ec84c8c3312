"""Redraw the figures whose inputs changed, in worker processes, into a cache folder.

Each script draws into a temporary folder; only when it succeeds are its files moved into
place (an atomic rename each), so a failing script never replaces the last good figure.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import sys
import tempfile
import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from importlib.util import module_from_spec, spec_from_file_location
from pathlib import Path

from .scripts import RENDER, Script, find_scripts

MANIFEST = "manifest.json"
FILES = "files"


class FigureScriptError(RuntimeError):
    """A figure script raised; the message names it and holds its traceback."""


@dataclass
class FiguresResult:
    drawn: list[str] = field(default_factory=list)
    cached: list[str] = field(default_factory=list)
    outputs: dict[str, Path] = field(default_factory=dict)
    """Every figure file, by name, in the cache folder."""
    seconds: float = 0.0


def draw_figures(
    scripts_dir: Path, cache_dir: Path, formats: tuple[str, ...] = ("svg",), workers: int = 0
) -> FiguresResult:
    started = time.perf_counter()
    files_dir = cache_dir / FILES
    files_dir.mkdir(parents=True, exist_ok=True)
    for leftover in cache_dir.glob("drawing-*"):  # from a run that was killed
        shutil.rmtree(leftover, ignore_errors=True)
    manifest = _read_manifest(cache_dir)
    scripts = find_scripts(scripts_dir, formats)
    stale = [s for s in scripts if not _is_current(manifest.get(s.name), s.key, files_dir)]
    result = FiguresResult()
    result.cached = [s.name for s in scripts if s not in stale]
    failures = []
    for script, outcome in _run(stale, scripts_dir, cache_dir, formats, workers):
        if isinstance(outcome, str):
            failures.append(f"figure script {script.path.name} failed:\n{outcome}")
            continue
        temporary, names = outcome
        for name in names:
            os.replace(temporary / name, files_dir / name)
        shutil.rmtree(temporary, ignore_errors=True)
        manifest[script.name] = {"key": script.key, "outputs": sorted(names)}
        result.drawn.append(script.name)
    known = {s.name for s in scripts}
    manifest = {name: entry for name, entry in manifest.items() if name in known}
    _write_manifest(cache_dir, manifest)
    if failures:
        raise FigureScriptError("\n\n".join(failures))
    result.outputs = _outputs(manifest, files_dir)
    result.seconds = time.perf_counter() - started
    return result


def _run(
    stale: list[Script], scripts_dir: Path, cache_dir: Path, formats: tuple[str, ...], workers: int
) -> list[tuple[Script, tuple[Path, list[str]] | str]]:
    if not stale:
        return []
    count = min(len(stale), workers or os.cpu_count() or 1)
    # A fresh interpreter per worker: `mkdocs serve` runs threads, which fork does not copy well.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(count, mp_context=context) as pool:
        folders = (str(scripts_dir), str(cache_dir))
        futures = [
            (script, pool.submit(draw_one, str(script.path), *folders, formats)) for script in stale
        ]
        return [(script, _unpack(future.result())) for script, future in futures]


def _unpack(outcome: tuple[str, list[str]] | str) -> tuple[Path, list[str]] | str:
    return outcome if isinstance(outcome, str) else (Path(outcome[0]), outcome[1])


def draw_one(
    script_path: str, scripts_dir: str, cache_dir: str, formats: tuple[str, ...]
) -> tuple[str, list[str]] | str:
    """In a worker: run one script into a new temporary folder; its traceback if it raises."""
    temporary = tempfile.mkdtemp(prefix="drawing-", dir=cache_dir)
    try:
        if scripts_dir not in sys.path:
            sys.path.insert(0, scripts_dir)
        spec = spec_from_file_location(f"garden_figure_{Path(script_path).stem}", script_path)
        assert spec is not None and spec.loader is not None
        module = module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses look their module up while it loads
        spec.loader.exec_module(module)
        names = list(getattr(module, RENDER)(Path(temporary), formats))
        missing = [name for name in names if not (Path(temporary) / name).is_file()]
        if missing:
            raise FileNotFoundError(f"render() named files it did not write: {missing}")
        return temporary, names
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        return traceback.format_exc()


def _is_current(entry: object, key: str, files_dir: Path) -> bool:
    if not isinstance(entry, dict) or entry.get("key") != key:
        return False
    return all((files_dir / name).is_file() for name in entry.get("outputs", []))


def _outputs(manifest: dict[str, dict[str, object]], files_dir: Path) -> dict[str, Path]:
    outputs: dict[str, Path] = {}
    for script in sorted(manifest):
        names = manifest[script].get("outputs", [])
        for name in names if isinstance(names, list) else []:
            if name in outputs:
                raise FigureScriptError(f"figure file {name} is written by two scripts")
            outputs[name] = files_dir / name
    return outputs


def _read_manifest(cache_dir: Path) -> dict[str, dict[str, object]]:
    try:
        data = json.loads((cache_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_manifest(cache_dir: Path, manifest: dict[str, dict[str, object]]) -> None:
    temporary = cache_dir / f"{MANIFEST}.tmp"
    temporary.write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(temporary, cache_dir / MANIFEST)
