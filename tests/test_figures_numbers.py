"""The figures' numbers, checked against direct computations (not just that files exist)."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import numpy as np
import pytest

import attention_cost
import attention_heatmap
import cosine_sweep
import dot_product_geometry
import figure_style
import scaling_sqrt_dk
from attention_math import softmax

FIGURE_MODULES = (
    dot_product_geometry,
    cosine_sweep,
    attention_heatmap,
    scaling_sqrt_dk,
    attention_cost,
)


def test_dot_product_equals_lengths_times_cosine_on_every_panel() -> None:
    aligned, orthogonal, opposite = dot_product_geometry.compute()
    for panel in (aligned, orthogonal, opposite):
        direct = float(panel.a[0] * panel.b[0] + panel.a[1] * panel.b[1])
        assert panel.dot == pytest.approx(direct, rel=1e-12, abs=1e-12)
        assert panel.dot == pytest.approx(
            panel.norm_a * panel.norm_b * np.cos(panel.theta), rel=1e-12, abs=1e-12
        )
        assert panel.projection * panel.norm_a == pytest.approx(panel.dot, rel=1e-12, abs=1e-12)
    assert aligned.dot > 6 and abs(orthogonal.dot) < 1e-12 and opposite.dot < -7
    assert np.degrees([aligned.theta, orthogonal.theta, opposite.theta]) == pytest.approx(
        [25, 90, 160]
    )


def test_cosine_sweep_matches_the_formula_and_crosses_zero_at_90_degrees() -> None:
    sweep = cosine_sweep.compute()
    lengths = cosine_sweep.LENGTH_A * cosine_sweep.LENGTH_B
    assert sweep.dot == pytest.approx(lengths * sweep.cosine, abs=1e-12)
    assert np.all(np.diff(sweep.dot) < 0)
    assert sweep.dot[0] == pytest.approx(lengths) and sweep.dot[-1] == pytest.approx(-lengths)
    assert abs(sweep.dot[list(sweep.degrees).index(90.0)]) < 1e-12


def test_attention_heatmap_matrix_is_the_direct_computation() -> None:
    example = attention_heatmap.compute()
    d_k = example.w_k.shape[1]
    q, k = example.x @ example.w_q, example.x @ example.w_k
    direct = np.array(
        [[sum(q[i, m] * k[j, m] for m in range(d_k)) for j in range(len(q))] for i in range(len(q))]
    ) / np.sqrt(d_k)
    assert example.scores == pytest.approx(direct, rel=1e-12, abs=1e-12)
    exponentials = np.exp(direct)
    assert example.weights == pytest.approx(
        exponentials / exponentials.sum(axis=1, keepdims=True), rel=1e-12
    )
    assert example.weights.sum(axis=1) == pytest.approx(np.ones(len(q)), abs=1e-12)
    assert example.output == pytest.approx(example.weights @ (example.x @ example.w_v))
    assert example.tokens[:3] == ("猫", "追", "老鼠")


def test_attention_json_holds_the_same_numbers() -> None:
    example = attention_heatmap.compute()
    data = json.loads(attention_heatmap.as_json(example))
    assert data["tokens"] == list(example.tokens) and data["d_k"] == example.w_k.shape[1]
    for name in ("x", "w_q", "w_k", "w_v", "scores", "weights", "output"):
        assert np.array(data[name]) == pytest.approx(getattr(example, name), rel=1e-15)


def test_spread_of_q_dot_k_grows_like_sqrt_dk() -> None:
    scaling = scaling_sqrt_dk.compute()
    # For q, k with unit-variance components, Var(q·k) = d_k; 4,000 samples estimate the
    # standard deviation to about 1.2 %, so 5 % is a safe bound.
    assert scaling.spread / np.sqrt(scaling.dimensions) == pytest.approx(
        np.ones(len(scaling.dimensions)), abs=0.05
    )


def test_unscaled_scores_saturate_softmax() -> None:
    scaling = scaling_sqrt_dk.compute()
    for weights in (scaling.unscaled_weights, scaling.scaled_weights):
        assert weights.sum() == pytest.approx(1.0, abs=1e-12)
    assert scaling.unscaled_weights.max() > 0.8
    assert scaling.scaled_weights.max() < 0.5


def test_cost_counts_dense_and_windowed_scores() -> None:
    cost = attention_cost.compute()
    assert cost.dense == pytest.approx(cost.lengths**2)
    for n in (128, 256, 512, 1024, 2048):
        mask = attention_cost.window_mask(n, attention_cost.WINDOW)
        assert attention_cost.window_count(n, attention_cost.WINDOW) == mask.sum()
    assert np.all(cost.window <= cost.dense)
    assert cost.window[-1] / cost.lengths[-1] < 2 * attention_cost.WINDOW + 1  # linear in n
    assert cost.dense[-1] / cost.window[-1] > 30


def test_softmax_is_stable_and_sums_to_one() -> None:
    weights = softmax(np.array([[1000.0, 999.0, -1000.0]]))
    assert np.isfinite(weights).all() and weights.sum() == pytest.approx(1.0)


@pytest.mark.parametrize("module", FIGURE_MODULES, ids=lambda m: m.__name__)
def test_chinese_labels_have_every_glyph(module: object, tmp_path: Path) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        written = module.render(tmp_path, ("svg", "png"))  # type: ignore[attr-defined]
    missing = [str(w.message) for w in caught if "missing from font" in str(w.message)]
    assert missing == []
    assert all((tmp_path / name).stat().st_size > 1000 for name in written)


def test_a_machine_without_a_cjk_font_gets_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(figure_style, "CJK_FAMILIES", ("没有这种字体",))
    monkeypatch.setattr(figure_style.font_manager, "findSystemFonts", lambda: [])
    with pytest.raises(figure_style.CJKFontMissing, match="fonts-noto-cjk"):
        figure_style.setup()
