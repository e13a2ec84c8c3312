"""markdown-it-py's HTML renderer, with the rules Garden adds: the markup Material for MkDocs
styles (admonitions, code, task lists, footnotes, heading permalinks, MathML) and markers where
links go (see `model.py`). Everything a rule learns on its way (headings, links, block
ranges, problems) goes to the `PageWriter` of the note being rendered."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Sequence
from typing import Any

from markdown_it.common.utils import escapeHtml, unescapeAll
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from ..markdown.block_ids import BLOCK_ID
from ..markdown.callouts import Callout
from ..markdown.wikilink import TOKEN as WIKILINK
from ..markdown.wikilink import WikiLink
from ..mathml import MathError, tex_to_mathml
from ..urls import has_scheme
from .code import MERMAID, code_block
from .model import CLOSE, EMBED, MARK_START, OPEN, URL, LinkKind, LinkUse, marker
from .writer import PageWriter

WRITER = "garden_writer"
"""The key of the `PageWriter` in markdown-it's `env`."""
PERMALINK_TITLE = "Permanent link"
MISSING_MATH_CLASS = "garden-math-error"
_HTML_URL = re.compile(
    r"""(\b(?:href|src)\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.IGNORECASE
)
_ALIGN = re.compile(r"text-align:\s*(left|right|center)")
_TAG = re.compile(r"<[A-Za-z/]")
"""Raw HTML that is more than a comment."""
_PLAIN_TOKENS = frozenset(("text", "softbreak", "hardbreak"))
"""Inline tokens a sentence shows as their text."""
_FORMATTING = {
    **dict.fromkeys(("strong_open", "em_open", "s_open"), 1),
    **dict.fromkeys(("strong_close", "em_close", "s_close"), -1),
}
_SHOWN_WHOLE = frozenset(("code_inline", "math_inline", "wikilink", "obsidian_tag"))


def writer_of(env: EnvType) -> PageWriter:
    writer = env[WRITER]
    assert isinstance(writer, PageWriter)
    return writer


class PageRenderer(RendererHTML):
    """Renders a note's tokens; block ranges and heading sections are measured as it goes."""

    def render(self, tokens: Sequence[Token], options: OptionsDict, env: EnvType) -> str:
        writer = writer_of(env)
        out = writer.out
        for index, token in enumerate(tokens):
            if token.nesting == 1 or (token.nesting == 0 and token.type != "inline"):
                writer.block_starts(token)
            if token.type == "inline":
                if token.children:
                    writer.begin_text(token)
                    out.append(self.renderInline(token.children, options, env))
                    writer.end_text()
            elif token.type in self.rules:
                out.append(self.rules[token.type](tokens, index, options, env))
            else:
                out.append(self.renderToken(tokens, index, options, env))
            if token.nesting == -1 or (token.nesting == 0 and token.type != "inline"):
                writer.block_ends(token)
        return "".join(out)

    def renderInline(self, tokens: Sequence[Token], options: OptionsDict, env: EnvType) -> str:
        """Inline content; the writer learns what each token shows as in a sentence."""
        writer = writer_of(env)
        parts: list[str] = []
        for index, token in enumerate(tokens):
            start = writer.text_size
            if token.type in self.rules:
                html_text = self.rules[token.type](tokens, index, options, env)
            else:
                html_text = self.renderToken(tokens, index, options, env)
            parts.append(html_text)
            if token.type not in _PLAIN_TOKENS:
                writer.shown_as(start, *_in_sentence(token, html_text))
        return "".join(parts)

    # Blocks ------------------------------------------------------------------------

    def heading_open(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        token, inline = tokens[idx], tokens[idx + 1]
        heading_id = writer_of(env).heading(token, inline)
        return f'<{token.tag} id="{escapeHtml(heading_id)}">'

    def heading_close(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        heading_id = escapeHtml(writer_of(env).headings[-1].id)
        link = f'<a class="headerlink" href="#{heading_id}" title="{PERMALINK_TITLE}">¶</a>'
        return f"{link}</{tokens[idx].tag}>\n"

    def paragraph_open(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        token = tokens[idx]
        if token.hidden or _embed_paragraph(tokens, idx):
            return ""
        writer_of(env).paragraph(token, tokens[idx + 1])
        return f"<p{_block_id(token)}>"

    def paragraph_close(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        token = tokens[idx]
        if _embed_paragraph(tokens, idx - 2):
            return "\n"
        if token.hidden:
            following = tokens[idx + 1] if idx + 1 < len(tokens) else None
            return "\n" if following is not None and following.nesting != -1 else ""
        return "</p>\n"

    def bullet_list_open(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        return _list_open("ul", tokens[idx])

    def ordered_list_open(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        token = tokens[idx]
        start = token.attrGet("start")
        return _list_open("ol", token, f' start="{start}"' if start is not None else "")

    def list_item_open(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        token = tokens[idx]
        if not token.meta or "checked" not in token.meta:
            return f"<li{_block_id(token)}>"
        checked = ' checked=""' if token.meta["checked"] else ""
        return (
            f'<li class="task-list-item"{_block_id(token)}><label class="task-list-control">'
            f'<input type="checkbox" disabled=""{checked}>'
            '<span class="task-list-indicator"></span></label> '
        )

    def blockquote_open(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        return f"<blockquote{_block_id(tokens[idx])}>\n"

    def table_open(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        return f"<table{_block_id(tokens[idx])}>\n"

    def th_open(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        return _cell("th", tokens[idx])

    def td_open(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        return _cell("td", tokens[idx])

    def hr(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        return "<hr>\n"

    def callout_open(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        token = tokens[idx]
        callout: Callout = token.meta["callout"]
        if not callout.fold:
            return f'<div class="admonition {callout.classes}"{_block_id(token)}>\n'
        opened = ' open="open"' if callout.fold == "+" else ""
        return f'<details class="{callout.classes}"{opened}{_block_id(token)}>\n'

    def callout_close(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        return f"</{tokens[idx].tag}>\n"

    def callout_title_open(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        token = tokens[idx]
        return "<summary>" if token.tag == "summary" else '<p class="admonition-title">'

    def callout_title_close(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        return f"</{tokens[idx].tag}>\n"

    def fence(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        token = tokens[idx]
        words = unescapeAll(token.info).strip().split(maxsplit=1)
        language = words[0] if words else ""
        number = _count(env) if language != MERMAID else 0
        return _with_id(code_block(token.content, language, number), token)

    def code_block(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        token = tokens[idx]
        return _with_id(code_block(token.content, "", _count(env)), token)

    def html_block(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        return _html_links(tokens[idx].content, tokens[idx], writer_of(env))

    def math_block(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        token = tokens[idx]
        mathml = _math(token.content, True, token, writer_of(env))
        return f'<div class="garden-math"{_block_id(token)}>{mathml}</div>\n'

    def math_block_label(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        return self.math_block(tokens, idx, options, env)

    # Footnotes, as Python-Markdown's footnotes extension writes them --------------------

    def footnote_ref(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        number, ref_id = _footnote(tokens[idx])
        writer_of(env).ids.add(ref_id)
        return f'<sup id="{ref_id}"><a class="footnote-ref" href="#fn:{number}">{number}</a></sup>'

    def footnote_block_open(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        return '<div class="footnote">\n<hr>\n<ol>\n'

    def footnote_block_close(
        self, tokens: Sequence[Token], idx: int, options: Any, env: Any
    ) -> str:
        return "</ol>\n</div>\n"

    def footnote_open(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        number = tokens[idx].meta["id"] + 1
        writer_of(env).ids.add(f"fn:{number}")
        return f'<li id="fn:{number}">\n'

    def footnote_close(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        return "</li>\n"

    def footnote_anchor(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        number, ref_id = _footnote(tokens[idx])
        return (
            f'&nbsp;<a class="footnote-backref" href="#{ref_id}" '
            f'title="回到正文第 {number} 个脚注处">↩</a>'
        )

    # Inline ------------------------------------------------------------------------

    def text(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        content = tokens[idx].content
        writer_of(env).plain(content)
        return escapeHtml(content)

    def code_inline(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        content = tokens[idx].content
        writer_of(env).plain(content)
        return f"<code>{escapeHtml(content)}</code>"

    def softbreak(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        writer_of(env).plain(" ")
        writer_of(env).next_line()
        if options.get("breaks"):
            return "<br>\n"
        before = tokens[idx - 1].content[-1:] if idx else ""
        after = tokens[idx + 1].content[:1] if idx + 1 < len(tokens) else ""
        return "" if _wide(before) and _wide(after) else "\n"

    def hardbreak(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        writer_of(env).plain(" ")
        writer_of(env).next_line()
        return "<br>\n"

    def s_open(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        return "<del>"

    def s_close(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        return "</del>"

    def html_inline(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        return _html_links(tokens[idx].content, tokens[idx], writer_of(env))

    def math_inline(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        token = tokens[idx]
        writer_of(env).plain(token.content)
        return _math(token.content, False, token, writer_of(env))

    def math_inline_double(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        token = tokens[idx]
        writer_of(env).plain(token.content)
        return f'<div class="garden-math">{_math(token.content, True, token, writer_of(env))}</div>'

    def obsidian_tag(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        writer = writer_of(env)
        name = tokens[idx].content
        writer.tags.append(name)
        index = writer.link(LinkUse(LinkKind.TAG, name, text="#" + name))
        writer.plain("#" + name)
        writer.link_ends(index)
        return f"{marker(OPEN, index)}#{escapeHtml(name)}{marker(CLOSE, index)}"

    def wikilink(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        writer = writer_of(env)
        link: WikiLink = tokens[idx].meta["link"]
        text = link.display
        if writer.inside_link:  # `[text [[note]]](url)`: the wikilink is text there
            writer.plain(text)
            return escapeHtml(text)
        use = LinkUse(
            LinkKind.WIKI,
            link.target,
            link.subpath,
            text=text,
            embed=link.embed,
            alias=link.alias,
            in_text=not _embed_paragraph_at(tokens),
        )
        index = writer.link(use)
        if link.embed and not _names_a_note(tokens[idx]):
            return marker(EMBED, index)
        writer.plain(text)  # a note's embed, if shown as a link, shows this text
        writer.link_ends(index)
        if link.embed:
            return marker(EMBED, index)
        return f"{marker(OPEN, index)}{escapeHtml(text)}{marker(CLOSE, index)}"

    def link_open(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        token = tokens[idx]
        writer = writer_of(env)
        href = str(token.attrGet("href") or "")
        writer.link_depth += 1
        if token.markup == "autolink" or token.info == "auto" or _external(href, writer):
            writer.link_stack.append(None)
            return f'<a href="{escapeHtml(href)}">'
        title = token.attrGet("title")
        label = _text_of(tokens, idx + 1)
        use = LinkUse(
            LinkKind.MARKDOWN,
            href,
            text=label,
            title=str(title) if title is not None else None,
        )
        index = writer.link(use)
        writer.link_stack.append(index)
        return marker(OPEN, index)

    def link_close(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        writer = writer_of(env)
        writer.link_depth -= 1
        index = writer.link_stack.pop() if writer.link_stack else None
        if index is None:
            return "</a>"
        writer.link_ends(index)
        return marker(CLOSE, index)

    def image(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        token = tokens[idx]
        src = str(token.attrGet("src") or "")
        alt = self.renderInlineAsText(token.children or [], options, env)
        writer_of(env).plain(alt)
        return _image(src, alt, token, writer_of(env))

    def loose_image(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        token = tokens[idx]
        return _image(token.meta["src"], token.content, token, writer_of(env))


def _in_sentence(token: Token, html_text: str) -> tuple[str, int]:
    """What an inline token shows as in a sentence a backlink quotes, and whether it opens
    (1) or closes (-1) an element: formatting, code, formulas and the note's links (whose
    markers the backlink fills) as on the page; no images, footnote marks or raw HTML, and
    links to other sites as their text."""
    kind = token.type
    if kind in _FORMATTING:
        return html_text, _FORMATTING[kind]
    if kind in ("link_open", "link_close"):
        if not html_text.startswith(MARK_START):
            return "", 0
        return html_text, 1 if kind == "link_open" else -1
    if kind == "wikilink" and html_text.startswith(MARK_START + EMBED):
        return _embed_in_sentence(token, html_text), 0
    if kind in _SHOWN_WHOLE:
        return html_text, 0
    if kind == "math_inline_double":  # shown in the sentence's line
        inner = html_text.removeprefix('<div class="garden-math">').removesuffix("</div>")
        return inner.replace('<math display="block"', '<math display="inline"', 1), 0
    return "", 0


def _embed_in_sentence(token: Token, html_text: str) -> str:
    """An embed in a sentence: nothing for a file; for a note, what the page shows if the
    embed ends up as a link (a link, whose markers the backlink fills)."""
    if not _names_a_note(token):
        return ""
    index = int(html_text[2:-1])
    text = escapeHtml(token.meta["link"].display)
    return f"{marker(OPEN, index)}{text}{marker(CLOSE, index)}"


def _footnote(token: Token) -> tuple[int, str]:
    """A footnote's number and the id of this reference to it (`fnref2:1` for the second)."""
    number, repeat = token.meta["id"] + 1, token.meta.get("subId", 0)
    return number, f"fnref:{number}" if not repeat else f"fnref{repeat + 1}:{number}"


def _image(src: str, alt: str, token: Token, writer: PageWriter) -> str:
    if _external(src, writer):
        return f'<img alt="{escapeHtml(alt)}" src="{escapeHtml(src)}">'
    title = token.attrGet("title")
    use = LinkUse(
        LinkKind.MARKDOWN,
        src,
        text=alt,
        image=True,
        embed=True,
        alias=alt,
        title=str(title) if title is not None else None,
    )
    return marker(EMBED, writer.link(use))


def _external(url: str, writer: PageWriter) -> bool:
    """A URL of another site (the site's own addresses are links to its pages)."""
    return has_scheme(url) and not writer.is_own_address(url)


def _text_of(tokens: Sequence[Token], start: int) -> str:
    """The plain text of inline tokens from `start` up to the link's end."""
    parts: list[str] = []
    depth = 0
    for token in tokens[start:]:
        if token.type == "link_close" and depth == 0:
            break
        depth += {"link_open": 1, "link_close": -1}.get(token.type, 0)
        if token.type in ("text", "code_inline", "math_inline"):
            parts.append(token.content)
        elif token.type == WIKILINK:
            parts.append(token.meta["link"].display)
    return "".join(parts)


def _embed_paragraph(tokens: Sequence[Token], idx: int) -> bool:
    """Whether the paragraph opening at `idx` holds nothing but embeds of notes."""
    if idx < 0 or idx + 1 >= len(tokens) or tokens[idx].type != "paragraph_open":
        return False
    return _embed_paragraph_at(tokens[idx + 1].children or [])


def _embed_paragraph_at(children: Sequence[Token]) -> bool:
    seen = False
    for child in children:
        if child.type == WIKILINK and child.meta["link"].embed and _names_a_note(child):
            seen = True
        elif child.type == "softbreak" or (child.type == "text" and not child.content.strip()):
            continue
        else:
            return False
    return seen


def _names_a_note(token: Token) -> bool:
    target: str = token.meta["link"].target
    name = target.rsplit("/", 1)[-1]
    return "." not in name or name.lower().endswith(".md")


def _list_open(tag: str, token: Token, extra: str = "") -> str:
    classes = ' class="task-list"' if "contains-task-list" in str(token.attrGet("class")) else ""
    return f"<{tag}{classes}{extra}{_block_id(token)}>\n"


def _cell(tag: str, token: Token) -> str:
    style = _ALIGN.search(str(token.attrGet("style") or ""))
    return f'<{tag} style="text-align: {style.group(1)};">' if style else f"<{tag}>"


def _block_id(token: Token) -> str:
    block_id = token.meta.get(BLOCK_ID) if token.meta else None
    return f' id="^{escapeHtml(block_id)}"' if block_id else ""


def _with_id(html_text: str, token: Token) -> str:
    block_id = _block_id(token)
    return html_text if not block_id else html_text.replace("<div", f"<div{block_id}", 1)


def _count(env: EnvType) -> int:
    writer = writer_of(env)
    writer.code_blocks += 1
    return writer.code_blocks - 1


def _math(tex: str, display: bool, token: Token, writer: PageWriter) -> str:
    try:
        return tex_to_mathml(tex, display)
    except MathError as error:
        writer.problem(str(error), line=token.map[0] if token.map else None)
        return f'<code class="{MISSING_MATH_CLASS}">{html.escape(tex)}</code>'


def _html_links(content: str, token: Token, writer: PageWriter) -> str:
    """Raw HTML as written, with each `href`/`src` that names a note or file of the vault (or
    an address of this site) turned into a marker."""
    if _TAG.search(content):
        writer.raw_html = True
    if "=" not in content:
        return content

    def replace(match: re.Match[str]) -> str:
        raw = next(group for group in match.groups()[1:] if group is not None)
        value = html.unescape(raw)
        if not value or value.startswith("#") or _external(value, writer):
            return match.group(0)
        index = writer.link(LinkUse(LinkKind.HTML, value, text=value))
        return f'{match.group(1)}"{marker(URL, index)}"'

    return _HTML_URL.sub(replace, content)


def _wide(char: str) -> bool:
    """A character of a script written without spaces between words (Chinese, Japanese)."""
    return bool(char) and unicodedata.east_asian_width(char) in ("W", "F")
