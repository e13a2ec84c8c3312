"""`garden mermaid`: the npm registry's tarball, checked against its sha512, and only the
browser script (and licence) written; any mismatch writes nothing."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import tarfile
from pathlib import Path

import pytest

from conftest import ROOT
from mkdocs_garden.mermaid_script import MERMAID_VERSION, MermaidError, install_mermaid

SCRIPT = b"globalThis.mermaid = {initialize() {}};"


def _tarball(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def _registry(tarball: bytes, integrity: str | None = None) -> dict[str, bytes]:
    digest = base64.b64encode(hashlib.sha512(tarball).digest()).decode()
    meta = {"dist": {"tarball": "https://registry.example/m.tgz"}}
    meta["dist"]["integrity"] = integrity or f"sha512-{digest}"
    return {
        f"https://registry.npmjs.org/mermaid/{MERMAID_VERSION}": json.dumps(meta).encode(),
        "https://registry.example/m.tgz": tarball,
    }


def test_the_script_and_licence_are_written(tmp_path: Path) -> None:
    tarball = _tarball(
        {
            "package/dist/mermaid.min.js": SCRIPT,
            "package/LICENSE": b"MIT",
            "package/dist/mermaid.esm.mjs": b"not wanted",
            "package/../../escape.js": b"never written",
        }
    )
    urls = _registry(tarball)
    script = install_mermaid(tmp_path / "m", fetch=urls.__getitem__)
    assert script == tmp_path / "m" / "dist" / "mermaid.min.js"
    assert script.read_bytes() == SCRIPT
    assert (tmp_path / "m" / "LICENSE").read_bytes() == b"MIT"
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert written == ["m/LICENSE", "m/dist/mermaid.min.js"]


def test_a_tarball_that_does_not_match_writes_nothing(tmp_path: Path) -> None:
    tarball = _tarball({"package/dist/mermaid.min.js": SCRIPT})
    urls = _registry(tarball, integrity="sha512-" + base64.b64encode(b"x" * 64).decode())
    with pytest.raises(MermaidError, match="sha512"):
        install_mermaid(tmp_path / "m", fetch=urls.__getitem__)
    assert not (tmp_path / "m").exists()


def test_a_package_without_the_script_writes_nothing(tmp_path: Path) -> None:
    urls = _registry(_tarball({"package/LICENSE": b"MIT"}))
    with pytest.raises(MermaidError, match=r"no dist/mermaid\.min\.js"):
        install_mermaid(tmp_path / "m", fetch=urls.__getitem__)
    assert not (tmp_path / "m").exists()


def test_the_version_is_the_one_npm_installs_here() -> None:
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    assert package["dependencies"]["mermaid"] == MERMAID_VERSION
