"""Python-Markdown extensions (usable with or without MkDocs)."""
