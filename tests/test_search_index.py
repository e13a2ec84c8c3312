"""Chinese search: jieba segments the index at build time, with or without pkg_resources."""

from __future__ import annotations

import json
import subprocess
import sys

from sitebuild import Build

WITHOUT_PKG_RESOURCES = """
import sys
sys.modules["pkg_resources"] = None  # as with setuptools >= 81, which no longer ships it
import jieba
print("/".join(jieba.lcut("点积为什么能衡量相关性")))
"""


def test_jieba_works_without_pkg_resources() -> None:
    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_PKG_RESOURCES], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "点积/为什么/能/衡量/相关性"


def test_search_index_is_segmented_into_chinese_words(docs_site: Build) -> None:
    index = json.loads((docs_site.site / "search/search_index.json").read_text("utf-8"))
    titles = {doc["title"] for doc in index["docs"]}
    assert "点积\u200b为什么\u200b能\u200b衡量\u200b相关性\u200b？" in titles
    assert r"\u200b" in index["config"]["separator"]  # the regex escape, read by lunr
