"""Property: whatever the vault, no trace of an unpublished note reaches the site, and every
published note is there. Hypothesis draws vaults (nested Chinese and emoji folders, published
and unpublished notes each holding a unique marker, links and embeds between them in every
form, aliases, tags, attachments), the way each note says `publish` (YAML 1.1 booleans,
merge keys, duplicate keys, keys in upper case) and the publishing mode; each vault is built
by the real MkDocs + Material and every file of the site is searched, every link followed.
GARDEN_LEAK_EXAMPLES sets how many vaults (CI runs a bounded number)."""

from __future__ import annotations

import json
import os
import posixpath
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitebuild import build_site, read_page, site_texts

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
    "[引用][r{ref}]\n\n[r{ref}]: {relative}",
    "![图]({relative})",
    "[问]({relative}?v=1)",
    "![[{attachment}]]",
    "[附件]({attachment_relative})",
)
ATTACHMENT_FORMS = {FORMS.index("![[{attachment}]]"), FORMS.index("[附件]({attachment_relative})")}
# How a note may say whether it is published, and what each means in the two modes
# (explicit, exclude): YAML 1.2 as Obsidian reads it, and fail closed on anything unclear.
PUBLISH_LINES = {
    "publish: true": (True, True),
    'publish: "true"': (True, True),
    "Publish: true": (True, True),
    "publish: false": (False, False),
    "PUBLISH: false": (False, False),
    "publish: yes": (False, False),
    "publish: on": (False, False),
    "publish: 1": (False, False),
    "<<: {publish: true}": (False, False),
    "publish: false\npublish: true": (False, False),
    "": (False, True),
}
MODES = ("explicit", "exclude")


@dataclass(frozen=True)
class NoteSpec:
    folder: str
    name: str
    publish: str
    links: tuple[tuple[int, int], ...]
    """(target note, link form) pairs."""

    def published(self, mode: str) -> bool:
        return PUBLISH_LINES[self.publish][MODES.index(mode)]


notes_strategy = st.lists(
    st.builds(
        NoteSpec,
        folder=st.sampled_from(FOLDERS),
        name=st.sampled_from(NAMES),
        publish=st.sampled_from(sorted(PUBLISH_LINES)),
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


def attachment_marker(index: int) -> str:
    return f"ATTACHMARK{index:02d}Q"


def path_of(note: NoteSpec) -> str:
    return f"{note.folder}/{note.name}.md" if note.folder else f"{note.name}.md"


def attachment_of(index: int, notes: list[NoteSpec]) -> str:
    """Each note's own attachment sits beside it; its name holds a marker too."""
    folder = notes[index].folder
    name = f"附件 {attachment_marker(index)}.pdf"
    return f"{folder}/{name}" if folder else name


def write(vault: Path, notes: list[NoteSpec], mode: str) -> None:
    for index, note in enumerate(notes):
        mark = marker(index)
        hidden = not note.published(mode)
        properties = {
            "title": f"{note.name} {mark}" if hidden else note.name,
            "aliases": [f"别名{index}"],
            "tags": ["共同标签", f"标签{mark}" if hidden else "公开标签"],
        }
        front = [note.publish] if note.publish else []
        front += [
            f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in properties.items()
        ]
        body = [f"# 标题 {mark}", "", f"正文 {mark} #内联{mark}", "", "## 小节", "", f"小节 {mark}"]
        body += [
            "",
            f"块 {mark} ^blk",
            "",
            f"![[{posixpath.basename(attachment_of(index, notes))}]]",
        ]
        body += [""]
        here = os.path.dirname(path_of(note)) or "."
        for number, (target_index, form) in enumerate(note.links):
            target_index %= len(notes)
            target = notes[target_index]
            attachment = attachment_of(target_index, notes)
            body.append(
                FORMS[form].format(
                    name=target.name,
                    path=path_of(target)[:-3],
                    alias=f"别名{target_index}",
                    relative=quote(os.path.relpath(path_of(target), here)),
                    ref=number,
                    attachment=attachment,
                    attachment_relative=quote(os.path.relpath(attachment, here)),
                )
            )
            body.append("")
        text = "---\n" + "\n".join(front) + "\n---\n" + "\n".join(body)
        file = vault / path_of(note)
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text, encoding="utf-8")
        (vault / attachment_of(index, notes)).write_bytes(
            f"%PDF-1.4 {attachment_marker(index)}".encode()
        )
    (vault / "标签.md").write_text('---\n{"publish":true}\n---\n<!-- material/tags -->\n', "utf-8")


def published_attachments(notes: list[NoteSpec], mode: str) -> set[int]:
    """Attachments a published note embeds (its own) or links to (another's)."""
    wanted = {i for i, note in enumerate(notes) if note.published(mode)}
    for note in notes:
        if note.published(mode):
            wanted.update(t % len(notes) for t, form in note.links if form in ATTACHMENT_FORMS)
    return wanted


def links_to_unpublished(site: Path, notes: list[NoteSpec], mode: str) -> list[str]:
    """Every href and src of the site that leads to the page or file of an unpublished note."""
    hidden = {path_of(n)[:-3] for n in notes if not n.published(mode)}
    found = []
    for page in site.rglob("*.html"):
        folder = page.parent.relative_to(site).as_posix()
        for link in read_page(page).links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            target = posixpath.normpath(posixpath.join(folder, unquote(parts.path)))
            if target.removesuffix(".md").removesuffix("/index.html") in hidden:
                found.append(f"{page.relative_to(site)}: {link}")
    return found


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(notes_strategy, st.sampled_from(MODES))
def test_no_unpublished_note_leaks_and_every_published_note_is_built(
    notes: list[NoteSpec], mode: str
) -> None:
    work = Path(tempfile.mkdtemp(prefix="garden-leak-"))
    try:
        write(work / "vault", notes, mode)
        build = build_site(
            work / "vault",
            work / "site",
            strict=False,
            plugin_options={"garden/obsidian": {"publish": mode}},
        )
        assert build.returncode == 0, build.log
        hidden = [marker(i) for i, note in enumerate(notes) if not note.published(mode)]
        attached = published_attachments(notes, mode)
        hidden += [attachment_marker(i) for i in range(len(notes)) if i not in attached]
        for path, text in site_texts(build.site):
            leaked = [mark for mark in hidden if mark in text or mark in path.name]
            assert leaked == [], f"{leaked} in {path.relative_to(build.site)}"
        assert links_to_unpublished(build.site, notes, mode) == []
        sitemap = (build.site / "sitemap.xml").read_text(encoding="utf-8")
        for index, note in enumerate(notes):
            page = build.site / path_of(note)[:-3] / "index.html"
            assert page.is_file() is note.published(mode), path_of(note)
            location = f"<loc>{SITE_URL}{quote(path_of(note)[:-3] + '/')}</loc>"
            assert (location in sitemap) is note.published(mode), path_of(note)
            attachment = build.site / attachment_of(index, notes)
            assert attachment.is_file() is (index in attached), attachment_of(index, notes)
    finally:
        shutil.rmtree(work, ignore_errors=True)
