"""Two clean builds of docs/ (figures drawn afresh each time) give byte-identical sites."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT
from sitebuild import build_site


def test_two_clean_builds_are_byte_identical(tmp_path: Path) -> None:
    sites = []
    for name in ("one", "two"):
        options = {"garden/figures": {"cache_dir": str(tmp_path / f"figures-{name}")}}
        build = build_site(
            ROOT / "docs",
            tmp_path / name,
            strict=True,
            plugin_options=options,
            env={"SOURCE_DATE_EPOCH": "1732406400"},
        )
        assert build.returncode == 0, build.log
        sites.append(build.site)
    one, two = ({p.relative_to(site): p for p in site.rglob("*") if p.is_file()} for site in sites)
    assert sorted(one) == sorted(two)
    assert len(one) > 50
    different = [str(name) for name in one if one[name].read_bytes() != two[name].read_bytes()]
    assert different == []
