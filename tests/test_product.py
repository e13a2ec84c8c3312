"""Garden as a product: a wheel of the checkout installed into a fresh virtualenv, `garden new`
around a vault, and `mkdocs build --strict` of the site it writes, with every part of the
Garden site in it, no request to another host, and nothing of an unpublished note."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
import yaml

from conftest import ROOT
from sitebuild import broken_links, site_texts

MERMAID = ROOT / "node_modules" / "mermaid"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201e2b6e1bb0000000049454e44ae426082"
)
SECRET = "不该出现的草稿内容"


@dataclass(frozen=True)
class Installed:
    bin: Path
    megabytes: float

    def run(self, *args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        env.pop("PYTHONPATH", None)
        return subprocess.run(
            [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
        )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """Garden from a wheel of this checkout, in a virtualenv of its own."""
    work = tmp_path_factory.mktemp("install")
    source = work / "source"  # a copy, so that building leaves nothing in the checkout
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        if (ROOT / name).is_file():
            shutil.copy(ROOT / name, source / name)
    shutil.copytree(
        ROOT / "plugins",
        source / "plugins",
        ignore=shutil.ignore_patterns("*.egg-info", "__pycache__"),
    )
    pip = [sys.executable, "-m", "pip"]
    wheel = subprocess.run(
        [*pip, "wheel", "--no-deps", "-q", "-w", str(work / "dist"), str(source)],
        capture_output=True,
        text=True,
    )
    assert wheel.returncode == 0, wheel.stderr
    subprocess.run([sys.executable, "-m", "venv", str(work / "venv")], check=True)
    python = work / "venv" / "bin" / "python"
    (built,) = (work / "dist").glob("mkdocs_garden-*.whl")
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", str(built)], capture_output=True, text=True
    )
    assert install.returncode == 0, install.stderr
    size = sum(f.stat().st_size for f in (work / "venv").rglob("*") if f.is_file())
    return Installed(work / "venv" / "bin", size / 1e6)


def _small_vault(folder: Path) -> None:
    """Chinese notes with a callout, code, math, a tag, an image, a Mermaid diagram, and an
    unpublished note linked from a published one."""
    (folder / "笔记").mkdir(parents=True)
    (folder / "附件").mkdir()
    (folder / "附件" / "示意图.png").write_bytes(PNG)
    (folder / "笔记" / "点积.md").write_text(
        """---
publish: true
tags: [线性代数]
---
# 点积

两个向量的点积 $a \\cdot b = \\sum_i a_i b_i$ 衡量方向是否一致，见 [[注意力]] 与 [[草稿]]。

> [!tip] 记住
> 点积越大，方向越接近。

```python
def dot(a, b):
    return sum(x * y for x, y in zip(a, b))
```

![[示意图.png]]

