"""Thin MkDocs adapters over `mkdocs_garden.core`."""
