"""Card images: where titles break, which font is found, and what is drawn (byte for byte the
same each time, emoji left out rather than drawn as boxes)."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image, ImageChops

from mkdocs_garden.card_images import fonts as card_fonts
from mkdocs_garden.card_images.fonts import CardFonts, find_cjk_fonts
from mkdocs_garden.card_images.layout import ELLIPSIS, text_ems, wrap_title
from mkdocs_garden.card_images.plan import card_for, primary_colour

TITLES = st.text(
    st.sampled_from([*"点积注意力机制模型的", *"abcWXYZ12", " ", "，", "。", "？", "-"]),
    max_size=90,
)


@given(TITLES, st.integers(1, 4))
def test_wrapped_lines_fit_and_keep_the_title(title: str, lines: int) -> None:
    wrapped = wrap_title(title, 12, lines)
    assert len(wrapped) <= lines
    for row, line in enumerate(wrapped):
        assert text_ems(line) <= 12 + 1  # a closing mark may hang past the edge
        assert line == line.strip() and line
        assert row == 0 or line[0] not in "，。？" or wrapped[row - 1][-1] in "，。？"
    squeezed = "".join(title.split())
    joined = "".join("".join(wrapped).split())
    if wrapped and wrapped[-1].endswith(ELLIPSIS) and not squeezed.endswith(ELLIPSIS):
        assert squeezed.startswith(joined.removesuffix(ELLIPSIS))
    else:
        assert joined == squeezed


def test_latin_words_stay_whole_and_chinese_breaks_anywhere() -> None:
    assert wrap_title("注意力机制在 Transformer 模型中是如何运作的？", 16, 3) == [
        "注意力机制在 Transformer 模型中",
        "是如何运作的？",
    ]
    english = wrap_title("the dot product of queries and keys", 10, 3)
    assert len(english) == 2
    assert [word for line in english for word in line.split()] == [
        "the",
        "dot",
        "product",
        "of",
        "queries",
        "and",
        "keys",
    ]
    assert wrap_title("点" * 40, 10, 2) == ["点" * 10, "点" * 9 + ELLIPSIS]


def _fake_fonts(folder: Path, names: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_bytes(b"font")


def test_the_best_cjk_font_and_its_weights_are_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(card_fonts, "font_folders", lambda: [tmp_path])
    _fake_fonts(tmp_path / "truetype", ["DejaVuSans.ttf", "wqy-microhei.ttc"])
    assert find_cjk_fonts() == CardFonts(*[str(tmp_path / "truetype" / "wqy-microhei.ttc")] * 2)
    noto = [f"NotoSansCJK-{weight}.ttc" for weight in ("Black", "Bold", "Light", "Regular")]
    _fake_fonts(tmp_path / "opentype", noto)
    found = find_cjk_fonts()
    assert found is not None
    assert Path(found.regular).name == "NotoSansCJK-Regular.ttc"
    assert Path(found.bold).name == "NotoSansCJK-Bold.ttc"
    assert find_cjk_fonts(str(tmp_path / "missing.ttf")) is None
    monkeypatch.setattr(card_fonts, "font_folders", lambda: [tmp_path / "empty"])
    assert find_cjk_fonts() is None


def test_the_primary_colour_comes_from_the_palette() -> None:
    assert primary_colour([{"scheme": "default", "primary": "deep purple"}]) == "#7e56c2"
    assert primary_colour({"primary": "indigo"}) == "#4051b5"
    assert primary_colour(None) == primary_colour({"primary": "custom"}) == "#009485"


SYSTEM_FONTS = find_cjk_fonts()
needs_font = pytest.mark.skipif(SYSTEM_FONTS is None, reason="no CJK font installed")


@needs_font
def test_a_card_file_name_changes_with_anything_it_shows() -> None:
    assert SYSTEM_FONTS is not None
    card = card_for("点积", "概念/点积.md", "花园", "#009485", SYSTEM_FONTS, "1")
    same = card_for("点积", "概念/点积.md", "花园", "#009485", SYSTEM_FONTS, "1")
    assert card.file_name() == same.file_name()
    changes = [
        replace(card, title_lines=("点积相似度",)),
        replace(card, folder="别处"),
        replace(card, site_name="另一个花园"),
        replace(card, primary="#4051b5"),
        replace(card, versions="2"),
        replace(card, fonts=CardFonts(SYSTEM_FONTS.regular, SYSTEM_FONTS.regular)),
    ]
    assert len({changed.file_name() for changed in changes} | {card.file_name()}) == 7


@needs_font
def test_cards_are_drawn_the_same_each_time_without_emoji(tmp_path: Path) -> None:
    from mkdocs_garden.card_images.drawing import draw_cards

    assert SYSTEM_FONTS is not None
    cards = [
        ("a.png", card_for("🪄 点积 ✨", "🪄AI漫谈/x.md", "花园", "#009485", SYSTEM_FONTS, "1")),
        ("b.png", card_for("点积", "AI漫谈/x.md", "花园", "#009485", SYSTEM_FONTS, "1")),
        ("c.png", card_for("点积", "AI漫谈/x.md", "花园", "#009485", SYSTEM_FONTS, "1")),
        ("d.png", card_for("点积相似度", "AI漫谈/x.md", "花园", "#009485", SYSTEM_FONTS, "1")),
    ]
    assert draw_cards(cards, tmp_path) == 4
    data = {name: (tmp_path / name).read_bytes() for name, _card in cards}
    assert data["a.png"] == data["b.png"] == data["c.png"] != data["d.png"]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.png", "b.png", "c.png", "d.png"]
    difference = ImageChops.difference(
        Image.open(io.BytesIO(data["b.png"])).convert("RGB"),
        Image.open(io.BytesIO(data["d.png"])).convert("RGB"),
    )
    box = difference.getbbox()
    assert box is not None and box[0] >= 96 and box[3] < 630 * 0.7  # only the title differs
