"""Small pieces of Markdown and HTML that the link layer writes."""

from __future__ import annotations

import html

# Characters that could start Markdown (or math) syntax inside link text; written as entities
# so the text shows exactly as typed.
_MARKDOWN_SPECIAL = frozenset("\\`*_[]()!#|~=^${}<>&\"'")

MISSING_CLASS = "garden-link-missing"
BLOCK_ANCHOR_CLASS = "garden-block-anchor"
PAGE_CLASS = "garden-page"
TAG_CLASS = "garden-tag"
EMBED_CLASS = "garden-embed"
MISSING_TITLE = "这篇笔记尚未发布或尚未写成"


def literal_text(text: str) -> str:
    """`text` as Markdown that renders as exactly that text."""
    return "".join(f"&#{ord(char)};" if char in _MARKDOWN_SPECIAL else char for char in text)


def markdown_link(text: str, url: str) -> str:
    return f"[{literal_text(text)}]({url})"


def markdown_image(alt: str, url: str, width: str | None, height: str | None) -> str:
    size = "".join(
        f' {name}="{value}"' for name, value in (("width", width), ("height", height)) if value
    )
    return f"![{literal_text(alt)}]({url})" + (f"{{{size} }}" if size else "")


def missing_link(text_markdown: str) -> str:
    """A link whose target is missing or unpublished: its text, styled, with no href."""
    return f'<span class="{MISSING_CLASS}" title="{MISSING_TITLE}">{text_markdown}</span>'


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


def embed_block(source_link: str, body: str) -> str:
    """An embedded note: a frame (md_in_html) holding a link to its source, then its text."""
    return (
        f'<div class="{EMBED_CLASS}" markdown="1">\n\n{source_link}{{ .{EMBED_CLASS}-source }}'
        f"\n\n{body.strip()}\n\n</div>"
    )


def embed_notice(name: str) -> str:
    """In place of an embed whose note is missing or unpublished: its name, nothing of it."""
    return f'<span class="{EMBED_CLASS}-missing">无法嵌入：{literal_text(name)}</span>'


def tag_link(name: str, url: str) -> str:
    """An inline `#tag`, linking to its entry on the tags index."""
    text = literal_text("#" + name)
    return f'<a class="{TAG_CLASS}" href="{html.escape(url)}">{text}</a>'


def tag_text(name: str) -> str:
    return f'<span class="{TAG_CLASS}">{literal_text("#" + name)}</span>'


def block_anchor(block_id: str) -> str:
    return f'<span class="{BLOCK_ANCHOR_CLASS}" id="^{html.escape(block_id)}"></span>'


def render_failure_page(text: str) -> str:
    """The page of a note that could not be laid out: its text, escaped and whole."""
    return (
        '<p class="garden-render-failure">这篇笔记嵌套太深，无法排版；下面是它的原文。</p>\n'
        f"<pre>{html.escape(text)}</pre>\n"
    )
