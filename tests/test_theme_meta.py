"""The properties a note hands to Material: only those it understands, each checked."""

from __future__ import annotations

from typing import Any

import pytest

from mkdocs_garden.core.theme_meta import ThemeLookup, theme_meta

THEME = ThemeLookup(
    has_template=lambda name: name in {"main.html", "custom/wide.html"},
    has_icon=lambda name: name == "material/star",
)


@pytest.mark.parametrize(
    ("meta", "kept"),
    [
        ({"hide": ["toc", "navigation"]}, {"hide": ["toc", "navigation"]}),
        ({"hide": "toc"}, {"hide": ["toc"]}),
        ({"search": {"exclude": True}}, {"search": {"exclude": True}}),
        ({"search": {"boost": 2.5}}, {"search": {"boost": 2.5}}),
        ({"template": "custom/wide.html"}, {"template": "custom/wide.html"}),
        ({"icon": "material/star", "status": "new"}, {"icon": "material/star", "status": "new"}),
        ({"subtitle": "副标题", "author": 42}, {"subtitle": "副标题", "author": "42"}),
        ({"comments": False}, {"comments": False}),
        ({"cssclasses": "wide", "publish": True, "whatever": [1, 2]}, {}),
    ],
)
def test_understood_properties_pass(meta: dict[str, Any], kept: dict[str, Any]) -> None:
    assert theme_meta(meta, THEME) == (kept, [])


@pytest.mark.parametrize(
    "meta",
    [
        {"hide": 5},
        {"hide": ["toc", "everything"]},
        {"hide": [["toc"]]},
        {"search": 5},
        {"search": {"exclude": "yes"}},
        {"search": {"boost": True}},
        {"search": {"boost": 1e9}},
        {"search": {"other": 1}},
        {"template": "nope.html"},
        {"template": "../../etc/passwd.html"},
        {"template": ["main.html"]},
        {"icon": "material/no-such-icon"},
        {"icon": "../x"},
        {"status": "<b>new</b>"},
        {"subtitle": ["a"]},
        {"author": {"name": "x"}},
        {"comments": "no"},
    ],
)
def test_other_values_are_refused_with_a_message(meta: dict[str, Any]) -> None:
    kept, problems = theme_meta(meta, THEME)
    [key] = meta
    assert kept == {}
    assert len(problems) == 1 and problems[0].key == key and "ignored" in problems[0].message
