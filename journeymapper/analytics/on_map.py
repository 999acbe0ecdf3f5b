"""The log's figures on the map: touchpoints reached, flows between them, drop-off.

Each event stands for the touchpoint its activity is mapped to; events of unmapped
activities are left out, so a case's path on the map is its mapped events in time
order. Consecutive events at one touchpoint are one visit (a page that logs three
events is still one touchpoint), and a flow is a step from one touchpoint to a
different one, timed from the last event of the first visit to the first event of the
next. A case *follows the map* when it has at least one mapped event and each of its
steps is a designed connection. The queries are written once for DuckDB and Spark.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from journeymapper.analysis.context import Context
from journeymapper.analysis.truth import moments_of_truth
from journeymapper.analytics.dialect import array_literal, as_float, as_int, as_pair
from journeymapper.analytics.filters import ALL_CASES, CaseFilter
from journeymapper.analytics.flows import LogSummary
from journeymapper.analytics.store import Engine
from journeymapper.model.document import Journey
from journeymapper.model.log_figures import Flow, LogFigures, Reach, Skip, StageFlow


def load_map(log: Engine, journey: Journey, mapping: Mapping[str, str]) -> None:
    """The map as the engine sees it: `amap` (activity → touchpoint), `tpstage`
    (touchpoint → stage index) and `conn` (designed steps)."""
    ranks = {s.id: i for i, s in enumerate(journey.stages)}
    pairs = [(a, tp) for a, tp in mapping.items() if journey.has_touchpoint(tp)]
    log.load_table("amap", {"activity": "VARCHAR", "tp": "VARCHAR"}, pairs)
    log.load_table(
        "tpstage",
        {"tp": "VARCHAR", "rank": "INTEGER"},
        [(tp.id, ranks[tp.stage]) for tp in journey.touchpoints()],
    )
    log.load_table(
        "conn", {"source": "VARCHAR", "target": "VARCHAR"}, list(journey.connection_ends().values())
    )


def visits_sql(log: Engine, where: CaseFilter) -> str:
    d = log.dialect
    return f"""
        SELECT case_id, tp, lead(tp) OVER w AS next_tp,
               {d.seconds_between("ts", "lead(ts) OVER w")} AS seconds
        FROM (SELECT k.case_id, k.ts, k.seq, a.tp
              FROM ({where.events_sql(d)}) k JOIN amap a ON a.activity = k.activity) mapped
        WINDOW w AS (PARTITION BY case_id ORDER BY ts, seq)"""


def map_figures(
    log: Engine,
    journey: Journey,
    mapping: Mapping[str, str],
    info: LogSummary,
    where: CaseFilter = ALL_CASES,
) -> LogFigures:
    """Everything the overlay draws (see the module docstring)."""
    load_map(log, journey, mapping)
    base: dict[str, Any] = {
        "log": log.name[:400],
        "period_start": _naive(info.start),
        "period_end": _naive(info.end),
        "cases": info.cases,
        "events": info.events,
        "filter": where.describe()[:400],
    }
    if log.kind == "dfg":
        return LogFigures(**base, **_dfg_figures(log))
    log.keep("visits", visits_sql(log, where))
    try:
        ctx = Context(journey)
        reach = {
            str(tp): as_int(n)
            for tp, n in log.rows("SELECT tp, count(DISTINCT case_id) FROM visits GROUP BY tp")
        }
        mapped = as_int(log.scalar("SELECT count(DISTINCT case_id) FROM visits"))
        entered, converted = _conversion(log, ctx)
        return LogFigures(
            **base,
            mapped_cases=mapped,
            entered=entered,
            converted=converted,
            fitting=_fitting(log),
            reach=tuple(Reach(touchpoint=tp, cases=n) for tp, n in sorted(reach.items())),
            flows=_flows(log),
            stages=_stages(log, journey, ctx),
            skips=tuple(
                Skip(touchpoint=tp, cases=mapped - reach.get(tp, 0)) for tp in moments_of_truth(ctx)
            ),
        )
    finally:
        log.drop("visits")


def _naive(value: dt.datetime | None) -> dt.datetime | None:
    """Times are UTC throughout; engines may hand them back with or without a zone."""
    if value is None or value.tzinfo is None:
        return value
    return value.astimezone(dt.UTC).replace(tzinfo=None)


def _flows(log: Engine) -> tuple[Flow, ...]:
    d = log.dialect
    rows = log.rows(
        f"""SELECT tp, next_tp, count(*), {d.quantiles.format("seconds")}
            FROM visits WHERE next_tp IS NOT NULL AND next_tp <> tp
            GROUP BY tp, next_tp ORDER BY 3 DESC, 1, 2"""
    )
    return tuple(
        Flow(source=str(s), target=str(t), count=as_int(n), median_seconds=m, p90_seconds=p)
        for s, t, n, (m, p) in ((s, t, n, as_pair(q)) for s, t, n, q in rows)
    )


def _fitting(log: Engine) -> int:
    return as_int(
        log.scalar(
            """SELECT count(*) FROM (
                 SELECT v.case_id,
                        bool_and(v.next_tp IS NULL OR v.next_tp = v.tp OR c.source IS NOT NULL)
                          AS fits
                 FROM visits v LEFT JOIN conn c ON c.source = v.tp AND c.target = v.next_tp
                 GROUP BY v.case_id) per_case
               WHERE fits"""
        )
    )


def _stages(log: Engine, journey: Journey, ctx: Context) -> tuple[StageFlow, ...]:
    """Cases per stage, and those whose furthest stage it was (none past the last)."""
    rows = log.rows(
        """SELECT rank, count(DISTINCT case_id),
                  count(DISTINCT CASE WHEN furthest = rank THEN case_id END)
           FROM (SELECT v.case_id, s.rank,
                        max(s.rank) OVER (PARTITION BY v.case_id) AS furthest
                 FROM visits v JOIN tpstage s ON s.tp = v.tp) per_case
           GROUP BY rank"""
    )
    by_rank = {as_int(r): (as_int(n), as_int(d)) for r, n, d in rows}
    last = journey.stage_index(ctx.last_stage) if ctx.last_stage else -1
    return tuple(
        StageFlow(
            stage=stage.id,
            cases=by_rank.get(i, (0, 0))[0],
            dropped=0 if i >= last else by_rank.get(i, (0, 0))[1],
        )
        for i, stage in enumerate(journey.stages)
    )


def _conversion(log: Engine, ctx: Context) -> tuple[int, int]:
    """Cases that reached an entry point, and of them those that reached an exit point."""
    if not ctx.entries or not ctx.exits:
        return 0, 0
    d = log.dialect
    entry = d.contains.format(array_literal(d, ctx.entries), "tp")
    exit_ = d.contains.format(array_literal(d, ctx.exits), "tp")
    row = log.rows(
        f"""SELECT count(*), count(CASE WHEN at_exit THEN 1 END) FROM (
               SELECT case_id, bool_or({exit_}) AS at_exit FROM visits
               GROUP BY case_id HAVING bool_or({entry})) per_case"""
    )[0]
    return as_int(row[0]), as_int(row[1])


def _dfg_figures(log: Engine) -> dict[str, Any]:
    """From a directly-follows table: visits for reach; a touchpoint pair's times only
    when a single activity pair makes it (medians of several cannot be combined)."""
    reach = log.rows(
        "SELECT a.tp, sum(d.count) FROM dfg d JOIN amap a ON a.activity = d.target GROUP BY a.tp"
    )
    rows = log.rows(
        """SELECT s.tp, t.tp, sum(d.count), count(*), max(d.median_seconds), max(d.p90_seconds)
           FROM dfg d JOIN amap s ON s.activity = d.source JOIN amap t ON t.activity = d.target
           WHERE s.tp <> t.tp GROUP BY s.tp, t.tp ORDER BY 3 DESC, 1, 2"""
    )
    flows = tuple(
        Flow(
            source=str(s),
            target=str(t),
            count=as_int(n),
            median_seconds=as_float(m) if k == 1 else None,
            p90_seconds=as_float(p) if k == 1 else None,
        )
        for s, t, n, k, m, p in rows
    )
    return {
        "reach": tuple(Reach(touchpoint=str(tp), cases=as_int(n)) for tp, n in sorted(reach)),
        "flows": flows,
    }
