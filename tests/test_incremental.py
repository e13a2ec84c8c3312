"""Property: after any sequence of edits, an incremental build (`--dirty`, with the state the
builds before it left, as `mkdocs serve --dirty` keeps it), and a whole build with the cache the
builds before it left (pages written into their frames), write the same site, byte for byte,
as a clean build of the vault as it now is, with no cache. Hypothesis draws the edits: a note's
text, a link added or removed, a heading renamed, an alias, a title, an icon, publishing and
unpublishing, notes created, deleted and renamed. GARDEN_INCREMENTAL_EXAMPLES sets how many
sequences (CI runs a few)."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from mkdocs.commands.build import build
from mkdocs.config import load_config

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201e2b6e1bb0000000049454e44ae426082"
)
EXAMPLES = int(os.environ.get("GARDEN_INCREMENTAL_EXAMPLES", "4"))
NAMES = ("点积", "注意力", "向量 空间", "Softmax（温度）", "梯度")
FOLDERS = ("", "夹", "夹/子")
CONFIG = """site_name: 增量
docs_dir: vault
plugins:
  - garden
  - garden/obsidian:
      cache_dir: {cache}
  - garden/connections:
      nav_limit: 3
      listing_size: 2
"""


@dataclass
class Note:
    folder: str
    published: bool = True
    heading: str = "小节"
    title: str = ""
    alias: str = ""
    links: tuple[str, ...] = ()
    text: str = "正文"
    icon: str = ""

    def markdown(self) -> str:
        front = ["publish: true" if self.published else "publish: false", "tags: [卡片]"]
        if self.title:
            front.append(f"title: {self.title}")
        if self.icon:  # shown in the navigation of the pages around the note
            front.append(f"icon: {self.icon}")
        if self.alias:
            front.append(f"aliases: [{self.alias}]")
        links = " ".join(self.links)
        return (
            f"---\n{chr(10).join(front)}\n---\n{self.text} {links}\n\n## {self.heading}\n\n段落。\n"
        )


Vault = dict[str, Note]
Edit = Callable[[Vault], None]


def _edits() -> st.SearchStrategy[Edit]:
    name = st.sampled_from(NAMES)
    folder = st.sampled_from(FOLDERS)
    target = st.sampled_from(NAMES)
    form = st.sampled_from(
        ["[[{t}]]", "[[{t}#小节]]", "[[{t}#新小节]]", "![[{t}#小节]]", "[[{t}|别名]]"]
    )

    def on(key: str, change: Callable[[Note], None]) -> Edit:
        def edit(vault: Vault) -> None:
            if key in vault:
                change(vault[key])

        return edit

    def create(key: str, where: str) -> Edit:
        return lambda vault: vault.setdefault(key, Note(where))

    def delete(key: str) -> Edit:
        return lambda vault: vault.pop(key, None) and None

    def rename(key: str, new: str) -> Edit:
        def edit(vault: Vault) -> None:
            if key in vault and new not in vault:
                vault[new] = vault.pop(key)

        return edit

    def add_link(key: str, link: str) -> Edit:
        return on(key, lambda note: setattr(note, "links", (*note.links, link)))

    return st.one_of(
        st.builds(
            lambda k, t: on(k, lambda n: setattr(n, "text", t)),
            name,
            st.sampled_from(["改过", "又改", "正文"]),
        ),
        st.builds(lambda k, f, t: add_link(k, f.format(t=t)), name, form, target),
        st.builds(lambda k: on(k, lambda n: setattr(n, "links", n.links[1:])), name),
        st.builds(
            lambda k, h: on(k, lambda n: setattr(n, "heading", h)),
            name,
            st.sampled_from(["小节", "新小节"]),
        ),
        st.builds(
            lambda k, a: on(k, lambda n: setattr(n, "alias", a)),
            name,
            st.sampled_from(["", "别名甲"]),
        ),
        st.builds(
            lambda k, t: on(k, lambda n: setattr(n, "title", t)),
            name,
            st.sampled_from(["", "新标题"]),
        ),
        st.builds(
            lambda k, i: on(k, lambda n: setattr(n, "icon", i)),
            name,
            st.sampled_from(["", "material/star"]),
        ),
        st.builds(lambda k: on(k, lambda n: setattr(n, "published", not n.published)), name),
        st.builds(create, name, folder),
        st.builds(delete, name),
        st.builds(rename, name, name),
    )


def _write(root: Path, vault: Vault) -> None:
    docs = root / "vault"
    shutil.rmtree(docs, ignore_errors=True)
    docs.mkdir()
    (docs / "index.md").write_text("---\npublish: true\n---\n# 首页\n\n[[点积]]\n", "utf-8")
    (docs / "标签.md").write_text(
        "---\npublish: true\n---\n# 标签\n\n<!-- material/tags -->\n", "utf-8"
    )
    (docs / "图.png").write_bytes(PNG)
    for name, note in vault.items():
        path = docs / note.folder / f"{name}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(note.markdown(), encoding="utf-8")


def _build(root: Path, site: str, dirty: bool, config_file: str = "mkdocs.yml") -> None:
    config = load_config(str(root / config_file), site_dir=str(root / site))
    config.plugins.on_startup(command="serve" if dirty else "build", dirty=dirty)
    build(config, dirty=dirty)


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # shrinking costs minutes of builds
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(_edits(), min_size=1, max_size=6))
def test_an_incremental_build_equals_a_clean_build(edits: list[Edit]) -> None:
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    root = Path(tempfile.mkdtemp(prefix="garden-incremental-"))
    try:
        (root / "mkdocs.yml").write_text(CONFIG.format(cache=root / "cache"), encoding="utf-8")
        (root / "cold.yml").write_text(CONFIG.format(cache=root / "cold"), encoding="utf-8")
        vault: Vault = {
            "点积": Note("", links=("[[注意力]]",)),
            "注意力": Note("夹", links=("[[点积#小节]]", "![[向量 空间#小节]]")),
            "向量 空间": Note("夹"),
            "梯度": Note("夹/子", published=False, links=("[[点积]]",)),
        }
        _write(root, vault)
        _build(root, "incremental", dirty=True)
        for step, edit in enumerate(edits):
            edit(vault)
            _write(root, vault)
            _build(root, "incremental", dirty=True)
            _build(root, "warm", dirty=False)  # pages in the frames the builds before kept
            for cold in ("cold", "clean"):
                shutil.rmtree(root / cold, ignore_errors=True)
            _build(root, "clean", dirty=False, config_file="cold.yml")
            clean = _files(root / "clean")
            for kind in ("incremental", "warm"):
                built = _files(root / kind)
                keys = built.keys() | clean.keys()
                differ = sorted(k for k in keys if built.get(k) != clean.get(k))
                assert differ == [], f"step {step}, {kind} build: {differ}"
    finally:
        shutil.rmtree(root, ignore_errors=True)
