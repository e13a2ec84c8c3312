"""The MkDocs-free core: vault index, link resolution, Obsidian syntax, frontmatter."""
