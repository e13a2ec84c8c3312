"""The MathML written for TeX is spaced as TeX spaces it: no space inside `|A|` or `\\|a\\|`,
none between a function name and its parenthesis, a thin space where TeX puts one."""

from __future__ import annotations

import re

import pytest

from mkdocs_garden.core.math_spacing import THIN_SPACE, tex_spacing
from mkdocs_garden.core.mathml import tex_to_mathml

THIN = f'<mspace width="{THIN_SPACE}"></mspace>'
NO_SPACE = 'lspace="0" rspace="0"'


def row(tex: str) -> str:
    """The formula's top row, as written in the page."""
    mathml = tex_to_mathml(tex, False)
    found = re.fullmatch(r'<math display="inline"><mrow>(.*)</mrow></math>', mathml)
    assert found is not None, mathml
    return found.group(1)


@pytest.mark.parametrize(
    ("tex", "expected"),
    [
        (
            "|A| = 3",
            f'<mo stretchy="false" {NO_SPACE}>|</mo><mi>A</mi>'
            f'<mo stretchy="false" {NO_SPACE}>|</mo><mo>=</mo><mn>3</mn>',
        ),
        (
            r"\|a\| \|b\|",
            f'<mo fence="false" stretchy="false" {NO_SPACE}>‖</mo><mi>a</mi>'
            f'<mo fence="false" stretchy="false" {NO_SPACE}>‖</mo>'
            f'<mo fence="false" stretchy="false" {NO_SPACE}>‖</mo><mi>b</mi>'
            f'<mo fence="false" stretchy="false" {NO_SPACE}>‖</mo>',
        ),
        (
            r"\operatorname{Var}(x)",
            f'<mo {NO_SPACE}>Var</mo><mo stretchy="false">(</mo><mi>x</mi>'
            '<mo stretchy="false">)</mo>',
        ),
        (
            r"\lVert\mathbf{a}\rVert\,\lVert\mathbf{b}\rVert\cos\theta",
            f"<mo {NO_SPACE}>‖</mo><mi>𝐚</mi><mo {NO_SPACE}>‖</mo>"
            '<mspace width="0.167em"></mspace>'
            f"<mo {NO_SPACE}>‖</mo><mi>𝐛</mi><mo {NO_SPACE}>‖</mo>"
            f"{THIN}<mi>cos</mi>{THIN}<mi>θ</mi>",
        ),
        (
            r"\exp(z_i / T)",
            '<mi>exp</mi><mo stretchy="false">(</mo><msub><mi>z</mi><mi>i</mi></msub>'
            f'<mo {NO_SPACE}>/</mo><mi>T</mi><mo stretchy="false">)</mo>',
        ),
        (r"\sin^2 x", f"<msup><mi>sin</mi><mn>2</mn></msup>{THIN}<mi>x</mi>"),
        (r"a\log b", f"<mi>a</mi>{THIN}<mi>log</mi>{THIN}<mi>b</mi>"),
        (r"\cos\sin x", f"<mi>cos</mi>{THIN}<mi>sin</mi>{THIN}<mi>x</mi>"),
        (r"x = \cos y", f"<mi>x</mi><mo>=</mo><mi>cos</mi>{THIN}<mi>y</mi>"),
        (r"a \mid b", "<mi>a</mi><mo>∣</mo><mi>b</mi>"),  # a relation: the dictionary's space
        (
            r"\mathrm{head}_i",
            '<msub><mrow><mi mathvariant="normal">head</mi></mrow><mi>i</mi></msub>',
        ),
    ],
)
def test_formulas_are_spaced_as_tex_spaces_them(tex: str, expected: str) -> None:
    assert row(tex) == expected


def test_the_radical_holds_the_whole_radicand() -> None:
    assert row(r"\sqrt{d_k}") == "<msqrt><mrow><msub><mi>d</mi><mi>k</mi></msub></mrow></msqrt>"


def test_a_function_before_a_fenced_group_is_thinly_spaced_as_in_tex() -> None:
    # Op followed by \left( … \right) (an inner atom): TeX's thin space.
    assert row(r"\operatorname{Attention}\left(x\right)").startswith(
        f"<mo {NO_SPACE}>Attention</mo>{THIN}<mrow><mo"
    )


def test_formulas_with_nothing_to_space_are_left_as_they_are() -> None:
    mathml = '<math display="inline"><mrow><mi>x</mi><mo>+</mo><mn>1</mn></mrow></math>'
    assert tex_spacing(mathml) is mathml
    assert tex_spacing("<math><mo>|</mo><mi>&nbsp;</mi></math>") == (
        "<math><mo>|</mo><mi>&nbsp;</mi></math>"  # not XML: as it was
    )
