"""Script injection, tried as an attacker would: folder and file names, frontmatter values,
headings and raw HTML that carry script. Every page of the built site is loaded in headless
Chromium (and hovered, for the previews) with every dialog recorded: none may open, and no
element may carry a handler or a `javascript:` URL. A second build keeps raw HTML
(`sanitize_html: false`): the hover previews must still insert nothing that runs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser import serve
from sitebuild import Build, build_site

pytestmark = pytest.mark.browser

PUBLISHED = "---\npublish: true\n---\n"
RAW_HTML = """
<script>alert('raw-script')</script>
<img src=x onerror="alert('img-onerror')">
<a href="javascript:alert('a-href')">链接</a> <a href="JaVaScRiPt:alert('case')">大小写</a>
<a href="data:text/html,<script>alert('data')</script>">数据</a>
<iframe src="javascript:alert('iframe')"></iframe>
<iframe srcdoc="<script>parent.alert('srcdoc')</script>"></iframe>
<div onmouseover="alert('hover')">悬停这里</div>
<svg onload="alert('svg')"><circle r="4"/></svg>
<details open ontoggle="alert('toggle')"><summary>细节</summary>内容</details>
<object data="javascript:alert('object')"></object>
<form action="javascript:alert('form')"><button>按钮</button></form>
<math><maction actiontype="statusline" xlink:href="javascript:alert('math')">x</maction></math>

一段 <b onclick="alert('bold')">加粗</b> 文字。
{ onclick="alert('attr-list')" }

## <img src=x onerror="alert('heading')"> 标题

正文里保留的 <mark>高亮</mark> 和 <font color="red">红字</font>。
"""

# Names and values that carried script through to pages before.
VAULT: dict[str, str] = {
    "index.md": PUBLISHED
    + "# 首页\n\n[[raw]] [[描述]] [[公式]] [[javascript:alert(3)]] [[标题列表/index|列表]]\n\n"
    "![[javascript:alert(3)]]\n\n<!-- garden/recent -->\n",
    "raw.md": PUBLISHED + "# 原始 HTML\n" + RAW_HTML,
    "描述.md": "---\npublish: true\ndescription: '\"><script>alert(4)</script>'\n"
    "subtitle: '<img src=x onerror=alert(20)>'\n---\n# 描述\n\n正文\n",
    "javascript:alert(3).md": "---\npublish: true\ncreated: 2025-03-01\n---\n一篇名字奇怪的笔记\n",
    "子/javascript:alert(5).md": "---\npublish: true\ncreated: 2025-03-02\n---\n另一篇\n",
    "<img src=x onerror=alert(1)>/普通笔记.md": PUBLISHED + "文件夹名里有脚本\n",
    "标题列表/index.md": '---\npublish: true\ntitle: ["<img src=x onerror=alert(2)>"]\n---\n'
    "列表做标题\n",
    "代码标题/index.md": PUBLISHED + "# `<img src=x onerror=alert(18)>`\n\n标题是代码\n",
    "标签.md": PUBLISHED + "<!-- material/tags -->\n",
    # No HTML of its own, so the page is not sanitised as a whole: its math must be clean.
    "公式.md": PUBLISHED + "$\\text{<img src=x onerror=alert('math-text')>}$ 与 "
    "$\\href{javascript:alert('math-href')}{点我}$\n\n"
    "[[javascript:alert(3)|名字里的冒号]] 与 [链接](<javascript:alert('md')>) 和 "
    "![图](javascript:alert('img'))\n",
}
INJECTED = """() => {
  const found = [];
  for (const node of document.querySelectorAll("*")) {
    for (const { name, value } of node.attributes) {
      const url = ["href", "src", "data", "action", "xlink:href", "srcdoc"].includes(name);
      if (name.startsWith("on") || name === "srcdoc" ||
          (url && /^\\s*(javascript|data):/i.test(value))) {
        if (value !== "javascript:void(0)") found.push(node.outerHTML.slice(0, 120));
      }
    }
  }
  for (const script of document.scripts) {
    if (script.textContent.includes("alert(")) found.push(script.outerHTML.slice(0, 120));
  }
  return found;
}"""


def write_vault(root: Path) -> Path:
    vault = root / "vault"
    for path, text in VAULT.items():
        (vault / path).parent.mkdir(parents=True, exist_ok=True)
        (vault / path).write_text(text, encoding="utf-8")
    return vault


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Build]:
    root = tmp_path_factory.mktemp("injection")
    vault = write_vault(root)
    built = {
        "sanitised": build_site(vault, root / "sanitised", strict=False),
        "raw": build_site(
            vault,
            root / "raw",
            strict=False,
            plugin_options={"garden/obsidian": {"sanitize_html": False}},
        ),
    }
    for build in built.values():
        assert build.returncode == 0, build.log
    return built


@pytest.fixture
def dialogs(browser: Any) -> Iterator[tuple[Any, list[str]]]:
    context = browser.new_context(locale="zh-CN")
    opened = context.new_page()
    seen: list[str] = []

    def record(dialog: Any) -> None:
        seen.append(dialog.message)
        dialog.dismiss()

    opened.on("dialog", record)
    yield opened, seen
    context.close()


def pages_of(site: Path) -> list[str]:
    return sorted(
        p.relative_to(site).as_posix().removesuffix("index.html")
        for p in site.rglob("*.html")
        if p.name != "404.html"
    )


def test_no_page_runs_injected_script(
    sites: dict[str, Build], dialogs: tuple[Any, list[str]]
) -> None:
    page, seen = dialogs
    site = sites["sanitised"].site
    paths = pages_of(site)
    assert len(paths) >= 8, paths
    for base in serve(site):
        for path in paths:
            page.goto(base + path)
            page.wait_for_load_state("load")
            page.mouse.move(5, 5)
            for link in page.locator("article a[href]:not(.garden-graph *)").all()[:20]:
                if link.is_visible():  # not a lightbox link around an image sanitised away
                    link.hover(timeout=5_000)
            page.wait_for_timeout(400)  # previews open after 300 ms
            assert page.evaluate(INJECTED) == [], path
    assert seen == []


def test_what_obsidian_keeps_stays(sites: dict[str, Build]) -> None:
    html = (sites["sanitised"].site / "raw/index.html").read_text(encoding="utf-8")
    for kept in ("<mark>高亮</mark>", '<font color="red">红字</font>', "<details open", "<svg"):
        assert kept in html, kept
    assert "悬停这里" in html and "<b>加粗</b>" in html


def test_previews_insert_nothing_that_runs_even_from_raw_html(
    sites: dict[str, Build], dialogs: tuple[Any, list[str]]
) -> None:
    page, seen = dialogs
    raw = sites["raw"].site
    assert "onerror=\"alert('img-onerror')\"" in (raw / "raw/index.html").read_text("utf-8")
    for base in serve(raw):
        page.goto(base)
        page.locator("article a[href$='raw/']").first.hover()
        preview = page.wait_for_selector(
            ".garden-preview[data-state='ready']", state="visible", timeout=10_000
        )
        assert "原始 HTML" in preview.text_content()
        page.wait_for_timeout(500)
        found = page.evaluate(
            "() => [...document.querySelectorAll('.garden-preview *')]"
            ".filter(e => [...e.attributes].some(a => a.name.startsWith('on') ||"
            " /^\\s*javascript:/i.test(a.value))).map(e => e.outerHTML.slice(0, 80))"
        )
        assert found == []
    assert seen == []
