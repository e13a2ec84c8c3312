"""Card images in a build: which notes get one, drawing them while the site builds, and
putting them into the site. The drawing is in `mkdocs_garden.card_images`; this connects it to
the build `garden/connections` runs, and says once why cards cannot be drawn here."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from importlib.metadata import version
from importlib.util import find_spec
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from mkdocs_garden.card_images.fonts import CardFonts, find_cjk_fonts
from mkdocs_garden.card_images.plan import DRAWING_VERSION, SITE_FOLDER, card_for, primary_colour
from mkdocs_garden.card_images.runner import CardJob

log = logging.getLogger("mkdocs.plugins.garden.connections")


class CardImages:
    def __init__(self, font_option: str) -> None:
        self.font_option = font_option
        self.urls: dict[str, str] = {}
        """Each note's drawn card image, as a site URL."""
        self.job: CardJob | None = None
        self._fonts: tuple[CardFonts | None] | None = None

    def start(
        self,
        notes: Iterable[str],
        titles: Mapping[str, str],
        config: MkDocsConfig,
        cache_dir: Path,
    ) -> None:
        """Plan a card for each of `notes` and start drawing those the cache lacks; the
        drawing goes on while the site builds."""
        self.urls = {}
        fonts = self._card_fonts()
        if fonts is None:
            return
        versions = f"{DRAWING_VERSION}/{version('matplotlib')}/{version('pillow')}"
        primary = primary_colour(config.theme.get("palette"))
        cards = {}
        for path in notes:
            card = card_for(titles[path], path, config.site_name, primary, fonts, versions)
            name = card.file_name()
            cards[name] = card
            self.urls[path] = f"{SITE_FOLDER}/{name}"
        self.job = CardJob(cards, cache_dir).start()
        if self.job.missing:
            missing = len(self.job.missing)
            log.info(f"garden: card images: {missing} to draw, {len(cards) - missing} cached")

    def finish(self, site_dir: Path) -> None:
        """Wait for the drawing and put every card the pages name into the site."""
        job, self.job = self.job, None
        if job is None:
            return
        drawn, error = job.finish(site_dir)
        if error is not None:
            log.error(f"garden: card images could not all be drawn: {error}")
        if drawn:
            log.info(f"garden: card images: {drawn} drawn ({job.seconds():.2f} s)")

    def stop(self) -> None:
        if self.job is not None:
            self.job.stop()
            self.job = None

    def _card_fonts(self) -> CardFonts | None:
        """The card font, looked for once a process; None (said once) when cards cannot be
        drawn here."""
        if self._fonts is None:
            fonts = None
            if find_spec("matplotlib") is None:
                log.info(
                    "garden: no card images: they are drawn with matplotlib, which is not "
                    "installed (pip install 'mkdocs-garden[cards]')"
                )
            elif (fonts := find_cjk_fonts(self.font_option)) is None:
                chosen = self.font_option
                log.warning(
                    f"garden: no card images: the font file {chosen} does not exist"
                    if chosen
                    else "garden: no card images: no CJK font is installed (for example "
                    "`apt-get install fonts-noto-cjk`), or name a font file in card_font"
                )
            self._fonts = (fonts,)
        return self._fonts[0]
