"""The figures as the command line prints them: lines for people, JSON for tools.

The JSON keeps the log's own activity names in `transitions` (the directly-follows
pairs), so any other tool can check them; everything about the map is by touchpoint
id with its name beside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from journeymapper.analytics.conformance import Conformance
from journeymapper.analytics.mapping import Suggestion
from journeymapper.model.document import Journey
from journeymapper.model.log_figures import LogFigures

if TYPE_CHECKING:  # (flows imports DuckDB: the editor's Analytics panel starts without it)
    from journeymapper.analytics.flows import ActivityFlow, LogSummary

LIST_LIMIT = 12


def duration(seconds: float | None) -> str:
    """`42 s`, `12 min`, `3.5 h`, `2.1 d`: a time a person reads at a glance."""
    if seconds is None:
        return "–"
    if seconds < 60:
        return f"{seconds:.0f} s"
    if seconds < 3600:
        return f"{seconds / 60:.0f} min"
    if seconds < 86400:
        return f"{seconds / 3600:.1f} h"
    return f"{seconds / 86400:.1f} d"


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f} %" if whole else "–"


def _name(journey: Journey, tp_id: str) -> str:
    return journey.touchpoint(tp_id).name if journey.has_touchpoint(tp_id) else tp_id


def period(info: LogSummary) -> str:
    if info.start is None or info.end is None:
        return ""
    return f", {info.start:%Y-%m-%d} – {info.end:%Y-%m-%d}"


def text_lines(
    journey: Journey, info: LogSummary, figures: LogFigures, conf: Conformance
) -> list[str]:
    unit = "cases" if info.exact_cases else "visits"
    lines = [f"{info.name}: {info.cases:,} cases, {info.events:,} events{period(info)}"]
    if figures.filter:
        lines.append(f"Only {figures.filter}")
    lines += ["", f"Touchpoints ({unit} reaching them)"]
    for r in sorted(figures.reach, key=lambda r: -r.cases):
        lines.append(
            f"  {_name(journey, r.touchpoint)}: {r.cases:,} ({percent(r.cases, info.cases)})"
        )
    lines += ["", "Flows (count, median, 90th percentile)"]
    for f in figures.flows[: 3 * LIST_LIMIT]:
        mark = "" if journey.connection_between(f.source, f.target) else "  [not on the map]"
        lines.append(
            f"  {_name(journey, f.source)} → {_name(journey, f.target)}: {f.count:,}, "
            f"{duration(f.median_seconds)}, {duration(f.p90_seconds)}{mark}"
        )
    lines += _stage_lines(journey, figures)
    if figures.entered:
        lines += [
            "",
            f"Conversion entry → exit: {figures.converted:,} of {figures.entered:,} "
            f"({percent(figures.converted, figures.entered)})",
        ]
    return lines + conformance_lines(journey, conf)


def _stage_lines(journey: Journey, figures: LogFigures) -> list[str]:
    if not figures.stages:
        return []
    lines = ["", "Stages (cases reaching, dropping off)"]
    for s in figures.stages:
        name = journey.stage(s.stage).name if s.stage in {x.id for x in journey.stages} else s.stage
        lines.append(
            f"  {name}: {s.cases:,}, {s.dropped:,} drop off ({percent(s.dropped, s.cases)})"
        )
    return lines


def conformance_lines(journey: Journey, conf: Conformance) -> list[str]:
    lines = [""]
    if conf.fit_share is None:
        lines.append("Conformance: no case reaches a touchpoint of the map")
    else:
        lines.append(
            f"Conformance: {100 * conf.fit_share:.1f} % of cases follow the map "
            f"({conf.fitting:,} of {conf.mapped_cases:,})"
        )
    lines += _listed(
        "Steps not on the map",
        [
            f"{_name(journey, f.source)} → {_name(journey, f.target)} ({f.count:,}×)"
            for f in conf.undesigned
        ],
    )
    ends = journey.connection_ends()
    lines += _listed(
        "Connections nobody took",
        [f"{_name(journey, ends[c][0])} → {_name(journey, ends[c][1])}" for c in conf.unused],
    )
    lines += _listed(
        "Moments of truth skipped",
        [f"{_name(journey, s.touchpoint)} ({s.cases:,} cases)" for s in conf.skipped],
    )
    lines += _listed(
        "Activities without a touchpoint", [f"{a} ({n:,} cases)" for a, n in conf.unmapped]
    )
    return lines


def _listed(title: str, items: Sequence[str]) -> list[str]:
    if not items:
        return []
    shown = [f"  {item}" for item in items[:LIST_LIMIT]]
    if len(items) > LIST_LIMIT:
        shown.append(f"  … and {len(items) - LIST_LIMIT:,} more")
    return [f"{title}: {len(items):,}", *shown]


def as_json(
    journey: Journey,
    info: LogSummary,
    flows: Sequence[ActivityFlow],
    figures: LogFigures,
    conf: Conformance,
    suggestions: Sequence[Suggestion],
) -> dict[str, Any]:
    return {
        "log": info.name,
        "cases": info.cases,
        "events": info.events,
        "exact_cases": info.exact_cases,
        "period": {
            "start": info.start.isoformat() if info.start else None,
            "end": info.end.isoformat() if info.end else None,
        },
        "filter": figures.filter,
        "transitions": [
            {
                "source": f.source,
                "target": f.target,
                "count": f.count,
                "median_seconds": f.median_seconds,
                "p90_seconds": f.p90_seconds,
            }
            for f in flows
        ],
        **_map_json(journey, info, figures),
        "mapping": [
            {
                "activity": s.activity,
                "touchpoint": s.touchpoint,
                "score": round(s.score, 1),
                "confirmed": s.confirmed,
            }
            for s in suggestions
        ],
        "conformance": _conformance_json(journey, conf),
    }


def _map_json(journey: Journey, info: LogSummary, figures: LogFigures) -> dict[str, Any]:
    reach = {r.touchpoint: r.cases for r in figures.reach}
    return {
        "touchpoints": [
            {
                "id": tp.id,
                "name": tp.name,
                "cases": reach.get(tp.id, 0),
                "share": reach.get(tp.id, 0) / info.cases if info.cases else None,
            }
            for tp in sorted(journey.touchpoints(), key=lambda t: t.id)
        ],
        "flows": [
            {
                "source": f.source,
                "target": f.target,
                "count": f.count,
                "median_seconds": f.median_seconds,
                "p90_seconds": f.p90_seconds,
                "designed": journey.connection_between(f.source, f.target) is not None,
            }
            for f in figures.flows
        ],
        "stages": [{"id": s.stage, "cases": s.cases, "dropped": s.dropped} for s in figures.stages],
        "conversion": {"entered": figures.entered, "converted": figures.converted},
    }


def _conformance_json(journey: Journey, conf: Conformance) -> dict[str, Any]:
    ends = journey.connection_ends()
    return {
        "fit": conf.fit_share,
        "fitting_cases": conf.fitting,
        "mapped_cases": conf.mapped_cases,
        "undesigned": [
            {"source": f.source, "target": f.target, "count": f.count} for f in conf.undesigned
        ],
        "unused": [{"id": c, "source": ends[c][0], "target": ends[c][1]} for c in conf.unused],
        "skipped_moments_of_truth": [{"id": s.touchpoint, "cases": s.cases} for s in conf.skipped],
        "unmapped_activities": [{"activity": a, "cases": n} for a, n in conf.unmapped],
    }
