"""Small pieces of Markdown (for the pages Garden generates) and HTML (embedded media) that
Garden writes, and the class names its stylesheet styles."""

from __future__ import annotations

import html

# Characters that could start Markdown (or math) syntax inside link text; written as entities
# so the text shows exactly as typed.
_MARKDOWN_SPECIAL = frozenset("\\`*_[]()!#|~=^${}<>&\"'")

MISSING_CLASS = "garden-link-missing"
PAGE_CLASS = "garden-page"
TAG_CLASS = "garden-tag"
EMBED_CLASS = "garden-embed"
MISSING_TITLE = "这篇笔记尚未发布或尚未写成"


def literal_text(text: str) -> str:
    """`text` as Markdown that renders as exactly that text."""
    return "".join(f"&#{ord(char)};" if char in _MARKDOWN_SPECIAL else char for char in text)


def markdown_link(text: str, url: str) -> str:
    return f"[{literal_text(text)}]({url})"


def page_embed(url: str, title: str) -> str:
    """An HTML page of the site, embedded; it reports its height to fit the frame."""
    return (
        f'<iframe class="{PAGE_CLASS}" src="{html.escape(url)}" title="{html.escape(title)}" '
        'loading="lazy"></iframe>'
    )


def media_element(tag: str, url: str, title: str) -> str:
    """`<audio>` or `<video>` with the browser's controls."""
    return (
        f'<{tag} class="garden-media" src="{html.escape(url)}" title="{html.escape(title)}" '
        f'controls preload="metadata"></{tag}>'
    )


def pdf_embed(url: str, title: str) -> str:
    """A PDF in the browser's viewer, with a link for browsers that show none."""
    safe_url, safe_title = html.escape(url), html.escape(title)
    return (
        f'<object class="garden-pdf" data="{safe_url}" type="application/pdf" '
        f'title="{safe_title}"><a href="{safe_url}">{safe_title}</a></object>'
    )


def render_failure_page(text: str) -> str:
    """The page of a note that could not be laid out: its text, escaped and whole."""
    return (
        '<p class="garden-render-failure">这篇笔记无法排版；下面是它的原文。</p>\n'
        f"<pre>{html.escape(text)}</pre>\n"
    )
