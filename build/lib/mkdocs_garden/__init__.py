"""Garden: publish an Obsidian vault as a MkDocs + Material site.

`mkdocs_garden.core` is a pure library (no MkDocs import); `mkdocs_garden.mkdocs_plugins`
holds the thin MkDocs adapters.
"""
