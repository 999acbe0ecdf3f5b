"""Benchmarks of the poster PDF export (issue 4): fit on A0, and tiled onto A4 at 100 %.

Each case times `export_poster` on a loaded map, as File ▸ Export and `journeymapper
export` run it: layout, coverage summary, drawing, saving with embedded font subsets,
and the atomic write. Budgets (medians): 1,000 touchpoints fit on A0 ≤ 0.3 s; 10,000 fit
≤ 3 s; 10,000 tiled onto A4 at 100 % ≤ 10 s. At 100,000 cards only the fit is run (once
per repeat fewer): tiled at 100 % it would be a 60 m wall of paper.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from functools import partial

from benchmarks.core import DATA, map_file
from benchmarks.run import Case
from journeymapper.io.journey_file import load_journey
from journeymapper.io.poster.export import export_poster
from journeymapper.io.poster.options import Mode, PosterOptions
from journeymapper.io.poster.paper import PAPERS

MAX_TILE_SIZE = 10_000
DATE = dt.date(2025, 1, 1)
OPERATIONS = {
    "poster fit A0": PosterOptions(paper=PAPERS["a0"], date=DATE),
    "poster tile A4 100%": PosterOptions(
        mode=Mode.TILE, tile_paper=PAPERS["a4"], scale=1.0, date=DATE
    ),
}
TARGETS = {
    ("poster fit A0", 1_000): 0.3,
    ("poster fit A0", 10_000): 3.0,
    ("poster tile A4 100%", 10_000): 10.0,
}


def _export(size: int, operation: str) -> Callable[[], object]:
    journey = load_journey(map_file(size))
    target = DATA / f"poster-{size}-{operation.split()[1]}.pdf"
    options = OPERATIONS[operation]
    return lambda: export_poster(journey, target, options)


def cases(sizes: Sequence[int]) -> Iterator[Case]:
    for size in sizes:
        for operation in OPERATIONS:
            if operation.startswith("poster tile") and size > MAX_TILE_SIZE:
                continue
            yield Case(
                operation,
                size,
                partial(_export, size, operation),
                TARGETS.get((operation, size)),
                "json.loads",
                repeat=2 if size >= 100_000 else None,
                trace=size < 100_000,
            )
