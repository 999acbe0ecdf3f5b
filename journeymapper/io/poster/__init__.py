"""Poster PDFs of journey maps: one sheet fitted, or tiled over smaller paper.

Import from the modules (the package itself stays light, so the command line can read
paper names without loading reportlab):

- `export.export_poster(journey, path, options, progress)`: the one function the
  command line and the editor call; `export.prepare` gives the page plan alone.
- `options.PosterOptions`, `paper.parse_paper`, `paper.PAPERS`, `plan.Plan`.
"""
