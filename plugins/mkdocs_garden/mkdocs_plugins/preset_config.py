"""Options of the `garden` plugin: which parts of the whole Garden site it turns on."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class PresetConfig(Config):
    connections = c.Type(bool, default=True)
    """Backlinks, the graph, folder and tag pages (`garden/connections`)."""
    search = c.Type(bool, default=True)
    """Material's search, with Chinese split into words at build time."""
    tags = c.Type(bool, default=True)
    """Material's tags plugin (the tags index and each note's tag chips)."""
    publish = c.Type(bool, default=True)
    """What GitHub Pages needs beside the site (`garden/publish`)."""
    markdown_extensions = c.Type(bool, default=True)
    """The Markdown extensions of the pages other plugins write (folder, tag and graph pages,
    Material's tags index); notes are rendered by Garden and need none."""
