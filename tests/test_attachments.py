"""Which attachments are published: those a published note refers to in any form, those a
published HTML page loads, those in a public folder; nothing else."""

from __future__ import annotations

from pathlib import Path

from conftest import SLUGIFY
from mkdocs_garden.core.note_meta import PublishMode
from mkdocs_garden.core.site import GardenSite, SiteOptions
from mkdocs_garden.core.urls import OwnSite
from mkdocs_garden.core.vault import Vault

PUBLISHED = "---\npublish: true\n---\n"
PRIVATE = "---\npublish: false\n---\n"
NOTES = {
    "公开.md": PUBLISHED
    + "![[嵌入.png]] [[链接.pdf]] ![图](图/markdown.png) [引][r] <img src='html.png'>\n\n"
    "[问](附件/带参数.txt?v=1) [旧址](https://old.example/garden/附件/旧址.pdf)\n\n"
    "![[pages/页面.html]] `![[代码里.png]]`\n\n[r]: 附件/引用.pdf\n",
    "私密.md": PRIVATE + "![[工资 2025.png]] [[合同.pdf]] ![[嵌入.png]]\n",
    "排除.md": PUBLISHED + "![[排除的笔记用的.png]]\n",
}
FILES = [
    "嵌入.png",
    "链接.pdf",
    "图/markdown.png",
    "html.png",
    "附件/引用.pdf",
    "附件/带参数.txt",
    "附件/旧址.pdf",
    "pages/页面.html",
    "pages/frame.js",
    "pages/未加载.js",
    "代码里.png",
    "工资 2025.png",
    "合同.pdf",
    "白板.canvas",
    "排除的笔记用的.png",
    "styles/site.css",
]


def choose(tmp_path: Path, public: list[str]) -> tuple[frozenset[str], tuple[str, ...]]:
    for path, text in NOTES.items():
        (tmp_path / path).write_text(text, encoding="utf-8")
    for path in FILES:
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_bytes(b"x")
    page = '<script src="frame.js"></script><a href="../附件/引用.pdf#p=2">x</a>'
    (tmp_path / "pages/页面.html").write_text(page, encoding="utf-8")
    vault = Vault.from_directory(tmp_path, PublishMode.EXPLICIT)
    shown = ["公开.md", "私密.md"]  # 排除.md is published but left out (exclude_docs)
    options = SiteOptions(SLUGIFY, own_site=OwnSite(("https://old.example/garden/",)))
    chosen = GardenSite(vault, shown, options).choose_attachments(
        public, lambda path: (tmp_path / path).read_text(encoding="utf-8")
    )
    return chosen.published, chosen.held_back


def test_only_what_a_published_note_or_page_refers_to_is_published(tmp_path: Path) -> None:
    published, held_back = choose(tmp_path, [])
    assert sorted(published) == sorted(
        [
            "嵌入.png",
            "链接.pdf",
            "图/markdown.png",
            "html.png",
            "附件/引用.pdf",
            "附件/带参数.txt",
            "附件/旧址.pdf",
            "pages/页面.html",
            "pages/frame.js",
        ]
    )
    assert set(held_back) == set(FILES) - published
    assert "工资 2025.png" in held_back and "白板.canvas" in held_back


def test_public_folders_are_published_whole(tmp_path: Path) -> None:
    published, _ = choose(tmp_path, ["styles/", "pages"])
    assert {"styles/site.css", "pages/未加载.js", "pages/frame.js"} <= published
    assert "工资 2025.png" not in published
