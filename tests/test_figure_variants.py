"""Every figure in its four variants (light and dark, wide and narrow), drawn from one compute():
the same shapes in both schemes, the same labels and numbers in every variant, and labels
that stay legible where each variant is shown."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest

import attention_cost
import attention_heatmap
import cosine_sweep
import dot_product_geometry
import scaling_sqrt_dk

MODULES = (dot_product_geometry, cosine_sweep, attention_heatmap, scaling_sqrt_dk, attention_cost)
SCHEMES = ("", ".dark")
LAYOUTS = ("", ".narrow")
GEOMETRY = ("d", "x", "y", "width", "height", "transform", "points", "viewBox")
"""The attributes that place and shape what is drawn; colours are in `style` and `fill`."""
SHOWN_WIDTH = {"": 688.0, ".narrow": 358.0}
"""CSS px: the column a variant is shown in (a note on a 1280 px screen, on a 390 px phone)."""
_SCALE = re.compile(r"scale\(([\d.]+)")


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each script rendered once (as the figures step does), its compute() counted."""
    folder = tmp_path_factory.mktemp("variants")
    counts: Counter[str] = Counter()
    for module in MODULES:
        compute = module.compute

        def counted(*args: Any, _compute: Any = compute, _name: str = module.NAME) -> Any:
            counts[_name] += 1
            return _compute(*args)

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(module, "compute", counted)
            module.render(folder, ("svg",))
    assert counts == {module.NAME: 1 for module in MODULES}, "each figure computes once"
    return {path.name: path for path in folder.glob("*.svg")}


def variant(name: str, scheme: str, layout: str) -> str:
    return f"{name}{layout}{scheme}.svg"


def geometry(svg: str) -> list[tuple[str, ...]]:
    """Every element's tag and placing attributes, in order; ids and colours left out."""
    shapes = []
    for element in ElementTree.fromstring(svg).iter():
        tag = element.tag.rpartition("}")[2]
        shapes.append(
            (tag, *(f"{key}={element.get(key)}" for key in GEOMETRY if key in element.attrib))
        )
    return shapes


def labels(svg: str) -> Counter[str]:
    """The texts drawn: matplotlib notes each line's text beside its glyph outlines."""
    found: Counter[str] = Counter()
    for text in _texts(svg):
        lines = [node.text or "" for node in text.iter() if node.tag is ElementTree.Comment]
        found[re.sub(r"\s+", "", "".join(lines))] += 1
    return found


def _texts(svg: str) -> list[ElementTree.Element]:
    """The figure's text elements (groups `text_1`, `text_2`…), comments kept."""
    parser = ElementTree.XMLParser(target=ElementTree.TreeBuilder(insert_comments=True))
    root = ElementTree.fromstring(svg, parser)
    return [
        g for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("id", "").startswith("text_")
    ]


def background(svg: str) -> str:
    """The fill of the figure's own rectangle."""
    patch = ElementTree.fromstring(svg).find(".//{*}g[@id='patch_1']/{*}path")
    assert patch is not None
    found = re.search(r"fill: (#[0-9a-f]{6})", patch.get("style", ""))
    assert found is not None
    return found.group(1)


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.NAME)
def test_four_variants_are_drawn(module: ModuleType, drawn: dict[str, Path]) -> None:
    expected = {variant(module.NAME, s, layout) for s in SCHEMES for layout in LAYOUTS}
    assert {name for name in drawn if name.startswith(f"{module.NAME}.")} == expected


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.NAME)
def test_dark_and_light_differ_only_in_colour(
    module: ModuleType, layout: str, drawn: dict[str, Path]
) -> None:
    light, dark = (drawn[variant(module.NAME, s, layout)].read_text("utf-8") for s in SCHEMES)
    assert geometry(light) == geometry(dark)
    assert labels(light) == labels(dark)
    assert background(light) == "#ffffff" and background(dark) == "#1e2129"
    assert light != dark


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.NAME)
def test_wide_and_narrow_show_the_same_labels(module: ModuleType, drawn: dict[str, Path]) -> None:
    wide, narrow = (
        drawn[variant(module.NAME, "", layout)].read_text("utf-8") for layout in LAYOUTS
    )
    assert len(labels(wide)) > 5 and labels(wide) == labels(narrow)
    assert geometry(wide) != geometry(narrow)


def test_heatmap_cells_show_the_direct_computation(drawn: dict[str, Path]) -> None:
    example = attention_heatmap.compute()
    q, k = example.x @ example.w_q, example.x @ example.w_k
    scores = q @ k.T / np.sqrt(k.shape[1])
    weights = np.exp(scores) / np.exp(scores).sum(axis=1, keepdims=True)
    expected = Counter(f"{value:.2f}" for value in (*scores.ravel(), *weights.ravel()))
    for scheme in SCHEMES:
        for layout in LAYOUTS:
            svg = drawn[variant(attention_heatmap.NAME, scheme, layout)].read_text("utf-8")
            cells = Counter(
                {
                    label: n
                    for label, n in labels(svg).items()
                    if re.fullmatch(r"-?\d+\.\d\d", label)
                }
            )
            assert cells == expected, (scheme, layout)


def test_dot_product_panels_show_lengths_times_cosine(drawn: dict[str, Path]) -> None:
    expected = []
    for panel in dot_product_geometry.compute():
        direct = panel.a[0] * panel.b[0] + panel.a[1] * panel.b[1]
        cosine = direct / (np.hypot(*panel.a) * np.hypot(*panel.b))
        parts = (
            np.hypot(*panel.a),
            np.hypot(*panel.b),
            round(cosine, 2) + 0.0,
            round(direct, 2) + 0.0,
        )
        expected.append("|A||B|cosθ={:.1f}×{:.1f}×{:.2f}={:.2f}".format(*parts))
    assert expected[1].endswith("=0.00")
    for scheme in SCHEMES:
        for layout in LAYOUTS:
            svg = drawn[variant(dot_product_geometry.NAME, scheme, layout)].read_text("utf-8")
            assert all(labels(svg)[text] == 1 for text in expected), (scheme, layout, labels(svg))


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.NAME)
def test_labels_are_legible_where_each_variant_is_shown(
    module: ModuleType, layout: str, drawn: dict[str, Path]
) -> None:
    """The smallest glyph (its font size in points, 100 units an em: matplotlib writes each
    glyph run with `scale(size / 100)`) times the scale the column shows the figure at."""
    svg = drawn[variant(module.NAME, "", layout)].read_text("utf-8")
    width_pt = float(re.search(r'<svg[^>]* width="([\d.]+)pt"', svg).group(1))  # type: ignore[union-attr]
    shown = min(SHOWN_WIDTH[layout], width_pt * 4 / 3)  # never enlarged past its drawn size
    smallest = min(_glyph_sizes(svg)) * shown / width_pt
    assert smallest >= 9.0, f"{module.NAME}{layout}: {smallest:.1f} CSS px"


def _glyph_sizes(svg: str) -> list[float]:
    """The font size, in points, of every glyph drawn: its run's `scale(size / 100)`, times a
    glyph's own scale (an exponent or an index in a formula)."""
    sizes = []
    for text in _texts(svg):
        for run in text.iter("{http://www.w3.org/2000/svg}g"):
            run_scale = _SCALE.search(run.get("transform", ""))
            for glyph in run.iterfind("{*}use") if run_scale else ():
                own = _SCALE.search(glyph.get("transform", ""))
                sizes.append(
                    100 * float(run_scale.group(1)) * (float(own.group(1)) if own else 1.0)
                )
    return sizes
