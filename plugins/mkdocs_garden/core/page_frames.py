"""A page's frame: everything its theme writes around its content (the head, the navigation,
the table of contents, the footer). When an incremental build writes a page again because
only its content changed (a note a page links to renamed the heading it links to, or was
unpublished), the page is its last frame with the new content in place of the old, and no
template is rendered: Material takes about 6 ms a page, two thirds of it in the navigation,
and such a change rewrites hundreds of pages that differ from before only in their content.

A frame is used again only under the same key: a hash of everything the page is made of but
its content (the caller's), and of what the theme's templates read of the content besides
printing it (`content_reads`). `splices_safely` checks that the templates read nothing else."""

from __future__ import annotations

import os
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass

from .incremental import quick_print

_MENTION = re.compile(
    r"""page\s*(?:\.\s*content\b|\[\s*["']content["']\s*\])"""  # page.content, page["content"]
    r"""|attr\(\s*["']content"""  # page|attr("content")
)
_KNOWN_READS = re.compile(
    r"""\{\{-?\s*page\.content\s*-?\}\}"""  # printed as it is
    r"""|["'](?:\\u003c|<)h1["']\s+not\s+in\s+page\.content"""  # Material: a title if none
)


def splices_safely(templates: Iterable[str]) -> bool:
    """Whether these template sources use a page's content only as `content_reads` knows: by
    printing it as it is, and by looking for an `<h1` in it."""
    return not any(_MENTION.search(_KNOWN_READS.sub("", source)) for source in templates)


def content_reads(content: str) -> tuple[bool]:
    """What the theme reads of a page's content besides printing it (Material's
    `partials/content.html` prints the page's title when the content has no `<h1`)."""
    return ("<h1" in content,)


def frame_key(frame_print: str, content: str) -> str:
    return quick_print([frame_print, repr(content_reads(content))])


@dataclass(frozen=True)
class _Frame:
    key: str
    before: bytes
    """What the template wrote before the content, compressed (frames are mostly navigation,
    which compresses tenfold)."""
    after: bytes


class FrameStore:
    """The last frame of each page, by the path of its written file."""

    def __init__(self) -> None:
        self._frames: dict[str, _Frame] = {}

    def keep(self, output: str, key: str, rendered: str, content: str) -> None:
        """Keep the frame of a page the template rendered; only where the content is in the
        page once, so that the frame is known to be what is around it."""
        if not content or rendered.count(content) != 1:
            self._frames.pop(output, None)
            return
        start = rendered.index(content)
        before = rendered[:start].encode("utf-8", "surrogatepass")
        after = rendered[start + len(content) :].encode("utf-8", "surrogatepass")
        self._frames[output] = _Frame(key, zlib.compress(before, 1), zlib.compress(after, 1))

    def splice(self, output: str, key: str, content: str) -> str | None:
        """The page as the template would render it, when its frame under `key` is known."""
        frame = self._frames.get(output)
        if frame is None or frame.key != key:
            return None
        before = zlib.decompress(frame.before).decode("utf-8", "surrogatepass")
        after = zlib.decompress(frame.after).decode("utf-8", "surrogatepass")
        return f"{before}{content}{after}"

    def keep_only(self, outputs: set[str]) -> None:
        """Forget the frames of pages no longer written."""
        for output in [output for output in self._frames if output not in outputs]:
            del self._frames[output]

    def __len__(self) -> int:
        return len(self._frames)


class TemplateCheck:
    """`splices_safely` over a theme's template folders, each file read again only when it
    changed (folders whose name starts with a dot, such as Material's icons, hold none)."""

    def __init__(self) -> None:
        self._verdicts: dict[str, tuple[tuple[int, int], bool]] = {}

    def __call__(self, folders: Iterable[str]) -> bool:
        return all(self._file_ok(path) for path in _templates(folders))

    def _file_ok(self, path: str) -> bool:
        status = os.stat(path)
        stamp = (status.st_mtime_ns, status.st_size)
        known = self._verdicts.get(path)
        if known is not None and known[0] == stamp:
            return known[1]
        with open(path, encoding="utf-8", errors="replace") as handle:
            verdict = splices_safely([handle.read()])
        self._verdicts[path] = (stamp, verdict)
        return verdict


def _templates(folders: Iterable[str]) -> Iterable[str]:
    for folder in folders:
        for root, dirs, names in os.walk(folder):
            dirs[:] = [name for name in dirs if not name.startswith(".")]
            for name in names:
                if name.endswith((".html", ".htm", ".j2", ".jinja", ".xml")):
                    yield os.path.join(root, name)
