"""`mkdocs serve` through a writing session: edits to a note, a figure script and the config
rebuild the site; broken frontmatter is reported and the server keeps serving; fixing the note
recovers without a restart. Every wait is bounded."""

from __future__ import annotations

import os
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
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import pytest
import yaml

from conftest import FIGURES_SRC, ROOT
from sitebuild import _plugins_with

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
    vault, scripts = tmp_path / "vault", tmp_path / "figures_src"
    vault.mkdir()
    shutil.copytree(FIGURES_SRC, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (vault / "index.md").write_text('---\n{"publish":true}\n---\n# 首页\n\n[[笔记]]\n', "utf-8")
    (vault / "笔记.md").write_text(NOTE, encoding="utf-8")
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
        wait_for(lambda: running.get("笔记/")[0] == 200, "the first build", seconds=120)
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
