"""What rendering one note collects besides its HTML: headings with their ids and sections,
block ranges, links with the sentence around each, tags, ids and problems."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator, Sequence

from markdown_it.token import Token

from ..anchors import Slugify, UniqueIds
from ..diagnostics import Diagnostic, Severity
from ..markdown.block_ids import BLOCK_ID
from ..markdown.heading_ids import HEADING_ID
from ..markdown.tags import TOKEN as TAG
from ..markdown.wikilink import TOKEN as WIKILINK
from ..text import fold
from .context import Around, ShownText, TextBuilder
from .model import Heading, LinkUse, NotePage, Span, TocEntry, pack_html

SUMMARY_CHARS = 300
CELL_GAP = " · "
"""Between the cells of a table row, which a backlink shows as one line."""


class PageWriter:
    def __init__(
        self,
        path: str,
        body_line: int,
        slugify: Slugify,
        separator: str,
        is_own_address: Callable[[str], bool],
    ) -> None:
        self.path = path
        self.body_line = body_line
        self.slugify = slugify
        self.separator = separator
        self.is_own_address = is_own_address
        self.out: list[str] = []
        self.headings: list[Heading] = []
        self.links: list[LinkUse] = []
        self.tags: list[str] = []
        self.ids: set[str] = set()
        self.diagnostics: list[Diagnostic] = []
        self.code_blocks = 0
        self.raw_html = False
        self.link_depth = 0
        self.link_stack: list[int | None] = []
        self._unique = UniqueIds()
        self._heading_parts: list[int] = []
        self._footnotes_part: int | None = None
        self._open_blocks: list[tuple[int, str, int]] = []
        self._blocks: dict[str, tuple[str, int, int]] = {}
        self._line = 0
        self._text = TextBuilder()
        self._in_row = False
        self._block_texts: dict[str, ShownText] = {}
        """The first text of each block with an id (folded), for a backlink that embeds it."""
        self.summary = ""
        self.properties_html = ""
        """The block of the properties the site shows, first on the page."""
        self._pending: dict[int, list[int]] = {}
        """Links of the current inline content: link -> [start, end] in its plain text."""

    @property
    def inside_link(self) -> bool:
        return self.link_depth > 0

    # Blocks ------------------------------------------------------------------------

    def block_starts(self, token: Token) -> None:
        if token.type == "footnote_block_open":
            self._footnotes_part = len(self.out)
        block_id = token.meta.get(BLOCK_ID) if token.meta else None
        if block_id:
            self._open_blocks.append((token.level, block_id, len(self.out)))
        if token.map is not None:
            self._line = token.map[0]
        if token.type == "tr_open":  # a row's cells are one text, in a backlink
            self._in_row = True
            self._text, self._pending = TextBuilder(), {}

    def block_ends(self, token: Token) -> None:
        if token.type == "tr_close":
            self._in_row = False
            self._text_ends()
        ends = token.nesting == -1 or bool(token.meta and token.meta.get(BLOCK_ID))
        if ends and self._open_blocks and self._open_blocks[-1][0] == token.level:
            _, block_id, start = self._open_blocks.pop()
            self._blocks.setdefault(fold(block_id), (block_id, start, len(self.out)))

    def paragraph(self, token: Token, inline: Token) -> None:
        """The first paragraph of the note's own text (not one in a list or a callout)."""
        if not self.summary and token.level == 0:
            self.summary = " ".join(plain_text(inline.children or []).split())[:SUMMARY_CHARS]

    def heading(self, token: Token, inline: Token) -> str:
        text = " ".join(plain_text(inline.children or []).split())
        wanted = token.meta.get(HEADING_ID) if token.meta else None
        heading_id = self._unique(wanted or self.slugify(text, self.separator))
        line = token.map[0] if token.map else self._line
        self.headings.append(Heading(int(token.tag[1]), text, inline.content, heading_id, line))
        self._heading_parts.append(len(self.out))
        self.ids.add(heading_id)
        return heading_id

    # Inline content ----------------------------------------------------------------

    def begin_text(self, inline: Token) -> None:
        if inline.map is not None:
            self._line = inline.map[0]
        if not self._in_row:
            self._text, self._pending = TextBuilder(), {}
        elif self._text.size:
            self._text.add_text(CELL_GAP)

    @property
    def text_size(self) -> int:
        """The length of the current text so far."""
        return self._text.size

    def plain(self, text: str) -> None:
        """Text the reader sees, for the sentences around links."""
        self._text.add_text(text)

    def shown_as(self, start: int, html: str, nesting: int = 0) -> None:
        """What the text from `start` to here shows as in a sentence, when it is more than
        its characters (formatting, code, a formula, a link)."""
        if html or start != self._text.size:
            self._text.add_piece(start, html, nesting)

    def next_line(self) -> None:
        self._line += 1

    def link(self, use: LinkUse) -> int:
        use.line = self._line
        self.links.append(use)
        index = len(self.links) - 1
        self._pending[index] = [self._text.size, self._text.size]
        return index

    def property_link(self, use: LinkUse, line: int) -> int:
        """A link of the note's properties, on `line` (relative to the body, so before it)."""
        self.links.append(use)
        use.line = line
        return len(self.links) - 1

    def link_ends(self, index: int) -> None:
        if index in self._pending:
            self._pending[index][1] = self._text.size

    def end_text(self) -> None:
        if not self._in_row:
            self._text_ends()

    def _text_ends(self) -> None:
        """The text is whole: its links, and the blocks it opens, keep it."""
        untexted = [
            key
            for key in (fold(block_id) for _, block_id, _ in self._open_blocks)
            if key not in self._block_texts
        ]
        if self._pending or untexted:
            shown = self._text.build()  # one text, shared by the links it holds
            for index, (start, end) in self._pending.items():
                self.links[index].around = Around(shown, index, start, end)
            for key in untexted:
                self._block_texts[key] = shown
        self._pending = {}

    def problem(self, message: str, line: int | None = None) -> None:
        where = self._line if line is None else line
        self.diagnostics.append(Diagnostic(self.path, self.body_line + where, message))

    def report(self, message: str, severity: Severity = Severity.WARNING) -> None:
        self.diagnostics.append(
            Diagnostic(self.path, self.body_line + self._line, message, severity)
        )

    # The page ----------------------------------------------------------------------

    def page(self) -> NotePage:
        """The note's page: its HTML, with sections and block ranges as offsets into it."""
        offsets = [len(self.properties_html)]
        for part in self.out:
            offsets.append(offsets[-1] + len(part))
        end = offsets[self._footnotes_part] if self._footnotes_part is not None else offsets[-1]
        return NotePage(
            path=self.path,
            packed_html=pack_html(self.properties_html + "".join(self.out)),
            body_line=self.body_line,
            headings=self.headings,
            sections=list(self._sections(offsets, end)),
            blocks={
                key: (block_id, Span(offsets[start], offsets[stop]))
                for key, (block_id, start, stop) in self._blocks.items()
            },
            block_texts=self._block_texts,
            links=self.links,
            tags=list(dict.fromkeys(self.tags)),
            toc=toc(self.headings),
            ids=self.ids | {f"^{b[0]}" for b in self._blocks.values()},
            diagnostics=self.diagnostics,
            raw_html=self.raw_html,
            summary=self.summary,
        )

    def _sections(self, offsets: list[int], end: int) -> Iterator[Span]:
        for index, heading in enumerate(self.headings):
            start = offsets[self._heading_parts[index]]
            following = (
                offsets[self._heading_parts[later]]
                for later in range(index + 1, len(self.headings))
                if self.headings[later].level <= heading.level
            )
            yield Span(start, next(following, end))


def plain_text(children: Sequence[Token]) -> str:
    """Inline tokens as the text a reader sees."""
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline", "math_inline", "math_inline_double"):
            parts.append(child.content)
        elif child.type == WIKILINK:
            parts.append(child.meta["link"].display)
        elif child.type == TAG:
            parts.append("#" + child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.children:
            parts.append(plain_text(child.children))
    return "".join(parts)


def toc(headings: list[Heading]) -> list[TocEntry]:
    """The headings nested as MkDocs' table of contents nests them."""
    root: list[TocEntry] = []
    stack: list[TocEntry] = []
    for heading in headings:
        entry = TocEntry(heading.level, heading.id, html.escape(heading.text))
        while stack and stack[-1].level >= heading.level:
            stack.pop()
        (stack[-1].children if stack else root).append(entry)
        stack.append(entry)
    return root
