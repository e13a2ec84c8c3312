"""Connections between notes: links, backlinks, the graph and its layout."""
