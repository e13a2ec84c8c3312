"""How Garden's build grows with hostile input: many tags, a callout title of brackets (for
one very large note see bench/big_note.py). Each row is one `mkdocs build` of a small vault with
the project's Garden config (as bench/run.py builds it); the growth column is the time against
the row before, so a linear cost shows about the ratio of the sizes, a quadratic one its square.

    .venv/bin/python bench/hostile_scaling.py [--only tags tag-vault callout] [--out FILE]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from collections.abc import Callable
from pathlib import Path

from run import Runs, build, configs

PUBLISHED = "---\npublish: true\n---\n"


def tags_note(vault: Path, count: int) -> None:
    tags = ", ".join(f"标签{index:04d}" for index in range(count))
    (vault / "多标签.md").write_text(f"---\npublish: true\ntags: [{tags}]\n---\n正文\n", "utf-8")


def tags_vault(vault: Path, count: int) -> None:
    """200 notes sharing `count` tags, eight tags a note."""
    for note in range(200):
        tags = ", ".join(f"标签{(note * 8 + k) % count:04d}" for k in range(8))
        text = f"---\npublish: true\ntags: [{tags}]\n---\n# 笔记 {note}\n\n正文 [[索引]]\n"
        (vault / f"笔记{note:03d}.md").write_text(text, encoding="utf-8")


def callout_note(vault: Path, count: int) -> None:
    (vault / "括号.md").write_text(f"{PUBLISHED}> [!note] {'[' * count}\n> 正文\n", "utf-8")


SCENARIOS: dict[str, tuple[str, list[int], Callable[[Path, int], None]]] = {
    "tags": ("one note with N distinct tags", [100, 200, 400, 800], tags_note),
    "tag-vault": ("200 notes sharing N tags", [100, 200, 400, 800], tags_vault),
    "callout": ("a callout title of N `[`", [5_000, 10_000, 20_000, 40_000], callout_note),
}


def measure(name: str, size: int) -> Runs:
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        vault = folder / "vault"
        vault.mkdir()
        index = f"{PUBLISHED}# 索引\n\n## 小节\n\n<!-- material/tags -->\n"
        (vault / "索引.md").write_text(index, encoding="utf-8")
        SCENARIOS[name][2](vault, size)
        config, _ = configs(folder, vault, vault)
        runs = Runs()
        build(config, folder / "site", runs)
        return runs


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", nargs="+", choices=sorted(SCENARIOS), default=list(SCENARIOS))
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    lines = [
        "| input | N | build | growth | peak memory | link layer | connections |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name in args.only:
        what, sizes, _ = SCENARIOS[name]
        previous: float | None = None
        for size in sizes:
            runs = measure(name, size)
            seconds = statistics.median(runs.seconds)
            growth = f"{seconds / previous:.2f}×" if previous else "–"
            previous = seconds
            lines.append(
                f"| {what} | {size:,} | {seconds:.2f} s | {growth} | {max(runs.peak_mb):.0f} MB"
                f" | {_seconds(runs.link_layer)} | {_seconds(runs.connections)} |"
            )
            print(lines[-1], flush=True)
    report = "\n".join(lines) + "\n"
    if args.out:
        args.out.write_text(report, encoding="utf-8")


def _seconds(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} s" if values else "–"


if __name__ == "__main__":
    main()
