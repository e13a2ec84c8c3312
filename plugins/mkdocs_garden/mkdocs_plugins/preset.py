"""`garden`: the whole Garden site from one line of `mkdocs.yml`.

    site_name: 我的花园
    site_url: https://example.github.io/notes/
    plugins: [garden]

The line turns on Garden's plugins, Material's search (Chinese split into words) and tags,
the Markdown extensions of generated pages, and, when the site names no theme, the `garden`
theme (Material with Garden's defaults). Each part stays MkDocs' own: a site that lists a
part itself (`- material/search: {...}`, `- garden/connections: {...}`) configures it there, and the
preset leaves it alone; `garden: {tags: false}` leaves a part out.

A theme cannot turn plugins on, so the one line is a plugin. Like Material's `group` plugin,
it loads its parts through MkDocs' own plugin loader while the configuration is read, and
then orders their events as if they had been listed where `garden` is.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from mkdocs.config.config_options import Plugins
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, PluginCollection, event_priority
from mkdocs.theme import Theme
from mkdocs.utils import get_theme_dir
from pymdownx.slugs import slugify

from .preset_config import PresetConfig

log = logging.getLogger("mkdocs.plugins.garden.preset")

SEARCH_SEPARATOR = r'[\s\u200b\u3000\-_,:!=\[\]()"`/、。，．？！；：（）]+|\.(?!\d)'
"""Splits on the zero-width spaces jieba's words are joined with at build time, and on
Chinese punctuation. With the words split already, the `zh` pipeline only adds scripts."""


@dataclass(frozen=True)
class Part:
    name: str
    """The plugin as the preset loads it."""
    listed_as: tuple[str, ...]
    """The names under which a site may have listed it itself."""
    switch: str | None = None
    """The preset's option that leaves it out; None for a part Garden cannot do without."""
    options: dict[str, Any] = field(default_factory=dict)


PARTS = (
    Part("garden/obsidian", ("garden/obsidian",)),
    Part("garden/connections", ("garden/connections",), "connections"),
    Part("garden/incremental", ("garden/incremental",), "connections"),
    Part(
        "material/search",
        ("material/search", "search"),
        "search",
        {"lang": "en", "separator": SEARCH_SEPARATOR},
    ),
    Part("material/tags", ("material/tags", "tags"), "tags"),
    Part("garden/publish", ("garden/publish",), "publish"),
)

MARKDOWN_EXTENSIONS: dict[str, dict[str, Any]] = {
    "admonition": {},
    "attr_list": {},
    "md_in_html": {},
    "footnotes": {},
    "tables": {},
    "pymdownx.details": {},
    "pymdownx.superfences": {
        "custom_fences": [
            {"name": "mermaid", "class": "mermaid", "format": "fence_code_format"},
        ]
    },
    "pymdownx.tasklist": {"custom_checkbox": True},
    "pymdownx.highlight": {"anchor_linenums": True},
    "pymdownx.inlinehilite": {},
    "pymdownx.mark": {},
}


LARGE_SEARCH_INDEX = 10_000_000
"""Bytes of Material's search index past which every reader waits for a long download before
the first result (about 1,300 notes): the build suggests `garden/pagefind`."""


