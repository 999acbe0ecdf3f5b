"""Turn whatever a reader staged into the checked `events` relation (see store.py).

Every reader hands over a SQL source with the log's own columns, a column map and how
to name a row's place in the file. One pass finds the first missing case id, missing
activity and unreadable timestamp; any of them is a `LogError` naming the file and the
line. Events of a case written out of time order are fine (they are sorted by time,
as process-mining tools do) and counted in a note.
"""

from __future__ import annotations

from dataclasses import dataclass

from journeymapper.analytics.columns import ColumnMap
from journeymapper.analytics.errors import LogError
from journeymapper.analytics.store import EventLog


def quote(name: str) -> str:
    """A column name as a SQL identifier, whatever characters it holds."""
    return '"' + name.replace('"', '""') + '"'


@dataclass(frozen=True, slots=True)
class Staged:
    """A reader's rows: `source` is SQL (a table, or `read_parquet(...)`), `line` the SQL
    expression of a row's line in the file, `seq` the expression of its position."""

    source: str
    columns: ColumnMap  # resolved: every role names a column of `source`
    seq: str
    line: str
    text_time: bool  # the timestamp column holds text to parse
    materialize: bool = True
    unit: str = "line"  # how a place is named: "line 12", "row 12"


def _time_sql(column: str, cmap: ColumnMap, text: bool) -> str:
    if not text:
        return f"CAST({column} AS TIMESTAMP)"
    if cmap.timestamp_format:
        fmt = cmap.timestamp_format.replace("'", "''")
        return f"CAST(try_strptime(trim({column}), '{fmt}') AS TIMESTAMP)"
    return f"CAST(TRY_CAST(trim({column}) AS TIMESTAMPTZ) AS TIMESTAMP)"


def _text_sql(column: str, clean: bool) -> str:
    """A column as text; from a text source trimmed, with empty text as missing."""
    value = f"CAST({quote(column)} AS VARCHAR)"
    return f"NULLIF(trim({value}), '')" if clean else value


def build_events(log: EventLog, staged: Staged) -> None:
    """Create `events` from `staged`, or raise `LogError` at the first unusable row.

    A text source is cleaned and parsed once into a table; a typed Parquet file stays
    where it is, behind a view that only renames its columns (cleaning text on every
    query of 10 million rows cost a third of the time)."""
    cmap = staged.columns
    assert cmap.case is not None
    assert cmap.activity is not None
    assert cmap.timestamp is not None
    clean = staged.materialize
    segment = _text_sql(cmap.segment, clean) if cmap.segment else "CAST(NULL AS VARCHAR)"
    raw_ts = quote(cmap.timestamp)
    select = f"""
        SELECT {_text_sql(cmap.case, clean)} AS case_id,
               {_text_sql(cmap.activity, clean)} AS activity,
               {_time_sql(raw_ts, cmap, staged.text_time)} AS ts,
               CAST({staged.seq} AS BIGINT) AS seq,
               {segment} AS segment,
               CAST({staged.line} AS BIGINT) AS line,
               CAST({raw_ts} AS VARCHAR) AS raw_ts
        FROM {staged.source}"""
    kind = "TABLE" if staged.materialize else "VIEW"
    log.progress.step("Checking the events")
    log.con.execute(f"CREATE OR REPLACE {kind} checked AS {select}")
    _refuse_bad_rows(log, cmap, staged.unit)
    log.con.execute(
        f"CREATE OR REPLACE {kind} events AS "
        "SELECT case_id, activity, ts, seq, segment FROM checked"
    )
    log.has_segment = cmap.segment is not None
    if staged.materialize:
        _note_disorder(log)


_BAD = {
    "case": "case_id IS NULL OR case_id = ''",
    "activity": "activity IS NULL OR activity = ''",
    "time": "ts IS NULL",
}


def _refuse_bad_rows(log: EventLog, cmap: ColumnMap, unit: str) -> None:
    """One counting pass; only when a row is bad, a second pass finds the first."""
    counts = log.con.execute(
        "SELECT count(*), "
        + ", ".join(f"count(*) FILTER (WHERE {cond})" for cond in _BAD.values())
        + " FROM checked"
    ).fetchone()
    assert counts is not None
    if counts[0] == 0:
        raise LogError(log.path, "", "holds no events")
    for (what, cond), bad in zip(_BAD.items(), counts[1:], strict=True):
        if not bad:
            continue
        row = log.con.execute(
            f"SELECT line, raw_ts FROM checked WHERE {cond} ORDER BY seq LIMIT 1"
        ).fetchone()
        assert row is not None
        place = f"{unit} {row[0]:,}"
        if what == "case":
            raise LogError(log.path, place, f"the case id ('{cmap.case}') is empty")
        if what == "activity":
            raise LogError(log.path, place, f"the activity ('{cmap.activity}') is empty")
        raise LogError(log.path, place, _time_problem(row[1], cmap))


def _time_problem(value: str | None, cmap: ColumnMap) -> str:
    if value is None or not value.strip():
        return f"the timestamp ('{cmap.timestamp}') is empty"
    shown = value if len(value) <= 40 else value[:39] + "…"
    how = (
        f"does not match the format {cmap.timestamp_format}"
        if cmap.timestamp_format
        else "is not a date and time (expected ISO 8601, e.g. 2024-03-01 14:05:00; "
        "give another form with --timestamp-format)"
    )
    return f"the timestamp {shown!r} {how}"


def _note_disorder(log: EventLog) -> None:
    """Count cases whose events the file lists out of time order (they are sorted)."""
    row = log.con.execute(
        """SELECT count(DISTINCT case_id), arg_min(case_id, seq)
           FROM (SELECT case_id, seq, ts < lag(ts) OVER (PARTITION BY case_id ORDER BY seq)
                        AS back FROM events)
           WHERE back"""
    ).fetchone()
    if row and row[0]:
        log.notes.append(
            f"{row[0]:,} cases list events out of time order (the first: case "
            f"'{row[1]}'); they were taken in time order"
        )
