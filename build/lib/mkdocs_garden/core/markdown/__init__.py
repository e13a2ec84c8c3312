"""Obsidian syntax on markdown-it-py: one module per syntax, each with an `xxx_plugin(md)`."""
