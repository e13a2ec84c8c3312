"""The markup that shows a figure's variants: one image in the note, a picture per scheme on
the site, each with its narrow file for phones."""

from __future__ import annotations

from html.parser import HTMLParser

from mkdocs_garden.figures.variants import (
    DARK_CLASS,
    LIGHT_CLASS,
    NARROW_MEDIA,
    Variants,
    find_variants,
    show_variants,
    site_path,
)

PAGE = "🪄AI漫谈/点积为什么能衡量相关性？/"
ALL = Variants("fig.narrow.svg", "fig.dark.svg", "fig.narrow.dark.svg")


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Tags()
    parser.feed(html)
    return parser.tags


def figures(src: str) -> str | None:
    path = site_path(src, PAGE)
    return path if path is not None and path.startswith("figures/") else None


def test_variants_are_found_by_their_names() -> None:
    names = [
        "fig.svg",
        "fig.dark.svg",
        "fig.narrow.svg",
        "fig.narrow.dark.svg",
        "plain.svg",
        "half.svg",
        "half.dark.svg",
        "data.json",
    ]
    assert find_variants(names) == {"fig.svg": ALL, "half.svg": Variants(dark="half.dark.svg")}


def test_a_relative_address_is_resolved_from_the_page() -> None:
    assert site_path("../../figures/fig.svg", PAGE) == "figures/fig.svg"
    assert site_path("../../figures/a%20b.svg", PAGE) == "figures/a b.svg"
    assert site_path("fig.svg", "notes/page.html") == "notes/fig.svg"
    for elsewhere in (
        "https://example.org/fig.svg",
        "/figures/fig.svg",
        "../../figures/fig.svg#only-dark",
    ):
        assert site_path(elsewhere, PAGE) is None


def test_a_figure_becomes_a_picture_per_scheme_with_its_narrow_file() -> None:
    html = '<p><img alt="图" src="../../figures/fig.svg" width="640"></p>'
    shown = show_variants(html, figures, {"figures/fig.svg": ALL})
    found = tags(shown)
    assert [tag for tag, _ in found] == [
        "p",
        "picture",
        "source",
        "img",
        "picture",
        "source",
        "img",
    ]
    light, light_source, light_img, dark, dark_source, dark_img = (attrs for _, attrs in found[1:])
    assert (
        light["class"] == f"garden-figure {LIGHT_CLASS}"
        and dark["class"] == f"garden-figure {DARK_CLASS}"
    )
    assert light_source == {"media": NARROW_MEDIA, "srcset": "../../figures/fig.narrow.svg"}
    assert dark_source == {"media": NARROW_MEDIA, "srcset": "../../figures/fig.narrow.dark.svg"}
    assert (
        light_img["src"] == "../../figures/fig.svg"
        and dark_img["src"] == "../../figures/fig.dark.svg"
    )
    for img in (light_img, dark_img):
        assert img["alt"] == "图" and img["width"] == "640" and img["loading"] == "lazy"


def test_other_images_are_left_as_they_are() -> None:
    html = (
        '<img alt="" src="../../附件/photo.png">'
        '<img alt="" src="../../figures/plain.svg">'
        '<img alt="" src="../../figures/fig.svg#only-dark">'
        '<picture><img alt="" src="../../figures/fig.svg"></picture>'
    )
    assert show_variants(html, figures, {"figures/fig.svg": ALL}) == html


def test_a_figure_without_a_dark_variant_is_one_picture_for_both_schemes() -> None:
    variants = {"figures/fig.svg": Variants(narrow="fig.narrow.svg")}
    shown = show_variants('<img alt="" src="../../figures/fig.svg">', figures, variants)
    assert shown.count("<picture") == 1 and DARK_CLASS not in shown and LIGHT_CLASS not in shown
    assert 'srcset="../../figures/fig.narrow.svg"' in shown
