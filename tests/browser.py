"""Headless Chromium (Debian's, through Playwright) against a site served on loopback."""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


def require_chromium() -> str:
    """The Chromium executable; a skip without one, a failure under GARDEN_REQUIRE_BROWSER=1."""
    path = chromium_path()
    try:
        import playwright  # noqa: F401
    except ImportError:
        path = None
    if path is None:
        message = "headless Chromium with Playwright is not available"
        if os.environ.get("GARDEN_REQUIRE_BROWSER") == "1":
            pytest.fail(message + " (GARDEN_REQUIRE_BROWSER=1)")
        pytest.skip(message)
    return path


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def serve(site: Path, prefix: str = "garden") -> Iterator[str]:
    """Serve `site` under `/prefix/` on a free loopback port; yields the base URL."""
    root = site.parent / f"{site.name}-served"
    root.mkdir(exist_ok=True)
    link = root / prefix
    if not link.exists():
        link.symlink_to(site, target_is_directory=True)
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/{prefix}/"
    finally:
        server.shutdown()
        server.server_close()
