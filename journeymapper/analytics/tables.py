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


def build_events(log: EventLog, staged: Staged) -> None:
    """Create `events` from `staged`, or raise `LogError` at the first unusable row."""
    cmap = staged.columns
    assert cmap.case is not None
    assert cmap.activity is not None
    assert cmap.timestamp is not None
    raw_ts = quote(cmap.timestamp)
    segment = (
        f"NULLIF(trim(CAST({quote(cmap.segment)} AS VARCHAR)), '')" if cmap.segment else "NULL"
    )
    select = f"""
        SELECT case_id, activity, ts, seq, segment, line,
               CASE WHEN ts IS NULL THEN CAST(raw_ts AS VARCHAR) END AS bad_ts
        FROM (SELECT NULLIF(trim(CAST({quote(cmap.case)} AS VARCHAR)), '') AS case_id,
                     NULLIF(trim(CAST({quote(cmap.activity)} AS VARCHAR)), '') AS activity,
                     {_time_sql(raw_ts, cmap, staged.text_time)} AS ts,
                     {raw_ts} AS raw_ts,
                     CAST({staged.seq} AS BIGINT) AS seq,
                     CAST({segment} AS VARCHAR) AS segment,
                     CAST({staged.line} AS BIGINT) AS line
              FROM {staged.source})"""
    kind = "TABLE" if staged.materialize else "VIEW"
    log.con.execute(f"CREATE OR REPLACE {kind} checked AS {select}")
    _refuse_bad_rows(log, cmap, staged.unit)
    log.con.execute(
        f"CREATE OR REPLACE {kind} events AS "
        "SELECT case_id, activity, ts, seq, segment FROM checked"
    )
    log.has_segment = cmap.segment is not None
    if staged.materialize:
        _note_disorder(log)


def _refuse_bad_rows(log: EventLog, cmap: ColumnMap, unit: str) -> None:
    row = log.con.execute(
        """SELECT count(*),
                  arg_min(line, seq) FILTER (WHERE case_id IS NULL),
                  arg_min(line, seq) FILTER (WHERE activity IS NULL),
                  arg_min(line, seq) FILTER (WHERE bad_ts IS NOT NULL OR ts IS NULL),
                  arg_min(bad_ts, seq) FILTER (WHERE bad_ts IS NOT NULL OR ts IS NULL)
           FROM checked"""
    ).fetchone()
    assert row is not None
    count, no_case, no_activity, bad_line, bad_value = row
    if count == 0:
        raise LogError(log.path, "", "holds no events")
    if no_case is not None:
        raise LogError(log.path, f"{unit} {no_case:,}", f"the case id ('{cmap.case}') is empty")
    if no_activity is not None:
        raise LogError(
            log.path, f"{unit} {no_activity:,}", f"the activity ('{cmap.activity}') is empty"
        )
    if bad_line is not None:
        raise LogError(log.path, f"{unit} {bad_line:,}", _time_problem(bad_value, cmap))


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
