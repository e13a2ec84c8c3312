"""An unpublished note, linked in every form from published ones, leaves no trace in the site."""

from __future__ import annotations

from pathlib import Path

from sitebuild import build_site, read_page, site_texts

MARKER = "LEAK-MARKER-93c1e"
SECRET_NOTE = f"""---
publish: false
title: 私密标题 {MARKER}
aliases: [秘密别名]
tags: [私密标签{MARKER}]
---
# 私密标题 {MARKER}

## 私密小节

正文里的标记 {MARKER}。 ^secret-block
"""
LINKS = """
[[私密笔记]] [[私密笔记|别名]] [[私密笔记\\|转义别名]] [[私密笔记#私密小节]]
[[私密笔记#^secret-block]] [[秘密别名]] [[🔒 私密/私密笔记]] [[私密笔记.md]]
[md](../🔒%20私密/私密笔记.md) [md2](<../🔒 私密/私密笔记.md#私密小节>) [短](私密笔记.md)
<a href="../🔒 私密/私密笔记.md">html</a>
[旧址](https://pkm365.github.io/🔒-私密/私密笔记)

![[私密笔记]]

![[私密笔记#私密小节]]

> ![[秘密别名#^secret-block]]

- ![[🔒 私密/私密笔记]]
"""


def test_unpublished_note_leaves_no_trace(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    (vault / "🔒 私密").mkdir(parents=True)
    (vault / "公开").mkdir()
    (vault / "🔒 私密/私密笔记.md").write_text(SECRET_NOTE, encoding="utf-8")
    # Other suffixes MkDocs renders or copies: unpublished all the same.
    for name in ("另一篇.markdown", "旧笔记.mkd", "大写.MD"):
        (vault / "🔒 私密" / name).write_text(SECRET_NOTE.replace("秘密别名", name), "utf-8")
    (vault / "index.md").write_text(
        '---\n{"publish":true}\n---\n# 首页\n' + LINKS, encoding="utf-8"
    )
    (vault / "公开/公开笔记.md").write_text(
        '---\n{"publish":true,"tags":["公开"]}\n---\n# 公开\n' + LINKS, encoding="utf-8"
    )

    build = build_site(vault, tmp_path / "site", strict=False)

    assert build.returncode == 0, build.log
    files = list(site_texts(build.site))
    assert any(path.name == "search_index.json" for path, _ in files)
    assert [str(path) for path, text in files if MARKER in text] == []
    assert [
        str(path) for path, text in files if "秘密别名" in text and path.suffix == ".json"
    ] == []
    assert not [p for p in build.site.rglob("*") if "私密" in p.name]
    for page in ("index.html", "公开/公开笔记/index.html"):
        links = read_page(build.site / page).links
        assert not [link for link in links if "私密" in link or "%E7%A7%81%E5%AF%86" in link], links
    published = (build.site / "公开/公开笔记/index.html").read_text(encoding="utf-8")
    assert published.count('class="garden-link-missing"') >= 12
    assert published.count('class="garden-embed-missing"') == 4  # embeds: the name only
