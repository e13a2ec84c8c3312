"""One pass over a note's tokens that keeps everything the rest of Garden needs from it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from markdown_it.token import Token

from .loose_images import TOKEN as LOOSE_IMAGE
from .parser import gc_paused, obsidian_parser
from .spans import DESTINATION, ContentMap, SourceLines, token_span
from .tags import TOKEN as TAG
from .wikilink import TOKEN as WIKILINK
from .wikilink import WikiLink

_BLOCK_ID = re.compile(r"(?:^|\s)\^([A-Za-z0-9-]+)[ \t]*$")
_REFERENCE_DESTINATION = re.compile(r"\]:[ \t]*\n?[ \t>]*(<[^<>\n]*>|[^\s<>]+)")
_HTML_URL = re.compile(
    r"""\b(?:href|src)\s*=\s*"""
    r"""(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'=<>`]+))""",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    line: int
    """0-based line of the body on which the span starts."""


@dataclass(frozen=True)
class WikiLinkUse:
    link: WikiLink
    span: Span
    inside_link: bool


@dataclass(frozen=True)
class LinkDestination:
    """The destination of a Markdown link or image, as written."""

    raw: str
    span: Span
    image: bool
    link: Span | None
    """The whole `[label](destination)`."""
    label: str


@dataclass(frozen=True)
class ReferenceLink:
    """A use of a reference definition: `[text][ref]`, `[ref]`, `![alt][ref]`."""

    url: str
    """The definition's destination, as markdown-it normalised it (percent-encoded)."""
    span: Span
    """The whole link."""
    label: str
    image: bool


@dataclass(frozen=True)
class HtmlUrl:
    """An `href` or `src` value in raw HTML."""

    value: str
    span: Span


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    """The heading as the table of contents sees it: formatting rendered, tags gone."""
    source: str
    """The heading as written, which is what Obsidian puts in `[[Note#heading]]`."""
    line: int


@dataclass(frozen=True)
class BlockId:
    id: str
    marker: Span
    """The ` ^id` text, which the anchor replaces."""
    lines: tuple[int, int]
    """The block it names (its paragraph, or its list item): first line, line after."""


@dataclass(frozen=True)
class InlineTag:
    name: str
    span: Span


@dataclass(frozen=True)
class Math:
    tex: str
    display: bool
    line: int
    lines: tuple[int, int] | None = None
    """For `$$` math standing on lines of its own: its first line and the line after it."""


@dataclass
class ParsedNote:
    headings: list[Heading] = field(default_factory=list)
    block_ids: list[BlockId] = field(default_factory=list)
    wikilinks: list[WikiLinkUse] = field(default_factory=list)
    destinations: list[LinkDestination] = field(default_factory=list)
    reference_links: list[ReferenceLink] = field(default_factory=list)
    html_urls: list[HtmlUrl] = field(default_factory=list)
    maths: list[Math] = field(default_factory=list)
    tags: list[InlineTag] = field(default_factory=list)
    hash_lines: list[int] = field(default_factory=list)
    """Offsets of paragraph lines starting with `#`, which Python-Markdown would make headings."""

    def within(self, start: int, end: int, lines: SourceLines) -> ParsedNote:
        """What stands in `[start, end)` of the body: for rendering a part of the note."""
        first, last = lines.line_of(start), lines.line_of(max(start, end - 1))

        def inside(span: Span) -> bool:
            return start <= span.start and span.end <= end

        return ParsedNote(
            headings=self.headings,
            block_ids=[b for b in self.block_ids if inside(b.marker)],
            wikilinks=[w for w in self.wikilinks if inside(w.span)],
            destinations=[d for d in self.destinations if inside(d.span)],
            reference_links=[r for r in self.reference_links if inside(r.span)],
            html_urls=[h for h in self.html_urls if inside(h.span)],
            unmapped=[line for line in self.unmapped if first <= line <= last],
            maths=[m for m in self.maths if first <= m.line <= last],
            tags=[t for t in self.tags if inside(t.span)],
            hash_lines=[offset for offset in self.hash_lines if start <= offset < end],
        )

    unmapped: list[int] = field(default_factory=list)
    """Lines with syntax whose place in the source could not be found (left as written)."""


def scan(body: str) -> ParsedNote:
    env: dict[str, Any] = {}
    with gc_paused():
        tokens = obsidian_parser().parse(body, env)
        scanner = _Scanner(body)
        scanner.run(tokens)
        scanner.references(_reference_lines(env))
    return scanner.parsed


class _Scanner:
    def __init__(self, body: str) -> None:
        self.body = body
        self.lines = SourceLines(body)
        self.cursors: dict[int, int] = {}
        self.list_items: list[tuple[int, int]] = []
        self.parsed = ParsedNote()

    def run(self, tokens: list[Token]) -> ParsedNote:
        for index, token in enumerate(tokens):
            if token.type == "list_item_open" and token.map is not None:
                self.list_items.append((token.map[0], token.map[1]))
            elif token.type == "list_item_close":
                self.list_items.pop()
            elif token.type == "inline" and token.map is not None:
                opener = tokens[index - 1] if index else None
                self._inline(token, opener)
            elif token.type.startswith("math_block") and token.map is not None:
                first, last = token.map
                self.parsed.maths.append(Math(token.content, True, first, (first, last)))
            elif token.type == "html_block" and token.map is not None:
                self._html(ContentMap(self.lines, token, self.cursors), token.content, 0)
        return self.parsed

    def _span(self, content_map: ContentMap, start: int, end: int, raw: str) -> Span | None:
        span = content_map.span(start, end)
        found = self.body[span[0] : span[1]] if span else None
        if span is None or found is None or found.replace("\\|", "|") != raw.replace("\\|", "|"):
            self.parsed.unmapped.append(content_map.first_line)
            return None
        return Span(span[0], span[1], self.lines.line_of(span[0]))

    def _inline(self, token: Token, opener: Token | None) -> None:
        content_map = ContentMap(self.lines, token, self.cursors)
        children = token.children or []
        if opener is not None and opener.type == "heading_open":
            level = int(opener.tag[1])
            line = token.map[0]  # type: ignore[index]
            self.parsed.headings.append(Heading(level, _plain_text(children), token.content, line))
        depth = 0
        for child in children:
            if child.type == "link_open":
                self._destination(content_map, token.content, child, image=False)
                depth += 1
            elif child.type == "link_close":
                depth -= 1
            elif child.type in ("image", LOOSE_IMAGE):
                self._destination(content_map, token.content, child, image=True)
            elif child.type == WIKILINK:
                self._wikilink(content_map, child, depth > 0)
            elif child.type == TAG and depth == 0:
                self._tag(content_map, child)
            elif child.type.startswith("math_inline"):
                self._math(content_map, child)
            elif child.type == "html_inline":
                span = token_span(child)
                if span is not None:
                    self._html(content_map, child.content, span[0])
        if opener is not None and opener.type == "paragraph_open" and opener.map is not None:
            block = self.list_items[-1] if self.list_items else (opener.map[0], opener.map[1])
            self._block_id(content_map, token, block)
            self._hash_lines(content_map, token.content)

    def _wikilink(self, content_map: ContentMap, child: Token, inside_link: bool) -> None:
        offsets = token_span(child)
        if offsets is None:
            return
        span = self._span(content_map, *offsets, child.content)
        if span is not None:
            self.parsed.wikilinks.append(WikiLinkUse(child.meta["link"], span, inside_link))

    def _destination(
        self, content_map: ContentMap, content: str, child: Token, image: bool
    ) -> None:
        offsets = child.meta.get(DESTINATION)
        whole = token_span(child)
        if whole is not None and offsets is None and child.markup != "autolink":
            self._reference_link(content_map, content, child, whole, image)
        if offsets is None or whole is None:
            return
        raw = content[offsets[0] : offsets[1]]
        span = self._span(content_map, offsets[0], offsets[1], raw)
        if span is None:
            return
        label_start = whole[0] + (2 if image else 1)
        label = content[label_start : content.rfind("](", label_start, offsets[0])]
        link = self._span(content_map, whole[0], whole[1], content[whole[0] : whole[1]])
        self.parsed.destinations.append(LinkDestination(raw, span, image, link, label))

    def _reference_link(
        self,
        content_map: ContentMap,
        content: str,
        child: Token,
        whole: tuple[int, int],
        image: bool,
    ) -> None:
        url = child.attrs.get("src" if image else "href")
        span = self._span(content_map, whole[0], whole[1], content[whole[0] : whole[1]])
        if span is None or not isinstance(url, str):
            return
        label_start = whole[0] + (2 if image else 1)
        label = content[label_start : _label_end(content, label_start, whole[1])]
        self.parsed.reference_links.append(ReferenceLink(url, span, label, image))

    def _tag(self, content_map: ContentMap, child: Token) -> None:
        offsets = token_span(child)
        if offsets is not None:
            span = self._span(content_map, offsets[0], offsets[1], "#" + child.content)
            if span is not None:
                self.parsed.tags.append(InlineTag(child.content, span))

    def _math(self, content_map: ContentMap, child: Token) -> None:
        offsets = token_span(child)
        span = content_map.span(*offsets) if offsets else None
        display = child.type.endswith("double")
        if span is None:
            self.parsed.maths.append(Math(child.content, display, content_map.first_line))
            return
        first, last = self.lines.line_of(span[0]), self.lines.line_of(span[1])
        own_lines = display and first != last and self._alone_on_lines(span)
        lines = (first, last + 1) if own_lines else None
        self.parsed.maths.append(Math(child.content, display, first, lines))

    def _alone_on_lines(self, span: tuple[int, int]) -> bool:
        """Whether only container marks stand before `span` on its line, and nothing after it."""
        line_start = self.lines.starts[self.lines.line_of(span[0])]
        line_end = self.body.find("\n", span[1])
        after = self.body[span[1] : line_end if line_end != -1 else len(self.body)]
        return not self.body[line_start : span[0]].strip(" \t>") and not after.strip()

    def _html(self, content_map: ContentMap, html: str, offset: int) -> None:
        for match in _HTML_URL.finditer(html):
            group = next(name for name in ("dq", "sq", "bare") if match.group(name) is not None)
            start, end = offset + match.start(group), offset + match.end(group)
            span = self._span(content_map, start, end, match.group(group))
            if span is not None:
                self.parsed.html_urls.append(HtmlUrl(match.group(group), span))

    def _block_id(self, content_map: ContentMap, token: Token, block: tuple[int, int]) -> None:
        last = token.children[-1] if token.children else None
        if last is None or last.type != "text":
            return
        match = _BLOCK_ID.search(token.content)
        if match is None or not last.content.endswith(match.group(0).lstrip()):
            return
        marker = self._span(content_map, match.start(), match.end(), match.group(0))
        if marker is not None:
            self.parsed.block_ids.append(BlockId(match.group(1), marker, block))

    def _hash_lines(self, content_map: ContentMap, content: str) -> None:
        offset = 0
        for line in content.split("\n"):
            if line.startswith("#"):
                start = content_map.to_source(offset)
                if start is not None and self.body.startswith("#", start):
                    self.parsed.hash_lines.append(start)
            offset += len(line) + 1

    def references(self, line_ranges: list[tuple[int, int]]) -> None:
        """Destinations of reference definitions (`[label]: note.md`)."""
        starts = self.lines.starts
        for first, last in line_ranges:
            start = starts[first]
            end = starts[last] if last < len(starts) else len(self.body)
            for match in _REFERENCE_DESTINATION.finditer(self.body, start, end):
                span = Span(match.start(1), match.end(1), self.lines.line_of(match.start(1)))
                self.parsed.destinations.append(
                    LinkDestination(match.group(1), span, False, None, "")
                )


def _label_end(content: str, start: int, end: int) -> int:
    """Where the link text that starts at `start` (after its `[`) ends: its closing `]`."""
    depth, position = 1, start
    while position < end:
        char = content[position]
        if char == "\\":
            position += 2
            continue
        depth += {"[": 1, "]": -1}.get(char, 0)
        if depth == 0:
            return position
        position += 1
    return end


def _reference_lines(env: dict[str, Any]) -> list[tuple[int, int]]:
    """The lines of each reference definition (`[label]: url`), which leave no token."""
    references = env.get("references") or {}
    return [(ref["map"][0], ref["map"][1]) for ref in references.values() if ref.get("map")]


def _plain_text(children: list[Token]) -> str:
    return "".join(_texts(children))


def _texts(children: list[Token]) -> Iterator[str]:
    for child in children:
        if child.type in ("text", "code_inline", "math_inline"):
            yield child.content
        elif child.type == WIKILINK:
            yield child.meta["link"].display
        elif child.type == TAG:
            yield "#" + child.content
        elif child.type == "softbreak":
            yield " "
        elif child.children:
            yield from _texts(child.children)
