"""Read a pre-aggregated directly-follows table: for logs that live in a warehouse.

A log of a billion events need not leave its warehouse: one query there (printed in
the README) reduces it to one row per pair of activities that follow each other —
`source, target, count`, optionally `median_seconds` and `p90_seconds` — and, with an
empty source or target, how many cases start or end at an activity. That table, as CSV
or Parquet, is all the overlay needs for arrows; reach is then counted in visits (the
arrows into a touchpoint), since the table no longer knows the cases.
"""

from __future__ import annotations

import duckdb

from journeymapper.analytics.errors import LogError
from journeymapper.analytics.read_table import duckdb_problem, refuse_binary, sql_string
from journeymapper.analytics.store import EventLog
from journeymapper.analytics.tables import quote

REQUIRED = ("source", "target", "count")
OPTIONAL = ("median_seconds", "p90_seconds")


def source_sql(log: EventLog) -> str:
    path = sql_string(str(log.path))
    if log.path.suffix.lower() in {".parquet", ".pq"}:
        return f"read_parquet({path})"
    return f"read_csv({path}, all_varchar = true, header = true)"


def is_dfg(header: list[str]) -> bool:
    folded = {h.strip().casefold() for h in header}
    return all(name in folded for name in REQUIRED)


def read_dfg(log: EventLog) -> None:
    """Create the table `dfg(source, target, count, median_seconds, p90_seconds)`."""
    what = "a directly-follows table"
    if log.path.suffix.lower() not in {".parquet", ".pq"}:
        refuse_binary(log.path, what)
    try:
        source = source_sql(log)
        header = [r[0] for r in log.con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()]
        names = {h.strip().casefold(): h for h in header}
        missing = [n for n in REQUIRED if n not in names]
        if missing:
            raise LogError(
                log.path,
                "",
                f"a directly-follows table needs the columns "
                f"source, target, count; '{missing[0]}' is missing",
            )
        optional = {
            n: f"TRY_CAST({quote(names[n])} AS DOUBLE)" if n in names else "NULL::DOUBLE"
            for n in OPTIONAL
        }
        log.con.execute(f"CREATE TABLE dfg_rows AS SELECT * FROM {source}")
        log.con.execute(
            f"""CREATE TABLE dfg AS SELECT
                  NULLIF(trim(CAST({quote(names["source"])} AS VARCHAR)), '') AS source,
                  NULLIF(trim(CAST({quote(names["target"])} AS VARCHAR)), '') AS target,
                  TRY_CAST({quote(names["count"])} AS BIGINT) AS count,
                  {optional["median_seconds"]} AS median_seconds,
                  {optional["p90_seconds"]} AS p90_seconds,
                  rowid + 2 AS line
                FROM dfg_rows"""
        )
        log.con.execute("DROP TABLE dfg_rows")
    except duckdb.Error as exc:
        raise duckdb_problem(log.path, exc, what) from None
    _check(log)


def _check(log: EventLog) -> None:
    row = log.con.execute(
        """SELECT count(*),
                  min(line) FILTER (WHERE count IS NULL OR count < 0),
                  min(line) FILTER (WHERE source IS NULL AND target IS NULL)
           FROM dfg"""
    ).fetchone()
    assert row is not None
    rows, bad_count, no_ends = row
    if rows == 0:
        raise LogError(log.path, "", "holds no rows")
    if bad_count is not None:
        raise LogError(log.path, f"line {bad_count:,}", "the count is not a whole number ≥ 0")
    if no_ends is not None:
        raise LogError(log.path, f"line {no_ends:,}", "both source and target are empty")
