"""Options of the `garden/pagefind` plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class PagefindConfig(Config):
    exclude = c.ListOfItems(c.Type(str), default=[])
    """More CSS selectors of page parts Pagefind leaves out of the index."""
