"""Turn a note's Obsidian Markdown into the ordinary Markdown MkDocs understands.

Wikilinks become Markdown links to the target's source file (MkDocs then checks and converts
them), links to missing or unpublished notes become styled text, block ids become anchors, and
links in raw HTML or to the site's own absolute address point at the local page.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from urllib.parse import unquote

from markdown_it.common.utils import unescapeAll

from .anchors import HeadingAnchors, Slugify
from .diagnostics import Diagnostic, Severity
from .edits import Edit, apply_edits
from .markdown.callouts import render_callouts
from .markdown.headings import demote_headings
from .markdown.scan import HtmlUrl, LinkDestination, ReferenceLink, Span, WikiLinkUse
from .markdown.spans import SourceLines
from .markup import (
    block_anchor,
    embed_block,
    embed_notice,
    literal_text,
    markdown_image,
    markdown_link,
    media_element,
    missing_link,
    page_embed,
    pdf_embed,
    tag_link,
    tag_text,
)
from .mathml import MathError, tex_to_mathml
from .parsed_notes import ParsedNotes
from .resolve import Resolution, Resolver
from .text import fold
from .urls import OwnSite, has_scheme, quote_path, relative_path, relative_url, split_url
from .vault import INDEX_NAMES, Note, Vault, is_note_path

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".bmp", ".svg", ".webp", ".avif"})
PAGE_SUFFIXES = frozenset({".html", ".htm"})
AUDIO_SUFFIXES = frozenset({".mp3", ".wav", ".m4a", ".ogg", ".oga", ".flac", ".3gp"})
VIDEO_SUFFIXES = frozenset({".mp4", ".webm", ".ogv", ".mov", ".mkv"})
PDF_SUFFIXES = frozenset({".pdf"})
MAX_EMBED_DEPTH = 8
_SIZE = re.compile(r"(\d+)(?:x(\d+))?")
# Notes holding none of these need no rewriting at all.
_SYNTAX_HINTS = ("[[", "](", "]:", "[!", "<", "^", "://", "$", "#")


@dataclass(frozen=True)
class SiteMap:
    """What the link layer needs to know about the built site."""

    url_of: Callable[[str], str | None]
    """The site URL (relative to the site root) of a vault file, or None if it is not built."""
    own_site: OwnSite = field(default_factory=lambda: OwnSite(()))
    tags_page: str | None = None
    """The vault path of the page listing the tags (Material's tags index), if there is one."""
    tag_anchor: Callable[[str], str] = lambda tag: f"tag:{tag}"
    """The id the tags index gives a tag."""


@dataclass(frozen=True)
class RenderOptions:
    slugify: Slugify
    separator: str = "-"
    missing_severity: Severity = Severity.INFO


@dataclass
class RenderedNote:
    markdown: str
    diagnostics: list[Diagnostic] = field(default_factory=list)


class NoteRenderer:
    """Renders the notes of one vault; each note is parsed at most once."""

    def __init__(
        self,
        vault: Vault,
        site: SiteMap,
        options: RenderOptions,
        resolver: Resolver | None = None,
        parsed: ParsedNotes | None = None,
    ) -> None:
        self.vault = vault
        self.site = site
        self.options = options
        self.resolver = resolver or Resolver(vault)
        self.parsed = parsed or ParsedNotes(vault)
        self._lines: dict[str, SourceLines] = {}
        self._anchors: dict[str, HeadingAnchors] = {}

    def lines(self, path: str) -> SourceLines:
        """The note's line starts, found once: every embed of a note reads them."""
        lines = self._lines.get(path)
        if lines is None:
            lines = self._lines[path] = SourceLines(self.vault.notes[path].body)
        return lines

    def anchors(self, path: str) -> HeadingAnchors:
        anchors = self._anchors.get(path)
        if anchors is None:
            options = self.options
            headings = self.parsed(path).headings
            anchors = self._anchors[path] = HeadingAnchors(
                headings, options.slugify, options.separator
            )
        return anchors

    def tags(self, note: Note) -> list[str]:
        """The note's tags: those of its frontmatter, then its inline `#tags`, each once."""
        inline = [tag.name for tag in self.parsed(note.path).tags] if "#" in note.body else []
        return list(dict.fromkeys([*note.info.tags, *inline]))

    def page_title(self, note: Note, site_name: str) -> str:
        """The title of the note's page: its `title`, else its file name; an index note
        without a `title` takes its first `# heading`, else its folder's name (or the site's),
        as MkDocs names such pages."""
        if note.info.title or posixpath.basename(note.path).lower() not in INDEX_NAMES:
            return note.title
        if "#" in note.body:
            for heading in self.parsed(note.path).headings:
                if heading.level == 1:
                    return heading.text
        return posixpath.basename(posixpath.dirname(note.path)) or site_name

    def render(self, note: Note) -> RenderedNote:
        body = note.body
        if not any(hint in body for hint in _SYNTAX_HINTS):
            return RenderedNote(note.body)
        return _NoteRendering(self, note).run()


@dataclass(frozen=True)
class _Target:
    """Where a link leads: a published vault file, or None for a note or file that is
    missing or not published (the link is shown as text)."""

    path: str | None
    fragment: str = ""


class _NoteRendering:
    """One rendering of a note, or of a part of it embedded in another note's page.

    Links are resolved from `note` (where they were written); the URLs written are relative
    to `host`, the note on whose page the Markdown lands.
    """

    def __init__(
        self,
        renderer: NoteRenderer,
        note: Note,
        host: str | None = None,
        window: tuple[int, int] | None = None,
        chain: tuple[str, ...] = (),
    ) -> None:
        self.renderer = renderer
        self.note = note
        self.host = host or note.path
        self.window = window or (0, len(note.body))
        self.chain = chain or (f"{note.path}#",)
        parsed = renderer.parsed(note.path)
        self.parsed_lines = renderer.lines(note.path)
        self.parsed = parsed if window is None else parsed.within(*self.window, self.parsed_lines)
        self.edits: list[Edit] = []
        self.diagnostics: list[Diagnostic] = []

    def run(self) -> RenderedNote:
        markdown = self.rewrite()
        return RenderedNote(markdown, self.diagnostics)

    def rewrite(self) -> str:
        """The note's (or the window's) Markdown with every edit applied."""
        for use in self.parsed.wikilinks:
            self._wikilink(use)
        for destination in self.parsed.destinations:
            self._destination(destination)
        for reference in self.parsed.reference_links:
            self._reference_link(reference)
        for html_url in self.parsed.html_urls:
            self._html_url(html_url)
        for block in self.parsed.block_ids:
            self._replace(block.marker, block_anchor(block.id))
        tag_starts = {tag.span.start for tag in self.parsed.tags}
        for tag in self.parsed.tags:
            self._replace(tag.span, self._tag(tag.name))
        for offset in self.parsed.hash_lines:
            if offset not in tag_starts:
                self.edits.append(Edit(offset, offset, "\\"))
        for math in self.parsed.maths:
            try:
                tex_to_mathml(math.tex, math.display)
            except MathError as error:
                self._report(math.line, str(error))
            if math.lines is not None:
                self._set_apart(*math.lines)
        for line in self.parsed.unmapped:
            self._report(
                line, "syntax here could not be located exactly; left as written", Severity.INFO
            )
        start, end = self.window
        edits = [Edit(e.start - start, e.end - start, e.text) for e in self.edits]
        return render_callouts(apply_edits(self.note.body[start:end], edits))

    # Reporting -------------------------------------------------------------------------

    def _report(self, line: int, message: str, severity: Severity = Severity.WARNING) -> None:
        self.diagnostics.append(
            Diagnostic(self.note.path, self.note.body_line + line, message, severity)
        )

    def _replace(self, span: Span, text: str) -> None:
        self.edits.append(Edit(span.start, span.end, text))

    # Wikilinks -------------------------------------------------------------------------

    def _wikilink(self, use: WikiLinkUse) -> None:
        link = use.link
        text = link.display
        if use.inside_link:
            self._replace(use.span, literal_text(text))
            return
        if not link.target:
            target: str | None = self.note.path
        else:
            target = self._target(link.target, link.raw, use.span.line, relative_first=False)
        if target is None:
            if link.embed and _links_to_note(link.target):
                self._replace(use.span, embed_notice(text))
            else:
                self._replace(use.span, missing_link(literal_text(text)))
            return
        if link.embed and is_note_path(target):
            self._note_embed(use, target)
            return
        url = self._relative(target)
        if is_note_path(target):
            anchor = self._anchor(target, link.subpath, link.raw, use.span.line)
            url += f"#{anchor}" if anchor else ""
        elif link.subpath:  # `[[paper.pdf#page=3]]`
            url += "#" + quote_path("#".join(link.subpath))
        if not url:
            url = "#"
        suffix = posixpath.splitext(target)[1].lower()
        if link.embed and suffix in IMAGE_SUFFIXES:
            self._replace(use.span, _image_embed(link.alias, target, url))
        elif (
            link.embed and suffix in PAGE_SUFFIXES | AUDIO_SUFFIXES | VIDEO_SUFFIXES | PDF_SUFFIXES
        ):
            self._media_embed(use, target, suffix)
        else:
            self._replace(use.span, markdown_link(text, url))

    # Embedded notes -------------------------------------------------------------------

    def _note_embed(self, use: WikiLinkUse, target: str) -> None:
        """`![[Note]]`, `![[Note#标题]]`, `![[Note#^id]]`: that part of the note, rendered as
        part of this page in a frame that links to its source."""
        link, line = use.link, use.span.line
        key = f"{target}#{'#'.join(link.subpath)}"
        if key in self.chain or len(self.chain) > MAX_EMBED_DEPTH:
            trail = " → ".join((*self.chain, key))
            reason = "a cycle" if key in self.chain else f"nested deeper than {MAX_EMBED_DEPTH}"
            self._report(line, f"embed {link.raw} is {reason}: {trail}; stopped there")
            self._replace(use.span, embed_notice(link.display))
            return
        window = self._embed_window(target, link.subpath, link.raw, line)
        prefix = self._line_prefix(use.span)
        if window is None or prefix is None:
            if prefix is None:
                self._report(line, f"embed {link.raw} shares its line with text; shown as a link")
            anchor = self._anchor(target, link.subpath, link.raw, line) if window else None
            self._replace(
                use.span,
                markdown_link(
                    link.display, self._relative(target) + (f"#{anchor}" if anchor else "")
                ),
            )
            return
        source = self.renderer.vault.notes[target]
        inner = _NoteRendering(self.renderer, source, self.host, window, (*self.chain, key))
        body = demote_headings(inner.rewrite())
        self.diagnostics.extend(inner.diagnostics)
        anchor = self._anchor(target, link.subpath, link.raw, line) if link.subpath else None
        source_link = markdown_link(
            source.title, self._relative(target) + (f"#{anchor}" if anchor else "")
        )
        self._replace(use.span, _with_prefix(embed_block(source_link, body), prefix))

    def _embed_window(
        self, target: str, subpath: Sequence[str], raw: str, line: int
    ) -> tuple[int, int] | None:
        """The part of the target's body an embed shows, or None (reported) if it is not there."""
        body = self.renderer.vault.notes[target].body
        if not subpath:
            return (0, len(body))
        lines = self.renderer.lines(target)
        parsed = self.renderer.parsed(target)
        if len(subpath) == 1 and subpath[0].startswith("^"):
            wanted = fold(subpath[0][1:])
            block = next((b for b in parsed.block_ids if fold(b.id) == wanted), None)
            if block is None:
                self._report(line, f"embed {raw}: no block {subpath[0]} in '{target}'")
                return None
            return (lines.offset(block.lines[0]), lines.offset(block.lines[1]))
        anchors = self.renderer.anchors(target)
        index = anchors.find_index(subpath)
        if index is None:
            self._report(line, f"embed {raw}: no heading '{'#'.join(subpath)}' in '{target}'")
            return None
        end = anchors.section_end(index)
        return (lines.offset(parsed.headings[index].line), lines.offset(end) if end else len(body))

    def _line_prefix(self, span: Span) -> str | None:
        """What stands before `span` on its line (container marks), or None if it is text."""
        start = self.parsed_lines.starts[span.line]
        prefix = self.note.body[start : span.start]
        end = self.note.body.find("\n", span.end)
        after = self.note.body[span.end : end if end != -1 else len(self.note.body)]
        return prefix if not prefix.strip(" \t>") and not after.strip() else None

    def _relative(self, target: str) -> str:
        """A Markdown link path to `target` from the host note; empty for the host itself."""
        return "" if target == self.host else quote_path(relative_path(target, self.host))

    def _set_apart(self, first: int, end: int) -> None:
        """Blank lines around a `$$` block: Obsidian needs none, Python-Markdown does."""
        lines = self.parsed_lines
        prefix = lines.line(first)[: max(lines.line(first).find("$$"), 0)].rstrip()
        if first > 0 and lines.line(first - 1).strip(" \t>"):
            start = lines.starts[first]
            self.edits.append(Edit(start, start, prefix + "\n"))
        if end < len(lines.starts) and lines.line(end).strip(" \t>"):
            start = lines.starts[end]
            self.edits.append(Edit(start, start, prefix + "\n"))

    def _tag(self, name: str) -> str:
        """A link to the tag on the tags index. Raw HTML with the final URL: the index's ids
        are written by Material's tags plugin after MkDocs has checked Markdown links."""
        site = self.renderer.site
        index_url = site.url_of(site.tags_page) if site.tags_page else None
        page_url = site.url_of(self.host)
        if index_url is None or page_url is None:
            return tag_text(name)
        return tag_link(name, f"{relative_url(index_url, page_url)}#{site.tag_anchor(name)}")

    def _media_embed(self, use: WikiLinkUse, target: str, suffix: str) -> None:
        """A page, audio, video or PDF in the element that plays it (raw HTML, so the URL is
        the final one, relative to this page's URL)."""
        url_of = self.renderer.site.url_of
        target_url, page_url = url_of(target), url_of(self.host)
        assert target_url is not None and page_url is not None  # both published, or no target
        url = relative_url(target_url, page_url)
        title = use.link.alias or posixpath.splitext(posixpath.basename(target))[0]
        if suffix in AUDIO_SUFFIXES:
            element = media_element("audio", url, title)
        elif suffix in VIDEO_SUFFIXES:
            element = media_element("video", url, title)
        elif suffix in PDF_SUFFIXES:
            element = pdf_embed(url + "".join(f"#{part}" for part in use.link.subpath[:1]), title)
        else:
            element = page_embed(url, title)
        self._replace(use.span, element)

    def _target(self, target: str, raw: str, line: int, *, relative_first: bool) -> str | None:
        """The published vault file `target` names, reporting why when there is none."""
        resolution = self.renderer.resolver.resolve(
            target, self.note.path, relative_first=relative_first
        )
        if resolution.escapes_vault:
            self._report(line, f"link {raw} points outside the vault; refused")
            return None
        self._report_ties(resolution, raw, line)
        path = resolution.path
        if path is None and raw.startswith("![[") and not _links_to_note(target):
            # A note may be written later; an image, PDF or figure that is not there is a fault.
            self._report(line, f"embed {raw}: no file '{target}' in the vault or among the figures")
            return None
        if path is None:
            self._missing(
                line, f"link {raw}: no note or file '{target}' in the vault (not created yet)"
            )
            return None
        if not self._is_published(path):
            self._missing(line, f"link {raw}: '{path}' is not published; shown as plain text")
            return None
        return path

    def _report_ties(self, resolution: Resolution, raw: str, line: int) -> None:
        if resolution.tied_with and resolution.path is not None:
            others = ", ".join(f"'{p}'" for p in resolution.tied_with)
            self._report(
                line,
                f"link {raw} is ambiguous: '{resolution.path}' and {others} match equally; "
                f"using '{resolution.path}' (write the folder to choose)",
            )

    def _missing(self, line: int, message: str) -> None:
        self._report(line, message, self.renderer.options.missing_severity)

    def _anchor(self, target: str, subpath: Sequence[str], raw: str, line: int) -> str | None:
        if not subpath:
            return None
        if len(subpath) == 1 and subpath[0].startswith("^"):
            block_id = subpath[0][1:]
            known = {fold(b.id): b.id for b in self.renderer.parsed(target).block_ids}
            found = known.get(fold(block_id))
            if found is None:
                self._report(line, f"link {raw}: no block ^{block_id} in '{target}'")
            return f"^{found}" if found else None
        anchor = self.renderer.anchors(target).find(subpath)
        if anchor is None:
            heading = "#".join(subpath)
            self._report(line, f"link {raw}: no heading '{heading}' in '{target}'")
        return anchor

    # Markdown links and images ---------------------------------------------------------

    def _destination(self, destination: LinkDestination) -> None:
        raw = destination.raw
        url = unescapeAll(raw[1:-1] if raw.startswith("<") and raw.endswith(">") else raw)
        target = self._markdown_target(url, destination.span.line, destination.image)
        if target is None:
            return
        if target.path is None:
            if destination.link is not None:
                self._replace(destination.link, missing_link(destination.label))
            else:  # a reference definition: its uses become text, and its file name goes
                self._replace(destination.span, "#")
            return
        new_url = self._relative(target.path) + self._fragment(target.path, target.fragment)
        if new_url != raw:
            self._replace(destination.span, new_url)

    def _reference_link(self, link: ReferenceLink) -> None:
        """`[text][ref]`: the definition is rewritten once; a use of one that leads to an
        unpublished or missing note becomes text, like any other such link."""
        target = self._markdown_target(unquote(link.url), link.span.line, link.image, quiet=True)
        if target is not None and target.path is None:
            self._replace(link.span, missing_link(link.label))

    def _markdown_target(
        self, url: str, line: int, image: bool, *, quiet: bool = False
    ) -> _Target | None:
        """Where a Markdown link or image leads; None to leave it as written (another site, a
        missing attachment MkDocs reports itself); a target without a path when it leads to
        a note or file that is missing or not published."""
        path, fragment = split_url(url)
        site_path = self.renderer.site.own_site.path_of(url)
        if site_path is not None:
            return self._own_site_target(site_path, url, line, quiet)
        if has_scheme(url) or path.startswith("/"):
            return None
        if not path:
            return _Target(self.note.path, fragment)
        wanted = unquote(path)
        found = self.renderer.resolver.resolve(wanted, self.note.path, relative_first=True)
        if not found.found and (image or not _links_to_note(wanted)):
            return None  # an attachment MkDocs will report itself
        if quiet:
            published = found.path if found.path and self._is_published(found.path) else None
            return _Target(published, fragment)
        return _Target(self._target(wanted, url, line, relative_first=True), fragment)

    def _own_site_target(self, site_path: str, url: str, line: int, quiet: bool) -> _Target | None:
        target = self.renderer.resolver.by_site_path(site_path)
        if target is None:
            if not quiet:
                message = f"link to {url}: no such page on this site; left as is"
                self._report(line, message, Severity.INFO)
            return None
        fragment = split_url(url)[1]
        if not self._is_published(target):
            if not quiet:
                message = f"link to {url}: '{target}' is not published; shown as plain text"
                self._missing(line, message)
            return _Target(None, fragment)
        return _Target(target, fragment)

    def _is_published(self, path: str) -> bool:
        note = self.renderer.vault.notes.get(path)
        return (note is None or note.published) and self.renderer.site.url_of(path) is not None

    # Raw HTML --------------------------------------------------------------------------

    def _fragment(self, target: str, fragment: str) -> str:
        """`#fragment` for a link to `target`: a heading written as text becomes its id; any
        other id is kept as written, for MkDocs to check."""
        if not fragment:
            return ""
        if is_note_path(target):
            fragment = self.renderer.anchors(target).find([unquote(fragment)]) or fragment
        return f"#{fragment}"

    def _html_url(self, html_url: HtmlUrl) -> None:
        value = html.unescape(html_url.value)
        path, fragment = split_url(value)
        site_path = self.renderer.site.own_site.path_of(value)
        if site_path is not None:
            target = self.renderer.resolver.by_site_path(site_path)
        elif has_scheme(value) or not path or path.startswith("/"):
            return
        else:
            target = self.renderer.resolver.resolve(
                unquote(path), self.note.path, relative_first=True
            ).path
        if site_path is not None and target is None:
            message = f"HTML link to {value}: no such page on this site; left as is"
            self._report(html_url.span.line, message, Severity.INFO)
            return
        url_of = self.renderer.site.url_of
        target_url = url_of(target) if target else None
        page_url = url_of(self.host)
        if target_url is None or page_url is None:
            if target is not None or (site_path is None and _links_to_note(unquote(path))):
                self._missing(html_url.span.line, f"HTML link to '{value}' has no published target")
                self._replace(html_url.span, "")
            return
        assert target is not None
        new_url = relative_url(target_url, page_url) + self._fragment(target, fragment)
        self._replace(html_url.span, html.escape(new_url))


def _with_prefix(block: str, prefix: str) -> str:
    """`block` on lines of its own, each carrying the container prefix of the embed's line."""
    lines = ["", *block.split("\n"), ""]
    return "\n".join(
        (prefix + line if line else prefix.rstrip()) if number else line
        for number, line in enumerate(lines)
    )


def _links_to_note(path: str) -> bool:
    return is_note_path(path) or not posixpath.splitext(path)[1]


def _image_embed(alias: str | None, target: str, url: str) -> str:
    size = _SIZE.fullmatch(alias or "")
    if size:
        return markdown_image("", url, size.group(1), size.group(2))
    alt = alias if alias is not None else posixpath.splitext(posixpath.basename(target))[0]
    return markdown_image(alt, url, None, None)
