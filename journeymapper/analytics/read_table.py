"""Read CSV and Parquet logs: DuckDB scans the file; we check and name its columns.

CSV (and TSV, gzipped or not) is read with DuckDB's parallel reader, every column as
text, then checked and parsed once into a table (see tables.py); a row's line is its
row number plus one for the header. Parquet is read in place through a view, its row
position from the file (`file_row_number`), so a 10-million-event file is never
copied. Whatever DuckDB cannot read becomes one `LogError` with its line when it
names one.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

from journeymapper.analytics.columns import ColumnMap
from journeymapper.analytics.errors import LogError
from journeymapper.analytics.store import EventLog
from journeymapper.analytics.tables import Staged, build_events

SNIFF_BYTES = 64 * 1024
_LINE = re.compile(r"[Ll]ine:?\s*(\d+)")
_TEXT_TYPES = {"VARCHAR", "BLOB"}
_TIME_TYPES = ("TIMESTAMP", "DATE")


def sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def duckdb_problem(path: Path, exc: duckdb.Error, what: str) -> LogError:
    """A DuckDB error as one line: the line it names, and the first sentence of it."""
    message = str(exc).strip()
    found = _LINE.search(message)
    first = message.splitlines()[0] if message else type(exc).__name__
    first = re.sub(r"^[A-Za-z ]*Error:\s*", "", first)
    if len(first) > 160:
        first = first[:159] + "…"
    place = f"line {int(found.group(1)):,}" if found else ""
    return LogError(path, place, f"cannot be read as {what} ({first})")


def refuse_binary(path: Path, what: str) -> None:
    """Refuse a file whose start is not text (NUL bytes, or not UTF-8)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError as exc:
        raise LogError(path, "", f"cannot be read ({exc.strerror or exc})") from None
    if not head:
        raise LogError(path, "", "is empty")
    if path.suffix.lower() == ".gz":
        return
    nul = head.find(b"\0")
    if nul >= 0:
        raise LogError(path, f"byte {nul:,}", f"holds binary data, not {what}")
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not just a character cut at the sniff's end
            raise LogError(path, f"byte {exc.start:,}", f"is not UTF-8 text ({what})") from None


def read_csv(log: EventLog, cmap: ColumnMap) -> None:
    path = log.path
    refuse_binary(path, "a CSV file")
    source = f"read_csv({sql_string(str(path))}, all_varchar = true, header = true)"
    try:
        header = [row[0] for row in log.con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()]
        resolved = cmap.resolved(header, path)
        log.con.execute(f"CREATE TABLE raw AS SELECT * FROM {source}")
        staged = Staged("raw", resolved, seq="rowid", line="rowid + 2", text_time=True)
        build_events(log, staged)
        log.con.execute("DROP TABLE raw")
    except duckdb.Error as exc:
        raise duckdb_problem(path, exc, "a CSV file") from None


def read_parquet(log: EventLog, cmap: ColumnMap) -> None:
    path = log.path
    source = f"read_parquet({sql_string(str(path))}, file_row_number = true)"
    try:
        described = log.con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()
        types = {str(row[0]): str(row[1]).upper() for row in described}
        resolved = cmap.resolved([n for n in types if n != "file_row_number"], path)
        assert resolved.timestamp is not None
        kind = types[resolved.timestamp]
        if kind not in _TEXT_TYPES and not kind.startswith(_TIME_TYPES):
            raise LogError(
                path, "", f"the timestamp column '{resolved.timestamp}' holds {kind}, not times"
            )
        staged = Staged(
            source,
            resolved,
            seq="file_row_number",
            line="file_row_number + 1",
            text_time=kind in _TEXT_TYPES,
            materialize=kind in _TEXT_TYPES,
            unit="row",
        )
        build_events(log, staged)
    except duckdb.Error as exc:
        raise duckdb_problem(path, exc, "a Parquet file") from None