```mermaid
graph LR
  Q --> 点积
```
""",
        encoding="utf-8",
    )
    (folder / "笔记" / "注意力.md").write_text(
        "---\npublish: true\n---\n注意力用 [[点积]] 给每个键打分。\n", encoding="utf-8"
    )
    (folder / "草稿.md").write_text(f"---\npublish: false\n---\n{SECRET}\n", encoding="utf-8")


def _mermaid_installed(site: Path) -> None:
    """What `npm install mermaid@11` leaves beside mkdocs.yml."""
    (site / "node_modules").mkdir()
    (site / "node_modules" / "mermaid").symlink_to(MERMAID)


class _Requests(HTMLParser):
    """Every address a page would make the browser load (not links a reader follows)."""

    def __init__(self) -> None:
        super().__init__()
        self.loads: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in ("script", "img", "iframe", "audio", "video", "source") and values.get("src"):
            self.loads.append(values["src"] or "")
        rel = values.get("rel") or ""
        if tag == "link" and rel in (
            "stylesheet",
            "preconnect",
            "preload",
            "icon",
            "modulepreload",
        ):
            self.loads.append(values.get("href") or "")


def _other_hosts(site: Path) -> set[str]:
    found: set[str] = set()
    for page in site.rglob("*.html"):
        parser = _Requests()
        parser.feed(page.read_text(encoding="utf-8"))
        found |= {url for url in parser.loads if urlsplit(url).netloc}
    for sheet in site.rglob("*.css"):
        found |= set(re.findall(r"@import\s+url\((https?://[^)]+)\)", sheet.read_text("utf-8")))
    return found


def _workflow_fetches_mermaid(site: Path) -> bool:
    """Whether the site's Pages workflow would run `garden mermaid` for the vault as it is."""
    workflow = yaml.safe_load((site / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    (step,) = [
        s for s in workflow["jobs"]["build"]["steps"] if "garden mermaid" in s.get("run", "")
    ]
    script = step["run"].replace("garden mermaid", "echo fetch")
    result = subprocess.run(["bash", "-c", script], cwd=site, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip() == "fetch"


def _build(installed: Installed, site: Path) -> Path:
    result = installed.run(installed.bin / "mkdocs", "build", "--strict", cwd=site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site / "site"


@pytest.mark.skipif(not MERMAID.is_dir(), reason="mermaid is installed by `npm install`")
def test_a_new_site_has_the_whole_garden(installed: Installed, tmp_path: Path) -> None:
    made = installed.run(installed.bin / "garden", "new", "我的花园", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    site = tmp_path / "我的花园"
    config = (site / "mkdocs.yml").read_text(encoding="utf-8")
    assert "plugins: [garden]" in config and "theme" not in config
    assert {p.name for p in site.iterdir()} >= {
        "mkdocs.yml",
        "README.md",
        ".gitignore",
        ".github",
        "requirements.txt",
        "docs",
    }
    assert (site / ".github" / "workflows" / "pages.yml").is_file()
    _small_vault(site / "docs")
    assert _workflow_fetches_mermaid(site)
    _mermaid_installed(site)
    out = _build(installed, site)

    home = (out / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh"' in home and "开始" in home  # Chinese UI; the first note's tag
    page = (out / "笔记" / "点积" / "index.html").read_text(encoding="utf-8")
    features = json.loads(re.search(r'id="__config"[^>]*>(.*?)</script>', page, re.S)[1])
    assert "navigation.prune" in features["features"]
    assert 'class="admonition tip"' in page  # callout
    assert '<div class="highlight">' in page and '<span class="k">def</span>' in page
    assert "<math" in page
    assert '<pre class="mermaid">' in page and (out / "assets/garden/mermaid.min.js").is_file()
    assert quote("示意图.png") in page and (out / "附件" / "示意图.png").is_file()
    assert 'class="md-tag' in page and "线性代数" in page
    assert (out / "assets/garden/preview.js").is_file()
    assert (out / "assets/garden/graph/widget.js").is_file()  # the graph's modules, in the wheel
    attention = (out / "笔记" / "注意力" / "index.html").read_text(encoding="utf-8")
    assert 'class="garden-backlinks"' in attention and "点积" in attention
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    assert {node["id"] for node in graph["nodes"] if node.get("kind", "note") == "note"} >= {
        "笔记/点积.md",
        "笔记/注意力.md",
    }
    assert "找不到这一页" in (out / "404.html").read_text(encoding="utf-8")
    assert "<title>点积</title>" in (out / "rss.xml").read_text(encoding="utf-8")
    assert '<meta property="og:title" content="点积">' in page and "分钟读完" in page
    index = (out / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "\\u200b" in index or "\u200b" in index  # Chinese split into words
    assert _other_hosts(out) == set()
    assert broken_links(out, "/REPOSITORY/") == []
    for path, text in site_texts(out):
        assert SECRET not in text and "草稿" not in path.as_posix(), path


def test_an_existing_vault_is_published_in_place(installed: Installed, tmp_path: Path) -> None:
    """`--vault` points docs_dir at a Quartz site's content/ folder, which stays where it is."""
    quartz = tmp_path / "quartz"
    _small_vault(quartz / "content")
    (quartz / "content" / "笔记" / "点积.md").write_text(
        (quartz / "content" / "笔记" / "点积.md")
        .read_text(encoding="utf-8")
        .replace("```mermaid\ngraph LR\n  Q --> 点积\n```\n", ""),
        encoding="utf-8",
    )
    (quartz / "content" / "index.md").write_text("# 首页\n\n欢迎。\n", encoding="utf-8")
    made = installed.run(
        installed.bin / "garden",
        "new",
        ".",
        "--vault",
        "content",
        "--publish",
        "exclude",
        cwd=quartz,
    )
    assert made.returncode == 0, made.stderr
    assert 'docs_dir: "content"' in (quartz / "mkdocs.yml").read_text(encoding="utf-8")
    assert not _workflow_fetches_mermaid(quartz)  # no diagram: no Node, no script
    assert not (quartz / "docs").exists()
    out = _build(installed, quartz)
    assert "欢迎" in (out / "index.html").read_text(encoding="utf-8")
    assert (out / "笔记" / "注意力" / "index.html").is_file()  # no `publish` needed here
    assert not (out / "草稿").exists()  # `publish: false` still holds
    assert all(SECRET not in text for _, text in site_texts(out))


def test_obsidian_settings_home_note_and_hidden_folders(
    installed: Installed, tmp_path: Path
) -> None:
    vault = tmp_path / "库"
    _small_vault(vault)
    (vault / "笔记" / "点积.md").unlink()  # its Mermaid diagram would need the script
    (vault / ".obsidian").mkdir()
    (vault / ".obsidian" / "app.json").write_text(
        '{"strictLineBreaks": true, "attachmentFolderPath": "附件"}', encoding="utf-8"
    )
    (vault / ".obsidian" / "templates.json").write_text('{"folder": "模板"}', encoding="utf-8")
    (vault / "模板").mkdir()
    (vault / "模板" / "日记模板.md").write_text(
        "---\npublish: true\n---\n模板正文 {{title}}\n", encoding="utf-8"
    )
    (vault / ".trash").mkdir()
    (vault / ".trash" / "删掉的.md").write_text("---\npublish: true\n---\n回收站里的\n", "utf-8")
    (vault / "Home.md").write_text(
        "---\npublish: true\n---\n第一行\n第二行\n\n去看 [[注意力]]。\n\n![[示意图.png]]\n",
        encoding="utf-8",
    )
    made = installed.run(installed.bin / "garden", "new", "网站", "--vault", vault, cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    out = _build(installed, tmp_path / "网站")

    home = (out / "index.html").read_text(encoding="utf-8")
    assert "第一行第二行" in home  # strict line breaks: joined, no space between Chinese
    assert quote("示意图.png") in home and (out / "附件" / "示意图.png").is_file()
    assert broken_links(out, "/REPOSITORY/") == []  # the logo and the site name reach a page
    assert not (out / "Home").exists()
    for path, text in site_texts(out):
        assert "模板正文" not in text and "回收站里的" not in text, path
        assert "日记模板" not in path.as_posix() and ".trash" not in path.as_posix()


def test_garden_new_never_overwrites(installed: Installed, tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "mkdocs.yml").write_text("site_name: 我自己的\n", encoding="utf-8")
    (site / "docs").mkdir()
    (site / "docs" / "index.md").write_text("我自己的首页\n", encoding="utf-8")
    made = installed.run(installed.bin / "garden", "new", site, cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert "left alone mkdocs.yml" in made.stdout
    assert "left alone docs/index.md" in made.stdout
    assert (site / "mkdocs.yml").read_text(encoding="utf-8") == "site_name: 我自己的\n"
    assert (site / "docs" / "index.md").read_text(encoding="utf-8") == "我自己的首页\n"
    assert (site / "README.md").is_file() and (site / ".gitignore").is_file()


def test_the_install_is_only_what_a_build_needs(installed: Installed) -> None:
    packages = installed.run(installed.bin / "python", "-m", "pip", "list", cwd=Path.cwd())
    names = {line.split()[0].lower() for line in packages.stdout.splitlines()[2:]}
    assert {"mkdocs-garden", "mkdocs", "mkdocs-material"} <= names
    assert not names & {"pytest", "playwright", "hypothesis", "ruff", "mypy", "matplotlib"}
    assert shutil.which("garden", path=str(installed.bin)) is not None
