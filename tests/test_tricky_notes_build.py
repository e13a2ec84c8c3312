"""Notes that trip up naive link layers, through a real MkDocs build: the HTML is right and
every link and anchor on the site resolves."""

from __future__ import annotations

from pathlib import Path

from sitebuild import broken_links, build_site

TRICKY = """---
{"publish":true}
---
# 难缠的笔记

## _重点_ 结论

## Q &amp; A

跳到 [[#_重点_ 结论]] 和 [[#Q &amp; A]]，以及 [[目标#小节]]。

#标签 不是标题
#另一行

- [ ] 买菜 ^task-1
- [x] 做饭

- 条目
\tcontinued [[目标]]

| 概念 | 链接 |
|---|---|
| 甲 | [[目标\\|别名]] 与 [[目标\\|别名]] |

$\\mathcal{F}[f](\\omega)$ 的定义见第 2

[引用][r]

A drawn figure by name, as a Markdown image and as an embed:
![热力图](attention-heatmap.svg) ![[cosine-sweep.svg|320]]

[r]: 目标.md#小节
"""


def test_tricky_notes_build_cleanly(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    (vault / "深处").mkdir(parents=True)
    (vault / "index.md").write_text(TRICKY, encoding="utf-8")
    (vault / "深处/目标.md").write_text('---\n{"publish":true}\n---\n# 目标\n\n## 小节\n', "utf-8")

    build = build_site(vault, tmp_path / "site", strict=True)

    assert build.returncode == 0, build.log
    assert broken_links(build.site, base_path="/garden/") == []
    page = (build.site / "index.html").read_text(encoding="utf-8")
    assert 'href="#重点-结论"' in page and 'href="#q--a"' in page
    # an inline tag (no tags index in this vault: plain text), not a heading
    assert '<p><span class="garden-tag">#标签</span> 不是标题' in page
    assert 'id="标签' not in page
    assert 'type="checkbox"' in page and 'id="^task-1"' in page
    assert "[[" not in page and "<math" in page
    assert page.count('href="%E6%B7%B1%E5%A4%84/%E7%9B%AE%E6%A0%87/"') >= 3
    # each shown by garden/figures in its variants (the light picture's image keeps its address)
    assert '<img alt="热力图" src="figures/attention-heatmap.svg" loading="lazy">' in page
    assert '<img alt="" src="figures/cosine-sweep.svg" width="320" loading="lazy">' in page
    assert 'srcset="figures/cosine-sweep.narrow.dark.svg"' in page