class GardenPreset(BasePlugin[PresetConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command: Literal["build", "gh-deploy", "serve"] = "build"
        self.dirty = False
        self.started: set[int] = set()
        """Parts whose `on_startup` has run (MkDocs keeps plugins across `serve` rebuilds)."""

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.command, self.dirty = command, dirty
        self.started = set()  # a new command: each part hears of it when next loaded

    @event_priority(150)  # before every other plugin reads the configuration
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        _choose_theme(config)
        loaded = self._load_parts(config)
        _order_as_listed(config.plugins, self, loaded)
        for plugin in loaded:
            if id(plugin) not in self.started and hasattr(plugin, "on_startup"):
                plugin.on_startup(command=self.command, dirty=self.dirty)
            self.started.add(id(plugin))
        if self.config.markdown_extensions:
            _add_markdown_extensions(config)
        return config

    @event_priority(-100)  # after Material's search has written its index
    def on_post_build(self, config: MkDocsConfig) -> None:
        index = Path(config.site_dir) / "search" / "search_index.json"
        if "garden/pagefind" in config.plugins or not index.is_file():
            return
        size = index.stat().st_size
        if size > LARGE_SEARCH_INDEX:
            log.info(
                f"garden: the search index is {size / 1e6:.1f} MB, which every reader downloads "
                "before the first result; garden/pagefind loads only what a query needs "
                "(pip install 'mkdocs-garden[pagefind]', then list `- garden/pagefind` after "
                "`- garden`)"
            )

    def _load_parts(self, config: MkDocsConfig) -> list[BasePlugin[Any]]:
        option = dict(config._schema)["plugins"]
        assert isinstance(option, Plugins)
        _refuse_mkdocs_search(config)
        loaded: list[BasePlugin[Any]] = []
        for part in PARTS:
            if part.switch is not None and not getattr(self.config, part.switch):
                continue
            if any(name in config.plugins for name in part.listed_as):
                continue
            known = len(option.warnings)
            try:
                _, plugin = option.load_plugin_with_namespace(part.name, dict(part.options))
            except Exception as error:  # MkDocs' own message for a plugin it cannot load
                raise PluginError(f"garden: could not turn on {part.name}: {error}") from error
            for warning in option.warnings[known:]:
                log.warning(f"garden: {warning}")
            loaded.append(plugin)
        return loaded


def _choose_theme(config: MkDocsConfig) -> None:
    """The `garden` theme when the site names none (MkDocs' own theme is only ever there by
    default); a theme not built on Material cannot show Garden's pages."""
    theme = config.theme
    if theme.name == "mkdocs":
        own = theme.dirs[0] if theme.dirs[0] != get_theme_dir("mkdocs") else None
        config.theme = Theme(name="garden", custom_dir=own)
        log.info("garden: the site names no theme, so it has the `garden` theme")
        return
    if get_theme_dir("material") not in config.theme.dirs:
        raise PluginError(
            f"garden: the theme '{theme.name}' is not built on Material for MkDocs; "
            "use `theme: garden` (or `material`, or a theme that extends it)"
        )


def _refuse_mkdocs_search(config: MkDocsConfig) -> None:
    """MkDocs reads a plain `search` by the theme's name: under the `garden` theme (or none)
    that is MkDocs' own search, which Material does not show and which does not split
    Chinese into words."""
    plugin = config.plugins.get("search")
    if plugin is not None and type(plugin).__module__.startswith(("mkdocs.", "properdocs.")):
        raise PluginError(
            "garden: `search` here is MkDocs' own search, not Material's (MkDocs names plugins "
            "by the theme): write `material/search` to set its options"
        )


def _order_as_listed(
    collection: PluginCollection, preset: BasePlugin[Any], parts: list[BasePlugin[Any]]
) -> None:
    """Register every plugin's events again, with the parts placed right after the preset,
    so that events of equal priority run in the order of the `plugins` list."""
    if not parts:
        return
    items = [(key, plugin) for key, plugin in collection.items() if plugin not in parts]
    at = next(i for i, (_, plugin) in enumerate(items) if plugin is preset) + 1
    part_items = [(key, plugin) for key, plugin in collection.items() if plugin in parts]
    ordered = items[:at] + part_items + items[at:]
    for methods in collection.events.values():
        methods.clear()  # the same lists: MkDocs may be running one of them right now
    dict.clear(collection)
    for key, plugin in ordered:
        collection[key] = plugin


def _add_markdown_extensions(config: MkDocsConfig) -> None:
    for name, options in MARKDOWN_EXTENSIONS.items():
        if name not in config.markdown_extensions:
            config.markdown_extensions.append(name)
            config.mdx_configs[name] = _with_functions(options)
    toc = config.mdx_configs.setdefault("toc", {})
    if "toc" not in config.markdown_extensions:
        config.markdown_extensions.append("toc")
    toc.setdefault("permalink", True)
    # Chinese headings keep their characters in their ids (Markdown's default drops them).
    toc.setdefault("slugify", slugify(case="lower"))


def _with_functions(options: dict[str, Any]) -> dict[str, Any]:
    """The options as the extension reads them: a custom fence's `format` is a function."""
    if "custom_fences" not in options:
        return dict(options)
    from pymdownx.superfences import fence_code_format

    fences = [{**fence, "format": fence_code_format} for fence in options["custom_fences"]]
    return {**options, "custom_fences": fences}
