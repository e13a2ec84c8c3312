"""Garden against plain MkDocs + Material on the same synthetic vault, measured in one run.

    .venv/bin/python bench/run.py [--sizes 200 1000 5000] [--repeat 3] [--saves 3]
                                  [--flat] [--no-floor] [--out FILE]

For each size, (a) plain MkDocs + Material builds the plain-link vault (the floor) and (b)
Garden builds the wikilink vault, with the same theme, features and Markdown extensions,
alternately, `repeat` times (`--no-floor`: Garden alone, for vaults too large for the floor).
Reported: median wall times, their ratio, the peak memory of the build process, Garden's time
per note and its largest page, the own times of the link layer and of garden/connections
(from their log lines), Garden's first build (empty cache), and the seconds `mkdocs serve
--dirty` takes from a save to the site written again, for an ordinary note, a note 200 others
link to, a heading others link to renamed, and a note unpublished and published again
(`--saves 0` skips it). `--flat` puts every note in one folder.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

from generate_vault import hub, write_vault
from mkdocs_garden.mkdocs_plugins.preset import MARKDOWN_EXTENSIONS, SEARCH_SEPARATOR

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@dataclass
class Runs:
    seconds: list[float] = field(default_factory=list)
    peak_mb: list[float] = field(default_factory=list)
    link_layer: list[float] = field(default_factory=list)
    connections: list[float] = field(default_factory=list)
    layout: list[float] = field(default_factory=list)
    cards_drawn: list[int] = field(default_factory=list)
    largest_page: int = 0


def configs(folder: Path, wiki: Path, plain: Path) -> tuple[Path, Path]:
    """Two configs from the project's mkdocs.yml: Garden's (the `garden` preset and theme), and
    plain MkDocs + Material's with what the preset and theme turn on, written out by hand."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    block = re.search(r"^plugins:\n(?:(?:[ #].*)?\n)+", text, re.MULTILINE)
    assert block is not None
    mermaid = ROOT / "node_modules/mermaid/dist/mermaid.min.js"
    garden_plugins = (
        f"plugins:\n  - garden\n  - garden/obsidian:\n      mermaid_script: {mermaid}\n"
        "  - garden/connections:\n      graph_tags: true\n\n"
    )
    garden = text.replace(block.group(0), garden_plugins).replace(
        "docs_dir: docs", f"docs_dir: {wiki}"
    )
    floor = text.replace(block.group(0), _plain_plugins()).replace(
        "docs_dir: docs", f"docs_dir: {plain}"
    )
    theme = re.search(r"^theme:\n(?:  .*\n)+", floor, re.MULTILINE)
    assert theme is not None
    floor = floor.replace(theme.group(0), _plain_theme())
    paths = folder / "garden.yml", folder / "plain.yml"
    for path, content in zip(paths, (garden, floor), strict=True):
        path.write_text(content, encoding="utf-8")
    return paths


def _plain_theme() -> str:
    """Material with the settings of Garden's theme (which extends it)."""
    settings = (ROOT / "plugins/mkdocs_garden/theme/mkdocs_theme.yml").read_text(encoding="utf-8")
    settings = re.sub(r"^extends: material\n", "", settings, flags=re.MULTILINE)
    indented = "".join(f"  {line}\n" if line.strip() else "\n" for line in settings.splitlines())
    return f"theme:\n  name: material\n  custom_dir: {ROOT / 'overrides'}\n{indented}\n"


def _plain_plugins() -> str:
    """Material's search (same separator) and tags, and the Markdown
    extensions the preset gives generated pages, here for every page; a plain site handles
    math with arithmatex (and a script the reader's browser runs)."""
    extensions = "".join(
        f"  - {name}\n"
        if not options
        else f"  - {name}:\n"
        + "".join(f"      {key}: {str(value).lower()}\n" for key, value in options.items())
        for name, options in MARKDOWN_EXTENSIONS.items()
        if name != "pymdownx.superfences"
    )
    return (
        "plugins:\n  - search:\n      lang: en\n"
        f"      separator: '{SEARCH_SEPARATOR}'\n  - tags\n\n"
        "markdown_extensions:\n"
        "  - toc:\n      permalink: true\n"
        "      slugify: !!python/object/apply:pymdownx.slugs.slugify\n"
        "        kwds:\n          case: lower\n"
        f"{extensions}"
        "  - pymdownx.superfences:\n      custom_fences:\n        - name: mermaid\n"
        "          class: mermaid\n"
        "          format: !!python/name:pymdownx.superfences.fence_code_format\n"
        "  - pymdownx.arithmatex:\n      generic: true\n\n"
    )


