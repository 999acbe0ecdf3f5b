"""Open any event log the product reads, by its name or its columns.

`.xes` and `.xes.gz` are XES; `.parquet` is Parquet; `.csv`, `.tsv`, `.txt` (gzipped
or not) are CSV. A CSV or Parquet table with `source`, `target` and `count` columns and
no case column is a pre-aggregated directly-follows table (read_dfg.py).
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from journeymapper.analytics.columns import ColumnMap
from journeymapper.analytics.errors import LogError
from journeymapper.analytics.progress import Progress
from journeymapper.analytics.read_dfg import is_dfg, read_dfg, source_sql
from journeymapper.analytics.read_table import (
    duckdb_problem,
    read_csv,
    read_parquet,
    refuse_binary,
)
from journeymapper.analytics.read_xes import read_xes
from journeymapper.analytics.store import EventLog, connect

XES = (".xes", ".xes.gz")
PARQUET = (".parquet", ".pq")
CSV = (".csv", ".tsv", ".txt", ".csv.gz", ".tsv.gz")
SUFFIXES = (*XES, *PARQUET, *CSV)


def log_format(path: Path) -> str:
    name = path.name.lower()
    for kind, suffixes in (("xes", XES), ("parquet", PARQUET), ("csv", CSV)):
        if name.endswith(suffixes):
            return kind
    raise LogError(
        path, "", f"is not an event log JourneyMapper reads (it reads {', '.join(SUFFIXES)})"
    )


def open_log(
    path: str | Path, columns: ColumnMap | None = None, progress: Progress | None = None
) -> EventLog:
    """Read the log at `path`; the caller closes it (it is a context manager).

    `progress` hears the steps and may cancel: then `CancelledError`, or the `LogError` of an
    interrupted query, and nothing is left behind."""
    path = Path(path)
    kind = log_format(path)
    if not path.is_file():
        why = "does not exist" if not path.exists() else "is not a regular file"
        raise LogError(path, "", why)
    progress = progress or Progress()
    progress.step(f"Reading {path.name}")
    con, spill = connect()
    log = EventLog(con, path, spill, "events", progress=progress)
    try:
        progress.watch(con)
        _read(log, kind, columns or ColumnMap())
    except BaseException:
        log.close()
        raise
    return log


def _read(log: EventLog, kind: str, columns: ColumnMap) -> None:
    if kind == "xes":
        read_xes(log, columns)
        return
    if columns.case is None and _looks_like_dfg(log):
        log.kind = "dfg"
        read_dfg(log)
        return
    if kind == "parquet":
        read_parquet(log, columns)
    else:
        read_csv(log, columns)


def _looks_like_dfg(log: EventLog) -> bool:
    try:
        if log.path.suffix.lower() not in PARQUET:
            refuse_binary(log.path, "a CSV file")
        rows = log.con.execute(f"DESCRIBE SELECT * FROM {source_sql(log)}").fetchall()
    except duckdb.Error as exc:
        raise duckdb_problem(log.path, exc, f"a {log_format(log.path).upper()} file") from None
    header = [str(r[0]) for r in rows]
    lowered = {h.casefold() for h in header}
    return is_dfg(header) and "case:concept:name" not in lowered and "case_id" not in lowered
