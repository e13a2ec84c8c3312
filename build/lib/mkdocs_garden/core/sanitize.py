"""A page's HTML made safe the way Obsidian makes a note safe in reading view and Publish: no
scripts, no event handlers, no `javascript:` or `data:` URLs; iframes, `<details>`, `<font>`,
`<mark>`, inline styles, SVG and MathML stay.

nh3 (the Rust sanitiser ammonia) does the work: an allow-list of elements and attributes, and
URL schemes checked in every attribute that holds a URL. Comments stay, since plugins leave
their placeholders in them (`<!-- material/tags -->`), and no comment can run anything.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit

import nh3

URL_SCHEMES = frozenset(nh3.ALLOWED_URL_SCHEMES) | {"obsidian", "zotero"}

_MATHML = frozenset(
    (
        *("math", "semantics", "annotation", "annotation-xml", "maction", "menclose"),
        *("merror", "mfenced", "mfrac", "mi", "mmultiscripts", "mn", "mo", "mover"),
        *("mpadded", "mphantom", "mprescripts", "mroot", "mrow", "ms", "mspace", "msqrt"),
        *("mstyle", "msub", "msubsup", "msup", "mtable", "mtd", "mtext", "mtr", "munder"),
        *("munderover", "none"),
    )
)
_MATHML_ATTRIBUTES = frozenset(
    (
        *("display", "displaystyle", "scriptlevel", "mathvariant", "mathsize", "mathcolor"),
        *("mathbackground", "stretchy", "fence", "separator", "form", "lspace", "rspace"),
        *("largeop", "movablelimits", "accent", "accentunder", "symmetric", "minsize"),
        *("maxsize", "width", "height", "depth", "columnalign", "rowalign", "columnspacing"),
        *("rowspacing", "columnlines", "rowlines", "frame", "framespacing", "equalrows"),
        *("equalcolumns", "notation", "linethickness", "numalign", "denomalign", "bevelled"),
        *("voffset", "open", "close", "separators", "encoding", "xmlns", "columnspan"),
        *("rowspan", "align", "side", "minlabelspacing"),
    )
)
_SVG = frozenset(
    (
        *("svg", "g", "path", "circle", "ellipse", "line", "polyline", "polygon", "rect"),
        *("text", "tspan", "defs", "linearGradient", "radialGradient", "stop", "clipPath"),
        *("mask", "pattern", "marker", "title", "desc"),
    )
)
_SVG_ATTRIBUTES = frozenset(
    (
        *("viewBox", "xmlns", "version", "width", "height", "fill", "fill-opacity", "fill-rule"),
        *("stroke", "stroke-width", "stroke-linecap", "stroke-linejoin", "stroke-dasharray"),
        *("stroke-dashoffset", "stroke-opacity", "opacity", "transform", "d", "cx", "cy", "r"),
        *("rx", "ry", "x", "y", "x1", "y1", "x2", "y2", "dx", "dy", "points", "font-size"),
        *("font-family", "font-weight", "text-anchor", "dominant-baseline", "offset"),
        *("stop-color", "stop-opacity", "gradientUnits", "gradientTransform"),
        *("preserveAspectRatio", "clip-rule", "clip-path", "mask", "marker-start"),
        *("marker-mid", "marker-end", "markerWidth", "markerHeight", "refX", "refY", "orient"),
        *("patternUnits", "patternTransform"),
    )
)
_MEDIA = ("src", "controls", "preload", "poster", "loop", "muted", "autoplay", "playsinline")
_TAG_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "target", "rel", "name", "hreflang", "download"}),
    "img": frozenset({"src", "alt", "width", "height", "loading", "decoding", "align"}),
    "iframe": frozenset(
        {"src", "width", "height", "allow", "allowfullscreen", "frameborder", "loading"}
        | {"referrerpolicy", "sandbox", "scrolling"}
    ),
    "audio": frozenset(_MEDIA),
    "video": frozenset({*_MEDIA, "width", "height"}),
    "source": frozenset({"src", "type", "media"}),
    "track": frozenset({"src", "kind", "srclang", "label", "default"}),
    "object": frozenset({"data", "type", "width", "height"}),
    "input": frozenset({"type", "checked", "disabled"}),
    "label": frozenset({"for"}),
    "td": frozenset({"colspan", "rowspan", "align", "valign", "headers"}),
    "th": frozenset({"colspan", "rowspan", "align", "valign", "headers", "scope"}),
    "col": frozenset({"span", "width"}),
    "colgroup": frozenset({"span"}),
    "ol": frozenset({"start", "reversed", "type"}),
    "ul": frozenset({"type"}),
    "li": frozenset({"value"}),
    "time": frozenset({"datetime"}),
    "data": frozenset({"value"}),
    "details": frozenset({"open"}),
    "font": frozenset({"color", "face", "size"}),
    "q": frozenset({"cite"}),
    "blockquote": frozenset({"cite"}),
    "del": frozenset({"cite", "datetime"}),
    "ins": frozenset({"cite", "datetime"}),
    "table": frozenset({"align", "width", "border"}),
    "hr": frozenset({"align", "width", "size"}),
    "p": frozenset({"align"}),
    "div": frozenset({"align"}),
    **{tag: _MATHML_ATTRIBUTES for tag in _MATHML},
    **{tag: _SVG_ATTRIBUTES for tag in _SVG},
}
_EXTRA_TAGS = frozenset(
    {"iframe", "audio", "video", "source", "track", "object", "input", "label", "font"}
    | {"picture", "section", "big", "main", "colgroup", "tfoot", "progress", "meter"}
)
_GENERIC_ATTRIBUTES = frozenset({"class", "id", "style", "title", "lang", "dir", "role", "hidden"})
# Attributes holding a URL that ammonia does not know as such: their scheme is checked here.
_UNCHECKED_URLS = frozenset({"data", "poster"})


def sanitize_html(html: str) -> str:
    """`html` (a page's content) with everything that could run script removed."""
    return _cleaner().clean(html)


@lru_cache(maxsize=1)
def _cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(nh3.ALLOWED_TAGS | _EXTRA_TAGS | _MATHML | _SVG),
        attributes={
            "*": set(_GENERIC_ATTRIBUTES),
            **{t: set(a) for t, a in _TAG_ATTRIBUTES.items()},
        },
        generic_attribute_prefixes={"data-", "aria-"},
        attribute_filter=_checked_url,
        url_schemes=set(URL_SCHEMES),
        strip_comments=False,
        link_rel=None,
    )


def _checked_url(element: str, attribute: str, value: str) -> str | None:
    if attribute not in _UNCHECKED_URLS:
        return value
    return value if is_safe_url(value) else None


def is_safe_url(url: str) -> bool:
    """A relative URL, or one whose scheme is allowed (`javascript:`, `data:` are not)."""
    cleaned = "".join(char for char in url if char > " ")  # browsers skip controls and spaces
    try:
        scheme = urlsplit(cleaned).scheme
    except ValueError:
        return False
    return not scheme or scheme.lower() in URL_SCHEMES
