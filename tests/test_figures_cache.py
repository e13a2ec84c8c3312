"""The figures build step: cached by inputs, redrawn when they change, failing loudly and
safely, and byte-identical from one build to the next."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import FIGURES_SRC, ROOT
from mkdocs_garden.figures.runner import FigureScriptError, draw_figures
from mkdocs_garden.mkdocs_plugins.figures import FiguresPlugin
from sitebuild import build_site

ALL = [
    "attention_cost",
    "attention_heatmap",
    "cosine_sweep",
    "dot_product_geometry",
    "scaling_sqrt_dk",
]


@pytest.fixture
def scripts(tmp_path: Path) -> Path:
    target = tmp_path / "figures_src"
    shutil.copytree(FIGURES_SRC, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def test_unchanged_scripts_are_not_redrawn_and_changed_ones_are(
    scripts: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    first = draw_figures(scripts, cache)
    assert sorted(first.drawn) == ALL and first.cached == []
    assert "attention-example.json" in first.outputs and "cosine-sweep.svg" in first.outputs

    second = draw_figures(scripts, cache)
    assert second.drawn == [] and sorted(second.cached) == ALL

    with (scripts / "cosine_sweep.py").open("a", encoding="utf-8") as script:
        script.write("\n# a comment changes the source, so the figure is redrawn\n")
    assert draw_figures(scripts, cache).drawn == ["cosine_sweep"]

    with (scripts / "attention_math.py").open("a", encoding="utf-8") as helper:
        helper.write("\n# every script imports this helper\n")
    assert sorted(draw_figures(scripts, cache).drawn) == ALL


def test_a_changed_script_redraws_all_its_variants_and_nothing_else(
    scripts: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    first = draw_figures(scripts, cache).outputs
    variants = [
        f"cosine-sweep{layout}{scheme}.svg"
        for layout in ("", ".narrow")
        for scheme in ("", ".dark")
    ]
    assert set(variants) <= set(first) and len(first) == 5 * 4 + 1  # and the attention JSON
    before = {name: (path.read_bytes(), path.stat().st_mtime_ns) for name, path in first.items()}

    source = (scripts / "cosine_sweep.py").read_text(encoding="utf-8")
    (scripts / "cosine_sweep.py").write_text(source.replace("夹角越小", "夹角愈小"), "utf-8")
    again = draw_figures(scripts, cache)

    assert again.drawn == ["cosine_sweep"]
    for name, path in again.outputs.items():
        changed = path.read_bytes() != before[name][0]
        assert changed == (name in variants), name
        if name not in variants:
            assert path.stat().st_mtime_ns == before[name][1], name


def test_a_failing_script_names_itself_and_keeps_the_last_good_figure(
    scripts: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    good = draw_figures(scripts, cache).outputs["cosine-sweep.svg"].read_bytes()
    source = (scripts / "cosine_sweep.py").read_text(encoding="utf-8")
    broken = source.replace("    setup()\n", "    setup()\n    raise ValueError('坏掉的脚本')\n", 1)
    (scripts / "cosine_sweep.py").write_text(broken, encoding="utf-8")

    with pytest.raises(FigureScriptError) as failure:
        draw_figures(scripts, cache)

    message = str(failure.value)
    assert "cosine_sweep.py" in message and "ValueError: 坏掉的脚本" in message
    assert "Traceback" in message and "dot_product_geometry" not in message
    assert (cache / "files/cosine-sweep.svg").read_bytes() == good
    assert not list(cache.glob("drawing-*"))


def test_two_builds_give_identical_bytes(scripts: Path, tmp_path: Path) -> None:
    one = draw_figures(scripts, tmp_path / "one", formats=("svg", "png"))
    two = draw_figures(scripts, tmp_path / "two", formats=("svg", "png"))
    assert sorted(one.outputs) == sorted(two.outputs)
    assert len([name for name in one.outputs if name.endswith(".png")]) == 5 * 4  # variants
    for name, path in one.outputs.items():
        assert path.read_bytes() == two.outputs[name].read_bytes(), name


def test_serve_watches_the_scripts() -> None:
    plugin = FiguresPlugin()
    plugin.load_config({})
    watched: list[str] = []
    server = SimpleNamespace(watch=watched.append)
    config = SimpleNamespace(config_file_path=str(ROOT / "mkdocs.yml"))
    plugin.on_serve(server, config, None)  # type: ignore[arg-type]
    assert watched == [str(ROOT / "figures_src")]


def _build_with(scripts: Path, cache: Path, site: Path) -> tuple[int, str]:
    options = {"garden/figures": {"scripts_dir": str(scripts), "cache_dir": str(cache)}}
    build = build_site(ROOT / "docs", site, strict=True, plugin_options=options)
    return build.returncode, build.log


def test_mkdocs_build_draws_then_reuses_and_the_notes_show_the_figures(
    scripts: Path, tmp_path: Path
) -> None:
    code, log = _build_with(scripts, tmp_path / "cache", tmp_path / "site")
    assert code == 0, log
    assert "garden: figures: 5 drawn, 0 cached" in log
    note = (tmp_path / "site/🪄AI漫谈/为什么要除以 √d_k？/index.html").read_text("utf-8")
    assert 'src="../../figures/scaling-sqrt-dk.svg"' in note
    assert 'src="../../figures/scaling-sqrt-dk.dark.svg"' in note  # one picture per scheme
    assert 'srcset="../../figures/scaling-sqrt-dk.narrow.dark.svg"' in note  # and per screen
    assert (tmp_path / "site/figures/scaling-sqrt-dk.narrow.dark.svg").is_file()
    assert (tmp_path / "site/assets/garden/figures.css").is_file()
    assert (tmp_path / "site/figures/attention-example.json").is_file()

    code, log = _build_with(scripts, tmp_path / "cache", tmp_path / "site2")
    assert code == 0 and "garden: figures: 0 drawn, 5 cached" in log


def test_mkdocs_build_fails_on_a_broken_script(scripts: Path, tmp_path: Path) -> None:
    (scripts / "broken_figure.py").write_text(
        "def render(out_dir, formats):\n    return 1 / 0\n", encoding="utf-8"
    )
    code, log = _build_with(scripts, tmp_path / "cache", tmp_path / "site")
    assert code != 0
    assert "broken_figure.py failed" in log and "ZeroDivisionError" in log
