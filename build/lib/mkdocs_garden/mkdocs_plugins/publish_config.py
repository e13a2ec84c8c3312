"""Options of the `garden/publish` plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class PublishConfig(Config):
    cname = c.Type(str, default="")
    """A custom domain for GitHub Pages (e.g. `notes.example.org`): written as the site's CNAME."""
