"""Garden: publish an Obsidian vault as a MkDocs + Material site.

`garden.core` is a pure library (no MkDocs import); `garden.mkdocs_plugins`
holds the thin MkDocs adapters.
"""
