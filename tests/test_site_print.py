"""What every page is made with is described the same way in every process, and completely:
an object whose text is its address in memory is described by its attributes, a mapping that
is not a dict by its items, a placeholder for a path by the path (`core.incremental.stable`)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import load_config

from mkdocs_garden.core.incremental import fingerprint, stable


class _Settings:
    def __init__(self, repo: str) -> None:
        self.repo = repo


def test_objects_are_told_apart_by_their_attributes() -> None:
    assert fingerprint(_Settings("甲/乙")) != fingerprint(_Settings("甲/丙"))
    assert fingerprint(_Settings("甲/乙")) == fingerprint(_Settings("甲/乙"))


def test_the_extra_settings_with_a_relative_path_are_read_item_by_item(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    prints = []
    for repo in ("甲/乙", "甲/丙"):
        (tmp_path / "mkdocs.yml").write_text(
            "site_name: 站\nextra:\n  img: !relative $config_dir/img\n"
            f"  giscus:\n    repo: {repo}\n",
            encoding="utf-8",
        )
        extra = load_config(str(tmp_path / "mkdocs.yml"))["extra"]
        assert stable(extra)["img"] == (tmp_path / "img").as_posix()
        prints.append(fingerprint(extra))
    assert prints[0] != prints[1]
