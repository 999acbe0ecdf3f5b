"""CSV, one row per touchpoint: the format's two entry points, `read_csv` and `write_csv`.

`csv_write` says what the columns hold; `csv_read` reads exported sheets losslessly
and hand-typed ones as well as they can be.
"""

from __future__ import annotations

from pathlib import Path

from journeymapper.io.atomic import write_atomic
from journeymapper.io.interchange.build import ImportResult, read_limited
from journeymapper.io.interchange.csv_read import parse_csv
from journeymapper.io.interchange.csv_write import csv_text
from journeymapper.io.interchange.errors import CsvError
from journeymapper.model.document import Journey

DELIMITERS = (",", ";", "\t")


def read_csv(path: str | Path) -> ImportResult:
    """Import a CSV file; raises `CsvError` only when nothing in it can be read."""
    return parse_csv(read_limited(path, CsvError), path)


def write_csv(
    journey: Journey, path: str | Path, *, delimiter: str = ",", bom: bool = True
) -> None:
    """Write the CSV atomically; the UTF-8 BOM makes Excel read accents correctly."""
    if delimiter not in DELIMITERS:
        raise ValueError("the delimiter must be ',', ';' or a tab")
    data = csv_text(journey, delimiter).encode("utf-8")
    write_atomic(path, (b"\xef\xbb\xbf" if bom else b"") + data)
