"""Options of the `garden/pagefind` plugin: none yet (what is indexed follows the publishing
rules, and the search box is Material's)."""

from __future__ import annotations

from mkdocs.config.base import Config


class PagefindConfig(Config):
    pass
