"""Options of the `garden/obsidian` plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class ObsidianConfig(Config):
    publish = c.Choice(("explicit", "exclude"), default="explicit")
    """`explicit`: only notes with `publish: true`; `exclude`: all but `publish: false`."""
    missing_links = c.Choice(("info", "warn"), default="info")
    """Log level for links to notes that do not exist or are not published."""
    former_urls = c.ListOfItems(c.Type(str), default=[])
    """Addresses the site was published under before; links to them become local links."""
    mermaid_script = c.Type(str, default="node_modules/mermaid/dist/mermaid.min.js")
    """Mermaid's browser script (`npm install mermaid@11` puts it here), relative to mkdocs.yml;
    served by the site, and needed only by a site with diagrams."""
    home = c.Type(str, default="")
    """For a vault without `index.md`: the note (its path in the vault) that is the home page;
    by default `Home.md` or `首页.md`, as Obsidian Publish names a home note."""
    sanitize_html = c.Type(bool, default=True)
    """Remove what could run script from every page (as Obsidian does); false keeps raw HTML."""
    public = c.ListOfItems(c.Type(str), default=[])
    """Vault folders (or files) published whole: the site's own pages, styles, scripts. Any
    other attachment is published only when a published note links to it or embeds it."""
    line_breaks = c.Choice(("obsidian", "breaks", "strict"), default="obsidian")
    """`obsidian`: as the vault's `.obsidian/app.json` says (a newline is a line break unless
    "Strict line breaks" is on); `breaks` or `strict` to choose here."""
    properties = c.ListOfItems(c.Type(str), default=[])
    """Properties shown at the top of each note's page (`related`, `up`…), their links linked;
    links in any property count for backlinks and the graph whether shown or not."""
    cache_dir = c.Type(str, default=".cache/garden")
    """Where Garden keeps what it made between builds (rendered notes, card images), relative
    to mkdocs.yml;
    outside docs/, and safe to delete."""
    lightbox = c.Type(bool, default=True)
    """Click an image of a note (figures too) to see it enlarged (GLightbox, from the site)."""
