"""What one parse of a note yields: its page as HTML with holes where links go, and the index
every later stage reads (headings, block ids, links, tags, problems).

Links cannot be written when a note is rendered: whether a target is published, which
attachments are, and a heading's id in another note are only known once every note has been
read. So the HTML holds markers (`\\x01A3\\x02`: the opening of link 3) that are filled once
per page from the link table, with URLs relative to the page they land on.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from enum import Enum
from urllib.parse import unquote

from ..diagnostics import Diagnostic
from .context import Around, ShownText

MARK_START = "\x01"
MARK_END = "\x02"
OPEN, CLOSE, EMBED, URL = "A", "Z", "E", "U"
"""Marker kinds: a link's opening tag, its closing tag, an embed, a URL in raw HTML."""


def marker(kind: str, index: int) -> str:
    return f"{MARK_START}{kind}{index}{MARK_END}"


class LinkKind(str, Enum):
    WIKI = "wiki"
    """`[[target#heading|text]]`, `![[embed]]`."""
    MARKDOWN = "markdown"
    """`[text](path.md#heading)`, `![alt](image.png)`, reference links."""
    HTML = "html"
    """An `href` or `src` in raw HTML."""
    TAG = "tag"
    """An inline `#tag`, linking to the tag's page."""


@dataclass(slots=True)
class LinkUse:
    kind: LinkKind
    target: str
    """The note or file named (a wikilink's target, a path, a URL; a tag's name)."""
    subpath: tuple[str, ...] = ()
    """Headings outermost first, or one `^block-id`; for a Markdown link, its fragment."""
    text: str = ""
    """What the link shows as plain text (its alias, label or the target's name)."""
    line: int = 0
    """Line of the body (0-based) the link stands on."""
    embed: bool = False
    image: bool = False
    alias: str | None = None
    """A wikilink's `|alias`, or an image's alt text (which may hold a size)."""
    title: str | None = None
    """A Markdown link's title attribute."""
    in_text: bool = True
    """False for an embed standing as a paragraph of its own (rendered as a block)."""
    around: Around | None = None
    """The text a reader sees of the paragraph (item, table row, heading) holding the link,
    shared by its links, and where the link stands in it: a backlink shows its sentence."""

    @property
    def raw(self) -> str:
        """The link as written (near enough), for messages."""
        if self.kind is LinkKind.WIKI:
            subpath = "#" + "#".join(self.subpath) if self.subpath else ""
            alias = f"|{self.alias}" if self.alias is not None else ""
            return f"{'!' if self.embed else ''}[[{self.target}{subpath}{alias}]]"
        if self.kind is LinkKind.MARKDOWN:
            return f"{'!' if self.image else ''}[{self.text}]({unquote(self.target)})"
        return "#" + self.target if self.kind is LinkKind.TAG else self.target


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    text: str
    """As the table of contents shows it: plain text, formatting rendered."""
    source: str
    """As written, which is what Obsidian puts in `[[Note#heading]]`."""
    id: str
    line: int


@dataclass(frozen=True, slots=True)
class Span:
    """A part of the page's HTML: `html[start:end]`."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class TocEntry:
    level: int
    id: str
    name: str
    """HTML-escaped text."""
    children: list[TocEntry] = field(default_factory=list)


@dataclass
class NotePage:
    """A note read and rendered once: everything later stages need of it."""

    path: str
    packed_html: bytes
    """The page's HTML, with markers where links and embeds go, compressed: a site holds the
    page of every note at once, and HTML packs to a sixth or less."""
    body_line: int = 1
    """The line of the file on which the note's body starts (for messages)."""
    headings: list[Heading] = field(default_factory=list)
    sections: list[Span] = field(default_factory=list)
    """The HTML of each heading's section: the heading down to the next of its level or above."""
    blocks: dict[str, tuple[str, Span]] = field(default_factory=dict)
    """Each block id (folded) with the id as written and the HTML of its block."""
    block_texts: dict[str, ShownText] = field(default_factory=dict)
    """Each block id (folded) with the block's first text: a backlink that embeds the block
    quotes it."""
    links: list[LinkUse] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    """Inline `#tags`, each once, in order."""
    toc: list[TocEntry] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    """Every id on the page (headings, blocks, footnotes)."""
    raw_html: bool = False
    """The note holds HTML of its own (more than comments), which the site sanitises."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    summary: str = ""
    """The note's first paragraph as text: its summary when it has no `description`."""
    reading_minutes: int = 0
    key: str = ""
    """What the page was made from, as a hash (its key in the page cache); "" when unknown."""

    @property
    def html(self) -> str:
        return zlib.decompress(self.packed_html).decode("utf-8") if self.packed_html else ""


def pack_html(html: str) -> bytes:
    return zlib.compress(html.encode("utf-8"), 1)
