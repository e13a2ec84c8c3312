"""A seeded synthetic vault shaped like the user's: Chinese names with spaces and full-width
punctuation, emoji folders, JSON frontmatter, headings, about 20 wikilinks a note in every form,
attachments, 10 % unpublished notes and 5 % links to notes not written yet; and the blocks real
notes hold, in about their proportions: lists (nested, ordered, tasks), fenced code, callouts,
inline and display math, tables, embeds of other notes' sections, images.

The same vault can be written with every wikilink turned into a plain relative Markdown link
(and unpublished notes left out): what plain MkDocs + Material builds, the floor to compare with.
"""

from __future__ import annotations

import json
import os
import posixpath
import random
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

from pymdownx.slugs import slugify

FOLDERS = ("🪄AI漫谈", "📚读书笔记", "🧮数学/线性代数", "🌱花园", "🗂️归档/旧笔记")
TOPICS = ("点积", "注意力", "向量", "矩阵", "概率", "softmax", "梯度", "嵌入", "缩放", "序列")
SECTIONS = 5
LINKS_PER_NOTE = 20
SLUG = slugify(case="lower")
FILLER = "点积衡量两个向量方向的一致程度，注意力用它给每个键打分，再用 softmax 变成权重。"


@dataclass(frozen=True)
class Note:
    path: str
    name: str
    published: bool


HUB_EVERY = 5
"""Every fifth note also links to the first (the hub): at 1,000 notes, 200 notes link to it."""


def plan(count: int, seed: int, flat: bool = False) -> list[Note]:
    """The notes; `flat` puts them all in one folder, as a Zettelkasten does."""
    rng = random.Random(seed)
    notes = []
    for index in range(count):
        topic = TOPICS[index % len(TOPICS)]
        name = f"{topic} 笔记 {index}：为什么（{rng.randint(1, 99)}）？"
        folder = FOLDERS[rng.randrange(len(FOLDERS))]
        published = rng.random() >= 0.10 or index == 0  # the hub is published
        notes.append(Note(f"{'🗃️卡片盒' if flat else folder}/{name}.md", name, published))
    return notes


def hub(count: int, seed: int = 20241124, flat: bool = False) -> Note:
    """The note that every `HUB_EVERY`th note links to."""
    return plan(count, seed, flat)[0]


@dataclass
class Vault:
    """What writing any one note of the vault needs to know."""

    notes: list[Note]
    attachments: list[str]
    rng: random.Random
    plain: bool

    def __post_init__(self) -> None:
        self.positions = {note.path: index for index, note in enumerate(self.notes)}


