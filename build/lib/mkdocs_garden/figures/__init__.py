"""The figures build step, free of MkDocs: find the figure scripts, redraw those whose inputs
changed (in parallel worker processes), and keep the results in a cache folder."""
