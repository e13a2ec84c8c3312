"""`mkdocs serve` through a writing session: edits to a note, a figure script and the config
rebuild the site; broken frontmatter is reported and the server keeps serving; fixing the note
recovers without a restart. Every wait is bounded."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import pytest
import yaml

from conftest import FIGURES_SRC, ROOT
from sitebuild import _plugins_with, write_garden_config

NOTE = '---\n{"publish":true}\n---\n# 笔记\n\n第一版正文，链接到 [[稀疏注意力]]。\n'


@dataclass
class Server:
    url: str
    log: Path
    vault: Path
    scripts: Path
    config: Path

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.url + urllib.parse.quote(path), timeout=5) as reply:
                return reply.status, reply.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, ""
        except OSError:
            return 0, ""

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def wait_for(condition: Callable[[], bool], what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    raise AssertionError(f"timed out after {seconds} s waiting for {what}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    vault = tmp_path / "vault"
    vault.mkdir()
    (vault / "index.md").write_text('---\n{"publish":true}\n---\n# 首页\n\n[[笔记]]\n', "utf-8")
    (vault / "笔记.md").write_text(NOTE, encoding="utf-8")
    with serving(tmp_path, []) as running:
        yield running


@contextmanager
def serving(tmp_path: Path, arguments: list[str]) -> Iterator[Server]:
    """`mkdocs serve` of `tmp_path/vault` with this project's configuration (and a copy of
    its figure scripts), until the block ends."""
    vault, scripts = tmp_path / "vault", tmp_path / "figures_src"
    shutil.copytree(FIGURES_SRC, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    options = {"garden/figures": {"scripts_dir": str(scripts), "cache_dir": str(tmp_path / "c")}}
    config = ROOT / f".test-serve-{uuid.uuid4().hex}.yml"
    settings = {"INHERIT": "mkdocs.yml", "docs_dir": str(vault), "site_name": "第一个名字"}
    config.write_text(
        yaml.safe_dump({**settings, "plugins": _plugins_with(options)}, allow_unicode=True),
        encoding="utf-8",
    )
    port, log = free_port(), tmp_path / "serve.log"
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        *arguments,
        "-f",
        str(config),
        "-a",
        f"127.0.0.1:{port}",
    ]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("w", encoding="utf-8") as output:
        process = subprocess.Popen(
            command, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT, env=env
        )
    running = Server(f"http://127.0.0.1:{port}/garden/", log, vault, scripts, config)
    try:
        wait_for(lambda: "Serving on" in running.text(), "the first build", seconds=120)
        yield running
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        config.unlink(missing_ok=True)


def test_live_reload_has_a_click_that_works() -> None:
    # Click 8.2.2 to 8.3.x break MkDocs' live reload (MkDocs issue 4032); pyproject asks >= 8.4.
    major, minor = (int(part) for part in version("click").split(".")[:2])
    assert (major, minor) >= (8, 4), version("click")


def test_a_writing_session_under_mkdocs_serve(server: Server) -> None:
    note = server.vault / "笔记.md"
    assert "第一版正文" in server.get("笔记/")[1]
    assert "[[稀疏注意力]]" in server.text()  # a link to a missing note is logged

    note.write_text(NOTE.replace("第一版", "第二版"), encoding="utf-8")
    wait_for(lambda: "第二版正文" in server.get("笔记/")[1], "the edited note")

    note.write_text('---\n{"publish": tru\n---\n# 笔记\n\n坏掉的版本\n', encoding="utf-8")
    wait_for(lambda: "笔记.md:2: frontmatter is not valid JSON" in server.text(), "the error")
    wait_for(lambda: server.get("笔记/")[0] == 404, "the broken note to be left out")
    assert server.get("")[0] == 200  # the server keeps serving the rest

    note.write_text(NOTE.replace("第一版", "修好的"), encoding="utf-8")
    wait_for(lambda: "修好的正文" in server.get("笔记/")[1], "recovery without a restart")

    # A value that once stopped every build: now a message, and the rest is served.
    note.write_text("---\npublish: true\nx: !!int abc\n---\n# 笔记\n", encoding="utf-8")
    wait_for(lambda: "笔记.md:3: frontmatter is not valid YAML" in server.text(), "the message")
    wait_for(lambda: server.get("笔记/")[0] == 404, "the note left out")
    assert server.get("")[0] == 200

    # An attachment is served while a published note embeds it, and not once it is private.
    (server.vault / "私密附件.pdf").write_bytes(b"%PDF-1.4 SERVE-SECRET")
    embedding = NOTE + "\n![[私密附件.pdf]]\n"
    note.write_text(embedding, encoding="utf-8")
    wait_for(lambda: server.get("私密附件.pdf")[0] == 200, "the embedded attachment")
    note.write_text(embedding.replace('"publish":true', '"publish":false'), encoding="utf-8")
    wait_for(lambda: server.get("私密附件.pdf")[0] == 404, "the attachment held back")
    assert server.get("笔记/")[0] == 404 and server.get("")[0] == 200
    note.write_text(NOTE, encoding="utf-8")
    wait_for(lambda: server.get("笔记/")[0] == 200, "the note back")

    with (server.scripts / "cosine_sweep.py").open("a", encoding="utf-8") as script:
        script.write("\n# saved again\n")
    wait_for(lambda: "garden: figures: 1 drawn, 4 cached" in server.text(), "the figure redrawn")

    server.config.write_text(
        server.config.read_text(encoding="utf-8").replace("第一个名字", "第二个名字"), "utf-8"
    )
    wait_for(lambda: "第二个名字" in server.get("")[1], "the new site name")


DIRTY_NOTES = {
    "index.md": "---\npublish: true\n---\n# 首页\n\n去 [[甲]] 和 [[乙#原来的小节]]。\n",
    "夹/甲.md": "---\npublish: true\n---\n甲的第一版，提到 [[乙#原来的小节]]。\n",
    "夹/乙.md": "---\npublish: true\ntitle: 乙\n---\n## 原来的小节\n\n乙的正文。\n",
    "夹/丙.md": "---\npublish: true\n---\n丙链接 [[甲]]。\n",
}


def _nav_titles(html: str) -> list[str]:
    nav = html[html.index("md-nav--primary") : html.index("md-sidebar--secondary")]
    return re.findall(r'<span class="md-ellipsis">\s*([^<]+?)\s*<', nav)


def _graph(server: Server) -> set[str]:
    return {node["id"] for node in json.loads(server.get("graph.json")[1])["nodes"]}


def _search(server: Server) -> str:
    """The search index's titles and texts, with jieba's word breaks taken out."""
    docs = json.loads(server.get("search/search_index.json")[1])["docs"]
    return "\n".join(f"{doc['title']} {doc['text']}" for doc in docs).replace("\u200b", "")


def test_mkdocs_serve_dirty_rewrites_what_a_save_reaches(tmp_path: Path) -> None:
    """Under `--dirty` a save rewrites only the pages it reaches, and none is left stale:
    the edited page, the backlinks and links of other notes, the navigation, the graph JSON
    and the search index, after edits, a renamed heading, a new title, unpublishing and
    deleting."""
    vault = tmp_path / "vault"
    for path, text in DIRTY_NOTES.items():
        (vault / path).parent.mkdir(parents=True, exist_ok=True)
        (vault / path).write_text(text, encoding="utf-8")
    with serving(tmp_path, ["--dirty"]) as server:

        def builds() -> int:  # (MkDocs leaves out a line it logged before: its build time)
            return server.text().count("garden: incremental build:")

        wait_for(lambda: server.get("夹/乙/")[0] == 200, "the first build", seconds=120)
        wait_for(lambda: builds() == 1, "the first build's last word")
        assert "甲的第一版" in server.get("夹/乙/")[1]  # the backlink's sentence
        if sys.platform.startswith("linux"):  # the vault is on a local filesystem
            watched = f"Watching by file events: [^;]*{re.escape(str(vault))}"
            assert re.search(watched, server.text())

        def save(path: str, text: str) -> None:
            seen = builds()
            (vault / path).write_text(text, encoding="utf-8")
            wait_for(lambda: builds() > seen, f"the build after saving {path}")

        # An edit: the note's page and the backlink on the page it links to.
        save("夹/甲.md", DIRTY_NOTES["夹/甲.md"].replace("第一版", "第二版"))
        assert "甲的第二版" in server.get("夹/甲/")[1]
        assert (
            "甲的第二版" in server.get("夹/乙/")[1] and "甲的第一版" not in server.get("夹/乙/")[1]
        )
        assert "甲的第二版" in _search(server)
        written = r"(\d+) pages written \((\d+) into their last frame\), (\d+) left"
        # 乙 is written into its last frame (only its backlinks changed); 甲's frame changed
        # too (its first paragraph is its description, in the page's head).
        assert re.findall(written, server.text())[-1] == ("2", "1", "4")

        # A renamed heading: the links into it elsewhere stop pointing at it.
        assert "#原来的小节" in server.get("")[1]
        save("夹/乙.md", DIRTY_NOTES["夹/乙.md"].replace("原来的小节", "新的小节"))
        assert (
            "#原来的小节" not in server.get("")[1] and "#原来的小节" not in server.get("夹/甲/")[1]
        )

        # A new title: every page's navigation shows it.
        save("夹/乙.md", DIRTY_NOTES["夹/乙.md"].replace("title: 乙", "title: 乙的新名字"))
        assert "乙的新名字" in _nav_titles(server.get("夹/丙/")[1])
        assert "乙的新名字" in _nav_titles(server.get("")[1]) or "夹" in _nav_titles(
            server.get("")[1]
        )

        # Unpublished: its page is gone, links to it are text, and it is in no list.
        save("夹/甲.md", DIRTY_NOTES["夹/甲.md"].replace("publish: true", "publish: false"))
        assert server.get("夹/甲/")[0] == 404
        assert 'href="夹/甲/"' not in server.get("")[1] and "夹/甲.md" not in _graph(server)
        assert "甲的" not in _search(server)
        assert "甲" not in _nav_titles(server.get("夹/丙/")[1])

        # Deleted: the same.
        seen = builds()
        (vault / "夹/丙.md").unlink()
        wait_for(lambda: builds() > seen, "the build after deleting a note")
        assert server.get("夹/丙/")[0] == 404 and "夹/丙.md" not in _graph(server)
        assert "丙链接" not in _search(server)
        assert "丙" not in _nav_titles(server.get("夹/乙/")[1])

        # A folder sent to the system's trash (one folder event, no event for its notes).
        seen = builds()
        shutil.move(vault / "夹", tmp_path / "trash")
        wait_for(lambda: builds() > seen, "the build after a folder left the vault")
        assert server.get("夹/乙/")[0] == 404 and "夹/乙.md" not in _graph(server)
        assert "A 'dirty' build is being performed" not in server.text()


class _Watcher:
    def watch(self, path: str) -> None:
        pass


def test_the_word_splitter_is_loaded_before_the_first_save(tmp_path: Path) -> None:
    """Material's search splits Chinese with jieba, whose dictionary takes 0.6 s to load; a
    first build whose search entries all came from the cache never loads it, so `on_serve`
    does, and the first save does not wait for it."""
    import jieba
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    vault = tmp_path / "vault"
    vault.mkdir()
    (vault / "index.md").write_text("---\npublish: true\n---\n# 首页\n\n注意力。\n", "utf-8")
    config_file = write_garden_config(tmp_path, "分词")
    config = load_config(str(config_file), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)
    jieba.dt.initialized = False  # as in a process whose build never split a word
    config.plugins.on_serve(_Watcher(), config=config, builder=lambda: None)  # type: ignore[arg-type]
    assert jieba.dt.initialized
