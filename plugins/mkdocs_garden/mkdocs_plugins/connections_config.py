"""Options of the `garden/connections` plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class ConnectionsConfig(Config):
    backlinks = c.Type(bool, default=True)
    """End each note with the published notes that link to or embed it."""
    backlinks_empty = c.Choice(("message", "hide"), default="message")
    """For a note nothing links to: a short sentence saying so, or no backlinks at all."""
    backlinks_limit = c.Type(int, default=100)
    """Linking notes a page shows at most, with their sentences; a note more link to gets a
    list of them all on pages of its own (`反向链接/…`), so that no page grows with the vault;
    0 shows them all."""
    graph = c.Type(bool, default=True)
    """Write the laid-out graph as JSON and show a local graph on each note."""
    graph_file = c.Type(str, default="graph.json")
    graph_page = c.Type(str, default="graph.md")
    """The generated page showing the whole graph; empty for none."""
    graph_tags = c.Type(bool, default=False)
    """Show tags as nodes, linked to the notes that carry them."""
    graph_ghosts = c.Type(bool, default=False)
    """Show notes that are linked to but not written yet as faint nodes."""
    nav_limit = c.Type(int, default=60)
    """Items of a folder the navigation shows on each page, around the page's own (the rest
    behind a link to the folder's page), so that a page's size does not grow with its folder;
    0 shows them all."""
    folder_pages = c.Type(bool, default=True)
    """A listing page for every folder without an index note."""
    listing_size = c.Type(int, default=200)
    """Notes on each page of a folder's or a tag's listing (a long one goes on over several
    pages, so that no page grows with the vault); 0 lists them all on one."""
    tag_pages = c.Type(bool, default=True)
    """A page per tag, in the folder of the tags index (Material's listing, one tag)."""
    git_dates = c.Type(bool, default=True)
    """Take a note's dates from git history when its frontmatter has none."""
    redirects = c.Type(bool, default=True)
    """A redirect to each published note from its aliases and its `permalink`."""
    feed = c.Type(bool, default=True)
    """An RSS feed of the published notes, as `rss.xml` and `index.xml`."""
    link_cards = c.Type(bool, default=True)
    """Each page's description and Open Graph / Twitter tags, for links shared in chat apps."""
    card_images = c.Type(bool, default=True)
    """For a note without an `image` or `cover` property, a card image drawn with its title
    and the site's name (needs matplotlib, `mkdocs-garden[figures]`, a CJK font and
    `site_url`)."""
    card_font = c.Type(str, default="")
    """The font file card images are drawn with; by default the best CJK font installed."""
    reading_time = c.Type(bool, default=True)
    """How long each note takes to read, shown with its dates."""
