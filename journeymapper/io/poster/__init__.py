"""Poster PDFs of journey maps: one sheet fitted, or tiled over smaller paper.

`export_poster(journey, path, options, progress)` is the one entry point the command
line and the editor share; `prepare` gives the page plan alone (for a preview).
"""

from journeymapper.io.poster.export import (
    ExportCancelledError,
    PosterResult,
    Progress,
    export_poster,
    find_persona,
    prepare,
    render_poster,
)
from journeymapper.io.poster.options import Mode, PosterOptions
from journeymapper.io.poster.paper import (
    MAX_PAGE_SIDE,
    PAPERS,
    Orientation,
    Paper,
    PaperError,
    PosterError,
    parse_paper,
)
from journeymapper.io.poster.plan import Plan, Sheet

__all__ = [
    "MAX_PAGE_SIDE",
    "PAPERS",
    "ExportCancelledError",
    "Mode",
    "Orientation",
    "Paper",
    "PaperError",
    "Plan",
    "PosterError",
    "PosterOptions",
    "PosterResult",
    "Progress",
    "Sheet",
    "export_poster",
    "find_persona",
    "parse_paper",
    "prepare",
    "render_poster",
]
