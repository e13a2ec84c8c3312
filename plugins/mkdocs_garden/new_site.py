"""`garden new`: a ready site around a vault, written without overwriting anything.

The site is a folder holding `mkdocs.yml` (site name, address and the one `garden` line), a
GitHub Pages workflow, `.gitignore`, `requirements.txt`, a README of two commands, and either
a first note in `docs/` or `docs_dir` pointing at an existing vault.
"""

from __future__ import annotations

import json
import shlex
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path


class NewSiteError(Exception):
    """What keeps the site from being written, said so that the user can fix it."""


@dataclass
class NewSite:
    folder: Path
    vault: Path | None = None
    site_name: str = ""
    site_url: str = ""
    publish: str = "explicit"
    requirement: str = ""
    written: list[str] = field(default_factory=list)
    left_alone: list[str] = field(default_factory=list)
    vault_outside: bool = False
    """The vault lies outside the site's folder (so outside its git repository)."""


def write_new_site(site: NewSite) -> NewSite:
    """Write every file of the new site that does not exist yet; report the rest."""
    folder = site.folder.resolve()
    if folder.exists() and not folder.is_dir():
        raise NewSiteError(f"{site.folder} is a file, not a folder")
    docs_dir = _docs_dir(folder, site.vault)
    site.vault_outside = docs_dir.startswith("/")
    name = site.site_name or folder.name
    files = {
        "mkdocs.yml": _mkdocs_yml(name, site.site_url, docs_dir, site.publish),
        "requirements.txt": _requirements(site.requirement),
        ".gitignore": GITIGNORE,
        "README.md": _readme(name),
        ".github/workflows/pages.yml": _pages_workflow(docs_dir),
    }
    if site.vault is None:
        files["docs/index.md"] = _first_note(name)
    for relative in files:
        _check_folders(folder, relative)
    for relative, text in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with path.open("x", encoding="utf-8") as new_file:  # never replaces, nor follows
                new_file.write(text)  # a link to somewhere else
        except FileExistsError:
            site.left_alone.append(relative)
            continue
        site.written.append(relative)
    return site


def _check_folders(folder: Path, relative: str) -> None:
    """Before anything is written: every folder on the way to a file must be a folder."""
    for parent in (folder / p for p in reversed(Path(relative).parents)):
        if (parent.exists() or parent.is_symlink()) and not parent.is_dir():
            raise NewSiteError(f"{parent} is a file where the site needs a folder")


def _docs_dir(folder: Path, vault: Path | None) -> str:
    """`docs_dir` as mkdocs.yml writes it: relative to the site's folder when the vault is
    inside it, else absolute. MkDocs cannot build a vault that holds its own mkdocs.yml."""
    if vault is None:
        return "docs"
    vault = vault.resolve()
    if not vault.is_dir():
        raise NewSiteError(f"--vault {vault}: no such folder")
    if vault == folder or vault in folder.parents:
        raise NewSiteError(
            f"--vault {vault} holds the site's folder {folder}: MkDocs cannot build a vault "
            "that contains its own mkdocs.yml. Put the site beside the vault (garden new "
            "../my-site --vault .) or the notes in a subfolder of the site."
        )
    if folder in vault.parents:
        return vault.relative_to(folder).as_posix()
    return vault.as_posix()


def _mkdocs_yml(name: str, url: str, docs_dir: str, publish: str) -> str:
    address = url or "https://USER.github.io/REPOSITORY/"
    lines = [
        f"site_name: {json.dumps(name, ensure_ascii=False)}",
        f"site_url: {json.dumps(address)}" + ("" if url else "  # where the site will live"),
    ]
    if docs_dir != "docs":
        lines.append(f"docs_dir: {json.dumps(docs_dir, ensure_ascii=False)}")
    lines.append("plugins: [garden]  # the whole Garden site; README.md says how to change it")
    if publish != "explicit":
        lines[-1] = "plugins:\n  - garden\n  - garden/obsidian:\n      publish: exclude"
        lines.append("  # every note is published except those with `publish: false`")
    return "\n".join(lines) + "\n"


