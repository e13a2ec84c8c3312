"""Thin MkDocs adapters over `garden.core`."""
