"""`garden mermaid`: Mermaid's browser script without Node.js.

The script comes from the npm registry, as `npm install mermaid` would fetch it: the package's
tarball, checked against the registry's sha512 integrity, and only `dist/mermaid.min.js` (and
the licence) taken from it, into the path `garden/obsidian` serves it from. This runs once, when
the user asks; the site then serves the script itself and no reader's browser fetches it.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import tarfile
import urllib.request
from collections.abc import Callable
from pathlib import Path

MERMAID_VERSION = "11.17.2"
"""The version this repository's package.json installs."""
REGISTRY = "https://registry.npmjs.org/mermaid"
DEFAULT_TARGET = Path("node_modules/mermaid")
MEMBERS = {"package/dist/mermaid.min.js": "dist/mermaid.min.js", "package/LICENSE": "LICENSE"}

Fetch = Callable[[str], bytes]


class MermaidError(Exception):
    """The script could not be fetched or did not check out; nothing was written."""


def _fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=60) as response:
        data: bytes = response.read()
        return data


def install_mermaid(
    target: Path = DEFAULT_TARGET, version: str = MERMAID_VERSION, fetch: Fetch = _fetch
) -> Path:
    """Write mermaid's `dist/mermaid.min.js` (and its licence) under `target`; return the
    script's path."""
    try:
        meta = json.loads(fetch(f"{REGISTRY}/{version}"))
        tarball_url, integrity = meta["dist"]["tarball"], meta["dist"]["integrity"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        message = f"could not read mermaid {version} from the npm registry: {error}"
        raise MermaidError(message) from error
    if not tarball_url.startswith("https://") or not integrity.startswith("sha512-"):
        raise MermaidError(f"the registry gave an unexpected tarball for mermaid {version}")
    try:
        tarball = fetch(tarball_url)
    except OSError as error:
        raise MermaidError(f"could not download {tarball_url}: {error}") from error
    digest = base64.b64encode(hashlib.sha512(tarball).digest()).decode("ascii")
    if f"sha512-{digest}" != integrity:
        raise MermaidError(f"{tarball_url} does not match the registry's sha512; nothing written")
    files = _members(tarball)
    for relative, data in files.items():
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return target / MEMBERS["package/dist/mermaid.min.js"]


def _members(tarball: bytes) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        for member in archive.getmembers():
            if member.name in MEMBERS and member.isfile():
                extracted = archive.extractfile(member)
                if extracted is not None:
                    found[MEMBERS[member.name]] = extracted.read()
    if "dist/mermaid.min.js" not in found:
        raise MermaidError("the mermaid package holds no dist/mermaid.min.js; nothing written")
    return found