def build(config: Path, site: Path, runs: Runs) -> None:
    started = time.perf_counter()
    process = subprocess.Popen(
        [*MKDOCS, "build", "-f", str(config), "-d", str(site)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=ENV,
        cwd=ROOT,
        text=True,
    )
    output = process.stdout.read() if process.stdout else ""
    _, status, usage = os.wait4(process.pid, 0)
    runs.seconds.append(time.perf_counter() - started)
    runs.peak_mb.append(usage.ru_maxrss / 1024)
    if status != 0:
        raise SystemExit(f"build of {config.name} failed:\n{output}")
    for pattern, times in (
        (r"link layer ([\d.]+) s", runs.link_layer),
        (r"connections ([\d.]+) s", runs.connections),
        (r"laid out in ([\d.]+) s", runs.layout),
    ):
        found = re.search(pattern, output)
        if found:
            times.append(float(found.group(1)))
    drawn = re.search(r"card images: (\d+) drawn", output)
    runs.cards_drawn.append(int(drawn.group(1)) if drawn else 0)


DONE = "garden: incremental build:"
"""The last line of each build under `--dirty` (MkDocs logs its own once per text)."""
SERVE_STEPS = (
    "a note saved",
    "a note 200 others link to, saved",
    "a heading others link to, renamed",
    "a note unpublished",
    "published again",
)


def serve_session(config: Path, vault: Path, size: int, saves: int, flat: bool) -> dict[str, float]:
    """Seconds from saving a note to `mkdocs serve --dirty` having written the site again, for
    each of `SERVE_STEPS` (the first: the median of `saves` saves of an ordinary note)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = Path(tempfile.mkstemp(suffix=".log")[1])
    with log.open("w") as output:
        server = subprocess.Popen(
            [*MKDOCS, "serve", "--dirty", "-f", str(config), "-a", f"127.0.0.1:{port}"],
            stdout=output,
            stderr=subprocess.STDOUT,
            env=ENV,
            cwd=ROOT,
        )
    center = vault / hub(size, flat=flat).path
    note = next(p for p in sorted(vault.rglob("*.md")) if p.name != "index.md" and p != center)
    text = center.read_text(encoding="utf-8")
    steps: list[tuple[Path, str]] = [(note, "")] * saves + [
        (center, text + "\n又改了一次。\n"),
        (center, text.replace("## 小节 0", "## 小节 0（改）")),
        (center, text.replace('"publish": true', '"publish": false')),
        (center, text),
    ]
    found: list[float] = []
    try:
        _wait(lambda: "Serving on" in log.read_text(), 3600)
        for attempt, (path, new) in enumerate(steps):
            seen = log.read_text().count(DONE)
            started = time.perf_counter()
            if new:
                path.write_text(new, encoding="utf-8")
            else:
                with path.open("a", encoding="utf-8") as handle:
                    handle.write(f"\n又改了一次 {attempt}。\n")
            _wait(lambda seen=seen: log.read_text().count(DONE) > seen, 900)
            found.append(time.perf_counter() - started)
    finally:
        server.terminate()
        server.wait(timeout=60)
    times = [statistics.median(found[:saves]), *found[saves:]]
    return dict(zip(SERVE_STEPS, times, strict=True))


def _wait(condition: object, seconds: float) -> None:
    """Until `condition` holds, checked every 20 ms: finer than what is measured."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return
        time.sleep(0.02)
    raise SystemExit("timed out")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 1000, 5000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--saves", type=int, default=3, help="serve saves timed; 0: no serve")
    parser.add_argument("--flat", action="store_true", help="every note in one folder")
    parser.add_argument("--no-floor", action="store_true", help="Garden only (large vaults)")
    args = parser.parse_args()
    rows = []
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as work:
            folder = Path(work)
            wiki, plain = folder / "wiki", folder / "plain"
            write_vault(wiki, size, plain=False, flat=args.flat)
            if not args.no_floor:
                write_vault(plain, size, plain=True, flat=args.flat)
            garden_config, plain_config = configs(folder, wiki, plain)
            floor, garden = Runs(), Runs()
            for _ in range(args.repeat):
                if not args.no_floor:
                    build(plain_config, folder / "site-plain", floor)
                build(garden_config, folder / "site-garden", garden)
            garden.largest_page = _largest_page(folder / "site-garden")
            serve = (
                serve_session(garden_config, wiki, size, args.saves, args.flat)
                if args.saves
                else {}
            )
        row = Row(size, floor, garden, serve)
        rows.append(row)
        print(_line(row), flush=True)
    report = _report(rows, args)
    print(report)
    if args.out:
        args.out.write_text(report, encoding="utf-8")


@dataclass
class Row:
    size: int
    floor: Runs
    garden: Runs
    serve: dict[str, float]


def _largest_page(site: Path) -> int:
    return max((page.stat().st_size for page in site.rglob("*.html")), default=0)


def _line(row: Row) -> str:
    floor, garden = row.floor, row.garden
    garden_s = statistics.median(garden.seconds)
    plain = f"{statistics.median(floor.seconds):.2f} s" if floor.seconds else "–"
    ratio = f"{garden_s / statistics.median(floor.seconds):.3f}×" if floor.seconds else "–"
    memory = f"{max(floor.peak_mb):.0f} / " if floor.peak_mb else "– / "
    return (
        f"| {row.size:,} | {plain} | {garden_s:.2f} s | {ratio} | "
        f"{memory}{max(garden.peak_mb):.0f} MB | "
        f"{garden_s / row.size * 1000:.1f} ms | {garden.largest_page / 1024:.0f} KB | "
        f"{_median(garden.link_layer)} | {_median(garden.connections)} | "
        f"{garden.seconds[0]:.2f} s ({garden.cards_drawn[0]:,}) |"
    )


def _median(seconds: list[float]) -> str:
    return f"{statistics.median(seconds):.2f} s" if seconds else "–"


def _report(rows: list[Row], args: argparse.Namespace) -> str:
    shape = "all notes in one folder" if args.flat else "notes in a tree of 5 folders"
    head = [
        "# Benchmark: Garden against plain MkDocs + Material",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, {platform.platform()}; "
        f"Python {platform.python_version()}, MkDocs {version('mkdocs')}, "
        f"Material {version('mkdocs-material')}, markdown-it-py {version('markdown-it-py')}.",
        f"Medians of {args.repeat} alternating builds per size; vaults from "
        f"bench/generate_vault.py, {shape} (about 20 wikilinks a note in every form, 10 % "
        "unpublished, 5 % links to missing notes, every fifth note linking to one hub note; the "
        "floor builds the same vault with plain relative links and without the unpublished "
        "notes). Garden's first build starts with an empty cache; the medians include it.",
        "",
        "| notes | plain MkDocs + Material | Garden | ratio | peak memory (plain / Garden) "
        "| Garden per note | largest page | link layer | connections "
        "| Garden's first build, cold cache (card images drawn) |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        *(_line(row) for row in rows),
    ]
    if any(row.serve for row in rows):
        head += [
            "",
            "`mkdocs serve --dirty`: seconds from saving to the site written again "
            f"(the first: median of {args.saves} saves).",
            "",
            "| notes | " + " | ".join(SERVE_STEPS) + " |",
            "| --- |" + " --- |" * len(SERVE_STEPS),
            *(
                f"| {row.size:,} | "
                + " | ".join(f"{row.serve[step]:.2f} s" for step in SERVE_STEPS)
                + " |"
                for row in rows
                if row.serve
            ),
        ]
    return "\n".join(head) + "\n"


if __name__ == "__main__":
    main()
