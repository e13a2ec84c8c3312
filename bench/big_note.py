"""Builds of a vault with one big note, by the note's size: time, peak memory, Garden's share.

    .venv/bin/python bench/big_note.py [--sizes 1 2 5] [--repeat 1] [--keep DIR]

Each vault holds `index.md`, two small notes and one big published note of the given size in
MB: Chinese and English Markdown repeated (a numbered section heading, paragraphs, lists,
wikilinks to the two small notes, `$...$` math, a callout, a Python code block and a `### 小结`
heading that every section repeats). It is built with the project's mkdocs.yml (through
INHERIT, from the project root). Reported per size: median wall and CPU seconds, peak memory
of the build process, and Garden's own seconds from its log lines (connections, link layer).
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FRONTMATTER = '---\n{"publish":true}\n---\n'

CHUNK = """\
## 第 {n} 节：点积与注意力 (section {n})

注意力机制的核心是查询向量和键向量的点积。点积越大，两个向量的方向越一致，\
模型就越"关注"对应的词。The dot product of a query and a key measures how well they align; \
after scaling by $\\sqrt{{d_k}}$ and a softmax, it becomes a weight. 详见 [[点积]] 和 \
[[注意力|注意力机制]]，也可以回到 [[点积#定义]]。

设 $x^2 + y^2 = r^2$，则 $q \\cdot k = \\sum_i q_i k_i$。当维度 $d_k$ 很大时，点积的方差随之增大，\
softmax 会变得非常尖锐，梯度几乎为零，所以要除以 $\\sqrt{{d_k}}$。

- 第一点：查询 (query) 表示"我在找什么"，见 [[注意力]]。
- 第二点：键 (key) 表示"我能提供什么"。
- 第三点：值 (value) 是真正被加权求和的内容，**加粗** 与 *斜体* 都有。
  - 嵌套的一项：`softmax(QK^T / sqrt(d_k)) V`。

1. Compute the scores $S = QK^T$.
2. Scale and normalise with softmax.
3. Multiply by $V$.

> [!note] 标题 {n}
> 这是一段提示：缩放因子让 softmax 的输入保持在合理的范围内，参见 [[点积]]。
> Keeping the logits small keeps the gradients alive.

```python
import numpy as np

def attention(q, k, v):
    scores = q @ k.T / np.sqrt(k.shape[-1])
    weights = np.exp(scores - scores.max(-1, keepdims=True))
    weights /= weights.sum(-1, keepdims=True)
    return weights @ v  # section {n}
```

### 小结

这一节说明了点积为什么能衡量相关性：它同时考虑了方向和长度。In short, attention is a \
soft dictionary lookup, 而 [[注意力]] 一文给出了完整的推导。

"""

SMALL = {
    "点积.md": "# 点积\n\n## 定义\n\n两个向量对应分量相乘再求和：$a \\cdot b$。\n",
    "注意力.md": "# 注意力\n\n注意力用 [[点积]] 给每个键打分。\n",
}
GARDEN_TIMES = re.compile(r"garden: (connections|link layer) ([\d.]+) s")


def big_note(size: int) -> str:
    """A note of at least `size` bytes (UTF-8), frontmatter included."""
    parts = [FRONTMATTER]
    total, n = len(FRONTMATTER.encode()), 1
    while total < size:
        chunk = CHUNK.format(n=n)
        parts.append(chunk)
        total += len(chunk.encode())
        n += 1
    return "".join(parts)


def write_vault(out: Path, size: int) -> None:
    out.mkdir(parents=True, exist_ok=True)
    index = FRONTMATTER + "# 首页\n\n一篇很长的笔记：[[大笔记]]。\n"
    (out / "index.md").write_text(index, encoding="utf-8")
    for name, body in SMALL.items():
        (out / name).write_text(FRONTMATTER + body, encoding="utf-8")
    (out / "大笔记.md").write_text(big_note(size), encoding="utf-8")


def build(vault: Path, site: Path) -> dict[str, float]:
    """One `mkdocs build`: wall and CPU seconds, peak memory (MB), Garden's logged seconds."""
    config = ROOT / f".bench-big-{os.getpid()}.yml"
    config.write_text(
        f"INHERIT: mkdocs.yml\ndocs_dir: {vault}\nsite_dir: {site}\nstrict: false\n",
        encoding="utf-8",
    )
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(config)]
    started = time.perf_counter()
    try:
        with tempfile.TemporaryFile() as log:
            process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)
            _, status, usage = os.wait4(process.pid, 0)
            seconds = time.perf_counter() - started
            log.seek(0)
            text = log.read().decode("utf-8", errors="replace")
    finally:
        config.unlink()
    if status != 0:
        raise SystemExit(f"build of {vault} failed:\n{text}")
    result = {
        "wall": seconds,
        "cpu": usage.ru_utime + usage.ru_stime,
        "peak_mb": usage.ru_maxrss / 1024,  # kilobytes on Linux
    }
    for name, value in GARDEN_TIMES.findall(text):
        result[name] = float(value)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 2, 5], help="MB")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="write the vaults here and keep them")
    args = parser.parse_args()
    print("| note | wall | CPU | peak memory | connections | link layer |")
    print("| --- | --- | --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        for size in args.sizes:
            vault = folder / f"vault-{size:g}mb"
            write_vault(vault, int(size * 1_000_000))
            runs = [build(vault, Path(scratch) / "site") for _ in range(args.repeat)]
            median = {key: statistics.median(run.get(key, 0.0) for run in runs) for key in runs[0]}
            print(
                f"| {size:g} MB | {median['wall']:.1f} s | {median['cpu']:.1f} s "
                f"| {median['peak_mb']:.0f} MB | {median.get('connections', 0):.2f} s "
                f"| {median.get('link layer', 0):.2f} s |",
                flush=True,
            )


if __name__ == "__main__":
    main()
