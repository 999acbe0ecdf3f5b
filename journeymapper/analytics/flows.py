"""The log's own figures: cases, events, and the directly-follows relation with times.

Two events *directly follow* each other when they are consecutive in one case,
ordered by timestamp and, for equal timestamps, by their order in the file. This is
the directly-follows graph of process mining (van der Aalst, *Process Mining: Data
Science in Action*, Springer 2016, §6.2), with its performance annotation: the time
between the two events, summarised by the median and the 90th percentile (linear
interpolation between ranks, as numpy and pm4py compute them). One window query
computes it; DuckDB sorts in parallel and spills to disk when the log is large.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from journeymapper.analytics.dialect import as_int, as_pair, as_time
from journeymapper.analytics.filters import ALL_CASES, CaseFilter
from journeymapper.analytics.store import Engine


@dataclass(frozen=True, slots=True)
class ActivityFlow:
    """Directly-follows pair of activities, by name as written in the log."""

    source: str
    target: str
    count: int
    median_seconds: float | None
    p90_seconds: float | None


@dataclass(frozen=True, slots=True)
class LogSummary:
    name: str
    cases: int
    events: int
    start: dt.datetime | None
    end: dt.datetime | None
    activities: dict[str, int]  # cases in which each activity occurs
    exact_cases: bool = True  # False for a directly-follows table: counts are visits


def summary(log: Engine, where: CaseFilter = ALL_CASES) -> LogSummary:
    if log.kind == "dfg":
        return _dfg_summary(log)
    kept = where.events_sql(log.dialect)
    row = log.rows(
        f"SELECT count(DISTINCT case_id), count(*), min(ts), max(ts) FROM ({kept}) kept"
    )[0]
    per_activity = log.rows(
        f"SELECT activity, count(DISTINCT case_id) FROM ({kept}) kept "
        "GROUP BY activity ORDER BY 2 DESC, 1"
    )
    return LogSummary(
        log.name,
        as_int(row[0]),
        as_int(row[1]),
        as_time(row[2]),
        as_time(row[3]),
        {str(a): as_int(n) for a, n in per_activity},
    )


def activity_flows(log: Engine, where: CaseFilter = ALL_CASES) -> list[ActivityFlow]:
    """Every directly-follows pair with its count and times, most frequent first."""
    rows: list[tuple[object, ...]]
    if log.kind == "dfg":
        rows = [
            (s, t, n, [m, p])
            for s, t, n, m, p in log.rows(
                "SELECT source, target, sum(count), max(median_seconds), max(p90_seconds) "
                "FROM dfg WHERE source IS NOT NULL AND target IS NOT NULL "
                "GROUP BY source, target ORDER BY 3 DESC, 1, 2"
            )
        ]
    else:
        d = log.dialect
        rows = log.rows(
            f"""SELECT source, target, count(*), {d.quantiles.format("seconds")}
                FROM (SELECT activity AS source,
                             lead(activity) OVER w AS target,
                             {d.seconds_between("ts", "lead(ts) OVER w")} AS seconds
                      FROM ({where.events_sql(d)}) kept
                      WINDOW w AS (PARTITION BY case_id ORDER BY ts, seq)) steps
                WHERE target IS NOT NULL
                GROUP BY source, target ORDER BY 3 DESC, 1, 2"""
        )
    return [ActivityFlow(str(s), str(t), as_int(n), *as_pair(q)) for s, t, n, q in rows]


def _dfg_summary(log: Engine) -> LogSummary:
    """Cases are the rows that start a case (empty source); visits stand in for cases."""
    row = log.rows(
        "SELECT coalesce(sum(count) FILTER (WHERE source IS NULL), 0), "
        "coalesce(sum(count) FILTER (WHERE target IS NOT NULL), 0) FROM dfg"
    )[0]
    visits = log.rows(
        "SELECT target, sum(count) FROM dfg WHERE target IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1"
    )
    return LogSummary(
        log.name,
        as_int(row[0]),
        as_int(row[1]),
        None,
        None,
        {str(a): as_int(n) for a, n in visits},
        exact_cases=False,
    )
