"""A page's frame: everything its theme writes around its content (the head, the navigation,
the table of contents, the footer). A page whose frame is one the theme wrote before is that
frame with its content in place, and no template is rendered: Material takes about 4 to 6 ms
a page, two thirds of it in the navigation. An incremental build rewrites hundreds of pages
that differ from before only in their content (a note they link to renamed a heading, or was
unpublished), and a whole build with nothing changed rewrites every page as it was.

A frame is used again only under the same key: a hash of everything the template is given but
the content (the caller's), and of what the theme's templates read of the content besides
printing it (`content_reads`). `splices_safely` checks that the templates read nothing else,
and nothing that changes from build to build without a change of what they are given (the
build's date). Frames are kept in memory from build to build under `--dirty`, and in a cache
folder for any build."""

from __future__ import annotations

import os
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .incremental import quick_print
from .keyed_files import KeyedFiles

KEEP_DAYS = 7
"""A frame no build has used for this many days is deleted from the cache folder."""

_MENTION = re.compile(
    r"""page\s*(?:\.\s*content\b|\[\s*["']content["']\s*\])"""  # page.content, page["content"]
    r"""|attr\(\s*["']content"""  # page|attr("content")
    r"""|\bbuild_date_utc\b|(?<![\w.])page\.update_date\b"""  # the build's date, every build
    r"""|(?<![\w.'"])pages\b(?!['"])"""  # every page of the site (a sitemap's `file.page` is not)
)
_KNOWN_READS = re.compile(
    r"""\{\{-?\s*page\.content\s*-?\}\}"""  # printed as it is
    r"""|["'](?:\\u003c|<)h1["']\s+not\s+in\s+page\.content"""  # Material: a title if none
)


def splices_safely(templates: Iterable[str]) -> bool:
    """Whether these template sources use a page's content only as `content_reads` knows (by
    printing it as it is, and by looking for an `<h1` in it), and neither print the date of
    the build nor list every page."""
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

    def around(self, content: str) -> str:
        before = zlib.decompress(self.before).decode("utf-8", "surrogatepass")
        after = zlib.decompress(self.after).decode("utf-8", "surrogatepass")
        return f"{before}{content}{after}"

    def packed(self) -> bytes:
        return len(self.before).to_bytes(8, "big") + self.before + self.after

    @classmethod
    def unpacked(cls, key: str, data: bytes) -> _Frame | None:
        size = int.from_bytes(data[:8], "big")
        if len(data) < 8 + size:
            return None
        return cls(key, data[8 : 8 + size], data[8 + size :])


class FrameStore:
    """The last frame of each page, by the path of its written file: in memory (from build to
    build in one process), and in `folder` (for any build), by the page's address in the site
    and its key."""

    def __init__(self, folder: Path | None = None, in_memory: bool = True) -> None:
        self._frames: dict[str, _Frame] = {}
        self._files = KeyedFiles(folder, ".frame", KEEP_DAYS) if folder is not None else None
        self._in_memory = in_memory

    def keep(self, output: str, address: str, key: str, rendered: str, content: str) -> None:
        """Keep the frame of a page the template rendered; only where the content is in the
        page once, so that the frame is known to be what is around it."""
        if not content or rendered.count(content) != 1:
            self._frames.pop(output, None)
            return
        start = rendered.index(content)
        before = rendered[:start].encode("utf-8", "surrogatepass")
        after = rendered[start + len(content) :].encode("utf-8", "surrogatepass")
        frame = _Frame(key, zlib.compress(before, 1), zlib.compress(after, 1))
        if self._in_memory:
            self._frames[output] = frame
        if self._files is not None:
            self._files.write(_file_key(address, key), frame.packed())

    def splice(self, output: str, address: str, key: str, content: str) -> str | None:
        """The page as the template would render it, when its frame under `key` is known."""
        frame = self._frames.get(output)
        if (frame is None or frame.key != key) and self._files is not None:
            data = self._files.read(_file_key(address, key))
            frame = _Frame.unpacked(key, data) if data is not None else None
        if frame is None or frame.key != key:
            return None
        try:
            return frame.around(content)
        except (zlib.error, UnicodeDecodeError):  # a damaged file: rendered, and kept again
            return None

    def keep_only(self, outputs: set[str]) -> None:
        """Forget the frames (in memory) of pages no longer written."""
        for output in [output for output in self._frames if output not in outputs]:
            del self._frames[output]

    def prune(self) -> None:
        """Delete the frames no build has used for `KEEP_DAYS`."""
        if self._files is not None:
            self._files.prune()

    def __len__(self) -> int:
        return len(self._frames)


def _file_key(address: str, key: str) -> str:
    return quick_print([address, key])


class TemplateCheck:
    """`splices_safely` over a theme's template folders, each file read again only when it
    changed (folders whose name starts with a dot, such as Material's icons, hold none)."""

    def __init__(self) -> None:
        self._verdicts: dict[str, tuple[tuple[int, int], bool]] = {}

    def __call__(self, folders: Iterable[str], static: Iterable[str] = ()) -> bool:
        """Whether every template in `folders` splices safely, but for the theme's `static`
        templates (a sitemap, the 404 page: rendered on their own, never a page's)."""
        skipped = set(static)
        return all(self._file_ok(path) for path in _templates(folders, skipped))

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


def _templates(folders: Iterable[str], skipped: set[str]) -> Iterable[str]:
    for folder in folders:
        for root, dirs, names in os.walk(folder):
            dirs[:] = [name for name in dirs if not name.startswith(".")]
            for name in names:
                path = os.path.join(root, name)
                if name.endswith((".html", ".htm", ".j2", ".jinja", ".xml")) and (
                    os.path.relpath(path, folder).replace(os.sep, "/") not in skipped
                ):
                    yield path