def write_vault(
    root: Path, count: int, *, plain: bool, seed: int = 20241124, flat: bool = False
) -> None:
    attachments = [f"附件/图 {k}.png" for k in range(max(1, count // 20))]
    vault = Vault(plan(count, seed, flat), attachments, random.Random(seed + 1), plain)
    for attachment in attachments:
        _write(root / attachment, _png())
    for index, note in enumerate(vault.notes):
        if plain and not note.published:
            continue
        _write(root / note.path, _note_text(vault, index, note).encode("utf-8"))
    home = '---\n{"publish":true}\n---\n# 首页\n\n合成的笔记库。\n'
    _write(root / "index.md", home.encode("utf-8"))


def _note_text(vault: Vault, index: int, note: Note) -> str:
    front = {"publish": note.published, "cssclasses": ""}
    lines = ["---", json.dumps(front, ensure_ascii=False), "---", ""]
    links = [_link(vault, note) for _ in range(LINKS_PER_NOTE)]
    per_section = LINKS_PER_NOTE // SECTIONS
    for section in range(SECTIONS):
        lines.append(f"## 小节 {section}")
        lines.append("")
        chosen = links[section * per_section : (section + 1) * per_section]
        block = f" ^b{index}-{section}" if not vault.plain else ""
        math = " 其中 $q \\cdot k = \\sum_i q_i k_i$。" if section == 1 else ""
        lines.append(FILLER * 2 + " ".join(chosen) + "。" + math + block)
        lines.append("")
        lines.extend(_block(vault, note, section))
    if index % HUB_EVERY == 1:
        lines += [f"另见 {_hub_link(vault, note)}。", ""]
    return "\n".join(lines)


def _hub_link(vault: Vault, note: Note) -> str:
    target = vault.notes[0]
    if not vault.plain:
        return f"[[{target.name}#小节 0]]"
    url = _relative(target.path, note.path).replace(" ", "%20")
    return f"[{target.name}]({url}#{SLUG('小节 0', '-')})"


def _block(vault: Vault, note: Note, section: int) -> list[str]:
    """One more block after a section's paragraph, as real notes mix them."""
    rng = vault.rng
    roll = rng.random()
    if roll < 0.30:
        return [
            "要点：",
            f"- 第一点：{FILLER[:20]}",
            f"- 第二点，见 {_link(vault, note)}",
            "  - 嵌套的一条：先算点积，再除以 $\\sqrt{d_k}$",
            "- [ ] 还要补充的例子",
            "",
        ]
    if roll < 0.40:
        return ["1. 计算分数", "2. 缩放", "3. 归一化", ""]
    if roll < 0.52:
        return [
            "```python",
            "import numpy as np",
            "",
            "def attention(q, k, v):",
            "    scores = q @ k.T / np.sqrt(k.shape[-1])",
            "    weights = np.exp(scores - scores.max(-1, keepdims=True))",
            "    return (weights / weights.sum(-1, keepdims=True)) @ v",
            "```",
            "",
        ]
    if roll < 0.62:
        body = f"{FILLER[:24]}缩放让 softmax 保持平缓。"
        if vault.plain:
            return ['!!! tip "提示"', f"    {body}", ""]
        return ["> [!tip] 提示", f"> {body}", ""]
    if roll < 0.68:
        return ["$$", "\\mathrm{softmax}(z)_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}", "$$", ""]
    if roll < 0.74:
        return ["| 量 | 含义 |", "| --- | --- |", "| $q$ | 查询 |", "| $k$ | 键 |", ""]
    if roll < 0.80:
        target, section = rng.choice(vault.notes), rng.randrange(SECTIONS)
        if not vault.plain:
            return [f"![[{target.name}#小节 {section}]]", ""]
        if not target.published:  # plain MkDocs cannot embed: the floor links instead
            return [target.name, ""]
        url = _relative(target.path, note.path).replace(" ", "%20")
        return [f"[{target.name}]({url}#{SLUG(f'小节 {section}', '-')})", ""]
    return []


def _link(vault: Vault, note: Note) -> str:
    rng, plain = vault.rng, vault.plain
    roll = rng.random()
    if roll < 0.05:
        missing = f"未写的笔记 {rng.randrange(1000)}"
        return missing if plain else f"[[{missing}]]"
    if roll < 0.10:
        image = rng.choice(vault.attachments)
        return (
            f"![]({_relative(image, note.path)})".replace(" ", "%20")
            if plain
            else (f"![[{posixpath.basename(image)}]]")
        )
    target = rng.choice(vault.notes)
    section = rng.randrange(SECTIONS)
    if plain:
        if not target.published:
            return target.name
        url = _relative(target.path, note.path).replace(" ", "%20")
        return f"[{target.name}]({url}#{SLUG(f'小节 {section}', '-')})"
    form = rng.randrange(7)
    folder_path = target.path[:-3]
    return (
        f"[[{target.name}]]",
        f"[[{target.name}|别名]]",
        f"[[{folder_path}]]",
        f"[[{target.name}#小节 {section}]]",
        f"[[{target.name}#小节 {section}|别名]]",
        f"[[{target.name}\\|别名]]",
        f"[[{target.name}#^b{vault.positions[target.path]}-{section}]]",
    )[form]


def _relative(target: str, source: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(source))


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _png() -> bytes:
    """A 1×1 PNG, so attachments are real images."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x00\x80\x80")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


if __name__ == "__main__":
    import sys

    write_vault(
        Path(sys.argv[1]), int(sys.argv[2]), plain=len(sys.argv) > 3 and sys.argv[3] == "plain"
    )
    print(f"wrote {sys.argv[2]} notes to {sys.argv[1]} ({os.cpu_count()} CPUs here)")
