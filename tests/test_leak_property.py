"""Property: whatever the vault, no trace of an unpublished note reaches the site, and every
published note is there. Hypothesis draws vaults (nested Chinese and emoji folders, published
and unpublished notes each holding a unique marker, links and embeds between them in every
form, aliases, tags); each is built by the real MkDocs + Material and every file of the site is
searched. GARDEN_LEAK_EXAMPLES sets how many vaults (CI runs a bounded number)."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitebuild import build_site, site_texts

EXAMPLES = int(os.environ.get("GARDEN_LEAK_EXAMPLES", "6"))
SITE_URL = "https://pkm365.github.io/garden/"
FOLDERS = ("", "🪄AI漫谈", "📚 读书/第一章", "深层/目录/再深", "🔒私密")
NAMES = ("点积", "注意力 机制", "Q、K、V", "为什么要缩放？", "Softmax（温度）", "嵌入", "梯度下降")
FORMS = (
    "[[{name}]]",
    "[[{name}|别名]]",
    "[[{name}\\|转义别名]]",
    "[[{path}]]",
    "[[{name}#小节]]",
    "[[{name}#^blk]]",
    "![[{name}]]",
    "![[{name}#小节]]",
    "![[{name}#^blk]]",
    "[[{alias}]]",
    "[md]({relative})",
    '<a href="{relative}">html</a>',
)


@dataclass(frozen=True)
class NoteSpec:
    folder: str
    name: str
    published: bool
    links: tuple[tuple[int, int], ...]
    """(target note, link form) pairs."""


notes_strategy = st.lists(
    st.builds(
        NoteSpec,
        folder=st.sampled_from(FOLDERS),
        name=st.sampled_from(NAMES),
        published=st.booleans(),
        links=st.lists(
            st.tuples(st.integers(0, 7), st.integers(0, len(FORMS) - 1)), max_size=6
        ).map(tuple),
    ),
    min_size=2,
    max_size=8,
    unique_by=lambda note: (note.folder, note.name),
)


def marker(index: int) -> str:
    return f"LEAKMARK{index:02d}Q"


def path_of(note: NoteSpec) -> str:
    return f"{note.folder}/{note.name}.md" if note.folder else f"{note.name}.md"


def write(vault: Path, notes: list[NoteSpec]) -> None:
    for index, note in enumerate(notes):
        mark = marker(index)
        front = {
            "publish": note.published,
            "title": f"{note.name} {mark}" if not note.published else note.name,
            "aliases": [f"别名{index}"],
            "tags": ["共同标签", f"标签{mark}" if not note.published else "公开标签"],
        }
        body = [f"# 标题 {mark}", "", f"正文 {mark} #内联{mark}", "", "## 小节", "", f"小节 {mark}"]
        body += ["", f"块 {mark} ^blk", ""]
        for target_index, form in note.links:
            target = notes[target_index % len(notes)]
            relative = os.path.relpath(path_of(target), os.path.dirname(path_of(note)) or ".")
            body.append(
                FORMS[form].format(
                    name=target.name,
                    path=path_of(target)[:-3],
                    alias=f"别名{target_index % len(notes)}",
                    relative=quote(relative),
                )
            )
            body.append("")
        text = "---\n" + json.dumps(front, ensure_ascii=False) + "\n---\n" + "\n".join(body)
        file = vault / path_of(note)
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text, encoding="utf-8")
    (vault / "标签.md").write_text('---\n{"publish":true}\n---\n<!-- material/tags -->\n', "utf-8")


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(notes_strategy)
def test_no_unpublished_note_leaks_and_every_published_note_is_built(
    notes: list[NoteSpec],
) -> None:
    work = Path(tempfile.mkdtemp(prefix="garden-leak-"))
    try:
        write(work / "vault", notes)
        build = build_site(work / "vault", work / "site", strict=False)
        assert build.returncode == 0, build.log
        hidden = [marker(i) for i, note in enumerate(notes) if not note.published]
        for path, text in site_texts(build.site):
            leaked = [mark for mark in hidden if mark in text]
            assert leaked == [], f"{leaked} in {path.relative_to(build.site)}"
        sitemap = (build.site / "sitemap.xml").read_text(encoding="utf-8")
        for note in notes:
            page = build.site / path_of(note)[:-3] / "index.html"
            assert page.is_file() is note.published, path_of(note)
            location = f"<loc>{SITE_URL}{quote(path_of(note)[:-3] + '/')}</loc>"
            assert (location in sitemap) is note.published, path_of(note)
    finally:
        shutil.rmtree(work, ignore_errors=True)