def _requirements(requirement: str) -> str:
    return (
        "# What building the site needs (GitHub Pages installs it too).\n"
        f"{requirement or _installed_requirement()}\n"
    )


def _installed_requirement() -> str:
    """Garden as it is installed here: from its git repository if it came from one, else by
    name and version (from the package index)."""
    try:
        dist = distribution("mkdocs-garden")
    except PackageNotFoundError:  # running from a source tree
        return "mkdocs-garden[cards]"
    origin = dist.read_text("direct_url.json")
    if origin:
        data = json.loads(origin)
        vcs = data.get("vcs_info")
        if vcs and vcs.get("vcs") == "git":
            return f"mkdocs-garden[cards] @ git+{data['url']}@{vcs['commit_id']}"
    return f"mkdocs-garden[cards]=={dist.version}"


def _first_note(name: str) -> str:
    return f"""---
title: {json.dumps(name, ensure_ascii=False)}
publish: true
tags: [开始]
---

这是花园的首页。在 Obsidian 里打开 `docs/` 这个文件夹，就能接着写。

- 只有 frontmatter 写了 `publish: true` 的笔记才会发布，其余的笔记、附件都不会出现在网站上。
- 用 `[[笔记名]]` 链接别的笔记，用 `![[笔记名#标题]]` 嵌入一段。

> [!tip] 预览
> 运行 `.venv/bin/mkdocs serve --dirty`，在浏览器里打开它给出的地址，保存笔记后页面会自动刷新
> （只重写受影响的页面）。
"""


def _readme(name: str) -> str:
    return f"""# {name}

A site made with [Garden](https://pypi.org/project/mkdocs-garden/) from an Obsidian vault.

## Set up (two commands)

```sh
python3 -m venv .venv && .venv/bin/pip install -r requirements.txt && .venv/bin/mkdocs serve --dirty
.venv/bin/mkdocs build --strict
```

The first installs Garden into `.venv` and serves the site at <http://127.0.0.1:8000/> while you
write; the second builds it into `site/`, as GitHub Pages does.

## Publish

Push to GitHub, then in the repository's settings choose *Pages → Source: GitHub Actions*:
`.github/workflows/pages.yml` builds and deploys the site on every push to `main`. Set
`site_url` in `mkdocs.yml` to the site's address.

## Change it

`plugins: [garden]` in `mkdocs.yml` turns on every part of Garden with its defaults. List a
part to configure it, for example `- garden/obsidian: {{publish: exclude}}` to publish every
note but those with `publish: false`; `theme:` takes Material for MkDocs' settings.
Mermaid diagrams need mermaid's browser script, which the site then serves itself: run
`.venv/bin/garden mermaid` once (GitHub Pages does it when a note has a diagram).
"""


GITIGNORE = """/site/
/.venv/
/.cache/
/node_modules/
__pycache__/
"""


def _pages_workflow(docs_dir: str) -> str:
    return PAGES_WORKFLOW.replace("DOCS_DIR", shlex.quote(docs_dir))


PAGES_WORKFLOW = r"""# Build the site and publish it to GitHub Pages on every push to main.
name: Publish to GitHub Pages

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0  # whole history: notes without dates in frontmatter are dated by git
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
          cache: pip
      - id: pages
        uses: actions/configure-pages@v5
      - name: Install Garden, and a Chinese font for the link cards it draws
        run: |
          pip install -r requirements.txt
          sudo apt-get install -y --no-install-recommends fonts-noto-cjk
      - name: Garden's cache (card images), kept from the last build
        uses: actions/cache@v4
        with:
          path: .cache
          key: garden-${{ hashFiles('requirements.txt') }}-${{ github.sha }}
          restore-keys: garden-${{ hashFiles('requirements.txt') }}-
      - name: Mermaid's browser script, when a note draws a diagram
        run: |
          if grep -rqsE --include='*.md' '^\s*(```|~~~)\s*mermaid' DOCS_DIR; then garden mermaid; fi
      - name: Build the site
        run: mkdocs build --strict
      - uses: actions/upload-pages-artifact@v3
        with:
          path: site

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
"""
