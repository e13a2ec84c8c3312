"""The site's feed: RSS 2.0 of the published notes, newest first.

Written by hand with the standard library: the entries come from what the build already knows
(the published notes, their titles, their dates from frontmatter or git, their summaries), so a
feed library would only add a dependency and a second reading of git history. Quartz serves its
feed as `index.xml`, Obsidian Publish as `rss.xml`: the site serves the same feed under both
names, so that a reader who followed either keeps receiving it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from email.utils import format_datetime
from xml.sax.saxutils import escape

FEED_NAMES = ("rss.xml", "index.xml")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
SUMMARY_LENGTH = 200


@dataclass(frozen=True)
class FeedEntry:
    title: str
    url: str
    """Absolute, or relative to the site's root when the site has no `site_url`."""
    date: dt.date | None
    summary: str


def rss_feed(
    title: str, site_url: str, description: str, entries: Iterable[FeedEntry], limit: int = 50
) -> str:
    """The feed of the `limit` newest entries (undated entries last, by title)."""
    ordered = sorted(
        entries, key=lambda e: (e.date is None, -(e.date or dt.date.min).toordinal(), e.title)
    )
    items = "".join(_item(entry) for entry in ordered[:limit])
    newest = next((entry.date for entry in ordered if entry.date is not None), None)
    built = f"<lastBuildDate>{_rfc822(newest)}</lastBuildDate>" if newest else ""
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0">\n<channel>\n'
        f"<title>{_text(title)}</title>\n<link>{_text(site_url)}</link>\n"
        f"<description>{_text(description or title)}</description>\n"
        f"<language>zh</language>{built}\n{items}</channel>\n</rss>\n"
    )


def summary_of(description: str | None, first_paragraph: str) -> str:
    """A note's summary: its `description`, else its first paragraph as text, cut short."""
    text = " ".join((description or first_paragraph).split())
    return text if len(text) <= SUMMARY_LENGTH else text[: SUMMARY_LENGTH - 1] + "…"


def _item(entry: FeedEntry) -> str:
    date = f"<pubDate>{_rfc822(entry.date)}</pubDate>" if entry.date else ""
    permanent = "true" if "://" in entry.url else "false"  # a site without `site_url`
    return (
        f"<item><title>{_text(entry.title)}</title><link>{_text(entry.url)}</link>"
        f'<guid isPermaLink="{permanent}">{_text(entry.url)}</guid>{date}'
        f"<description>{_text(entry.summary)}</description></item>\n"
    )


def _text(value: str) -> str:
    """Text as XML 1.0 takes it: escaped, without the control characters it forbids."""
    return escape(_NOT_XML.sub("", value))


def _rfc822(date: dt.date) -> str:
    return format_datetime(dt.datetime(date.year, date.month, date.day, tzinfo=dt.timezone.utc))
