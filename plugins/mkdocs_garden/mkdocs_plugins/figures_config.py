"""Options of the `garden/figures` plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class FiguresConfig(Config):
    scripts_dir = c.Type(str, default="figures_src")
    """The figure scripts, relative to mkdocs.yml."""
    cache_dir = c.Type(str, default=".cache/figures")
    """Where drawn figures are kept between builds, relative to mkdocs.yml (outside docs/)."""
    formats = c.ListOfItems(c.Choice(("svg", "png")), default=["svg"])
    """Formats each figure is drawn in."""
    site_folder = c.Type(str, default="figures")
    """The folder of the site (and of the vault's file index) that holds the figures."""
    workers = c.Type(int, default=0)
    """Worker processes for redrawing; 0 means one per CPU."""
