"""What a poster export is asked to do: the paper, how the map goes on it, what it shows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from journeymapper.io.poster.paper import PAPERS, Orientation, Paper, PaperError

MIN_SCALE = 0.01
MAX_SCALE = 10.0
MAX_OVERLAP_MM = 50.0


class Mode(StrEnum):
    FIT = "fit"
    """The whole poster on one sheet of `paper`, scaled to fit within the margins."""
    TILE = "tile"
    """The poster at `scale` over as many sheets of `tile_paper` as it needs."""
    ACTUAL = "actual"
    """The poster at `scale` on one page exactly as large as it needs."""


@dataclass(frozen=True, slots=True)
class PosterOptions:
    """Everything a poster export can be asked; the defaults make an A3 poster that fits."""

    paper: Paper = PAPERS["a3"]
    orientation: Orientation = Orientation.AUTO
    mode: Mode = Mode.FIT
    tile_paper: Paper = PAPERS["a4"]
    scale: float = 1.0
    overlap_mm: float = 10.0
    margin_mm: float = 10.0
    persona: str | None = None
    """A persona id or name: its emotion line and cards are highlighted."""
    findings: bool = False
    legend: bool = True
    date: dt.date | None = None
    """The date the title block shows; today when None (pass one for byte-stable output)."""

    def checked(self) -> PosterOptions:
        """These options, or a `PaperError` naming the first value out of range."""
        if not MIN_SCALE <= self.scale <= MAX_SCALE:
            raise PaperError(
                f"scale must be between {MIN_SCALE:g} and {MAX_SCALE:g} (1 is 100 %), "
                f"not {self.scale:g}"
            )
        if not 0 <= self.overlap_mm <= MAX_OVERLAP_MM:
            raise PaperError(
                f"overlap must be between 0 and {MAX_OVERLAP_MM:g} mm, not {self.overlap_mm:g}"
            )
        if not 0 <= self.margin_mm <= 50:
            raise PaperError(f"margin must be between 0 and 50 mm, not {self.margin_mm:g}")
        return self

    @property
    def day(self) -> dt.date:
        return self.date or dt.date.today()
