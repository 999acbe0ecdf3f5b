"""The log's own figures: cases, events, and the directly-follows relation with times.

Two events *directly follow* each other when they are consecutive in one case,
ordered by timestamp and, for equal timestamps, by their order in the file. This is
the directly-follows graph of process mining (van der Aalst, *Process Mining: Data
Science in Action*, Springer 2016, §6.2), with its performance annotation: the time
between the two events, summarised by the median and the 90th percentile (linear
interpolation between ranks, as numpy and pm4py compute them), counts and both
quantiles from one grouping pass.

Spark runs it as one window query (`lead() OVER (PARTITION BY case ORDER BY time)`).
DuckDB runs the same relation in two steps that cost half the CPU time: one parallel
sort of the events by case, time and file order into a table, then one streaming pass
that pairs each row with the next (DuckDB documents that a table read alone keeps the
order rows were inserted in, and that `OVER ()` windows keep the order they read).
Cases and activities are numbered first, so the sort compares integers rather than
text. DuckDB spills the sort to disk when the log is larger than its memory limit.
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
    elif log.dialect.stored_order:
        rows = _sorted_flows(log, where)
    else:
        rows = log.rows(_window_flows_sql(log, where))
    return [ActivityFlow(str(s), str(t), as_int(n), *as_pair(q)) for s, t, n, q in rows]


def _window_flows_sql(log: Engine, where: CaseFilter) -> str:
    d = log.dialect
    return f"""SELECT source, target, count(*), {d.quantiles.format("seconds")}
        FROM (SELECT activity AS source,
                     lead(activity) OVER w AS target,
                     {d.seconds_between("ts", "lead(ts) OVER w")} AS seconds
              FROM ({where.events_sql(d)}) kept
              WINDOW w AS (PARTITION BY case_id ORDER BY ts, seq)) steps
        WHERE target IS NOT NULL
        GROUP BY source, target ORDER BY 3 DESC, 1, 2"""


_NUMBERED = (
    "SELECT {0}, CAST(row_number() OVER () AS INTEGER) AS n "
    "FROM (SELECT DISTINCT {0} FROM ({1}) k) d"
)


def _sorted_flows(log: Engine, where: CaseFilter) -> list[tuple[object, ...]]:
    """The DuckDB way (see the module docstring): sort once, then pair neighbours."""
    d = log.dialect
    kept = where.events_sql(d)
    log.keep("jm_case_no", _NUMBERED.format("case_id", kept))
    log.keep("jm_activity_no", _NUMBERED.format("activity", kept))
    try:
        log.keep(
            "jm_ordered",
            f"""SELECT c.n AS c, a.n AS a, {d.micros.format("k.ts")} AS us
                FROM ({kept}) k JOIN jm_case_no c ON c.case_id = k.case_id
                     JOIN jm_activity_no a ON a.activity = k.activity
                ORDER BY c.n, k.ts, k.seq""",
        )
        return log.rows(
            f"""SELECT s.activity, t.activity, pairs.count,
                       [pairs.q[1] / 1e6, pairs.q[2] / 1e6]
                FROM (SELECT a, next_a, count(*) AS count,
                             {d.quantiles.format("next_us - us")} AS q
                      FROM (SELECT c, a, us, lead(c) OVER () AS next_c,
                                   lead(a) OVER () AS next_a, lead(us) OVER () AS next_us
                            FROM jm_ordered) steps
                      WHERE next_c = c
                      GROUP BY a, next_a) pairs
                     JOIN jm_activity_no s ON s.n = pairs.a
                     JOIN jm_activity_no t ON t.n = pairs.next_a
                ORDER BY 3 DESC, 1, 2"""
        )
    finally:
        for name in ("jm_ordered", "jm_activity_no", "jm_case_no"):
            log.drop(name)


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
