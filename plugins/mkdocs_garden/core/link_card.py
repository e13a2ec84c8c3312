"""What a page tells a chat app or a social site that shows a link to it (WeChat, Telegram,
Slack, X): Open Graph and Twitter card tags, from the note's title, summary and card image."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class LinkCard:
    title: str
    description: str
    site_name: str
    url: str = ""
    """The page's absolute address; empty when the site has no `site_url`."""
    image: str = ""
    """The card image's absolute address, or empty."""


def card_tags(card: LinkCard) -> str:
    """The `<meta>` tags of the card, values escaped."""
    tags = [
        ("property", "og:type", "article"),
        ("property", "og:title", card.title),
        ("property", "og:description", card.description),
        ("property", "og:site_name", card.site_name),
        ("property", "og:locale", "zh_CN"),
        ("property", "og:url", card.url),
        ("property", "og:image", card.image),
        ("name", "twitter:card", "summary_large_image" if card.image else "summary"),
        ("name", "twitter:title", card.title),
        ("name", "twitter:description", card.description),
        ("name", "twitter:image", card.image),
    ]
    return "".join(
        f'<meta {kind}="{name}" content="{escape(value, quote=True)}">\n'
        for kind, name, value in tags
        if value
    )


def reading_time_fact(minutes: int, icon: str) -> str:
    """The reading time, as one of the facts Material shows with a page's dates (`icon`: an
    inline SVG)."""
    return (
        '<span class="md-source-file__fact garden-reading-time">'
        f'<span class="md-icon" title="阅读时间">{icon}</span>约 {minutes} 分钟读完</span>'
    )
