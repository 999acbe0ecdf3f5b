"""A first draft of a map from a log: `journeymapper discover` and File ▸ New from Event Log.

The draft follows the frequency-based simplification of process discovery (the
"fuzzy miner" idea of Günther and van der Aalst, *Fuzzy Mining*, BPM 2007: keep what
is frequent, drop the rest): touchpoints are the activities found in at least
`min_share` of the cases (at most `max_touchpoints`, the most frequent), stages come
from where activities happen in a case — the median relative position of their
events, cut into equal bands — or from a stage column, and connections are the
observed steps between kept touchpoints taken by at least `min_flow_share` of the
cases. The draft keeps the activity mapping and the figures, so its overlay is ready.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from journeymapper.analytics.flows import summary
from journeymapper.analytics.mapping import touchpoint_name
from journeymapper.analytics.on_map import map_figures
from journeymapper.analytics.store import EventLog
from journeymapper.model.document import Journey
from journeymapper.model.log_figures import LogAnalytics
from journeymapper.model.schema import Connection, JourneyData, Slot, Stage, Touchpoint
from journeymapper.model.templates import default_lanes, three_phase_stages

CARDS_PER_COLUMN = 2
_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True, slots=True)
class DiscoverOptions:
    title: str = ""
    min_share: float = 0.05
    max_touchpoints: int = 40
    stages: int = 3
    by_stage_column: bool = False  # the log's segment column names each event's stage
    min_flow_share: float = 0.05


@dataclass(frozen=True, slots=True)
class Placed:
    activity: str
    cases: int
    position: float  # median relative position in its cases, 0 = first, 1 = last
    stage_value: str | None


POSITIONS_SQL = """
    WITH ranked AS (
        SELECT case_id, activity, segment,
               (row_number() OVER w - 1)
                 / greatest(count(*) OVER (PARTITION BY case_id) - 1, 1) AS pos
        FROM events WINDOW w AS (PARTITION BY case_id ORDER BY ts, seq))
    SELECT activity, count(DISTINCT case_id), median(pos), mode(segment)
    FROM ranked GROUP BY activity ORDER BY 2 DESC, 1
"""


def placed_activities(log: EventLog) -> list[Placed]:
    """Every activity with its case count, median position and usual stage value."""
    if log.kind == "dfg":
        info = summary(log)
        return [Placed(a, n, 0.0, None) for a, n in info.activities.items()]
    rows = log.con.execute(POSITIONS_SQL).fetchall()
    return [Placed(a, int(n), float(p), s) for a, n, p, s in rows]


def discover(log: EventLog, options: DiscoverOptions = DiscoverOptions()) -> JourneyData:
    """The draft map (see the module docstring), with its analytics stored."""
    info = summary(log)
    placed = placed_activities(log)
    floor = options.min_share * info.cases
    kept = [p for p in placed if p.cases >= floor][: options.max_touchpoints] or placed[:1]
    stages, stage_of = _stages(kept, options)
    touchpoints = _touchpoints(kept, stage_of)
    mapping = {p.activity: tp.id for p, tp in zip(kept, touchpoints, strict=True)}
    title = options.title or f"Journey discovered from {log.name}"
    data = JourneyData(
        title=touchpoint_name(title),
        stages=stages,
        lanes=default_lanes(),
        touchpoints=touchpoints,
        description=f"A first draft discovered from the event log {log.name}: "
        f"{info.cases:,} cases, {info.events:,} events.",
    )
    first = map_figures(log, Journey(data), mapping, info)
    least = max(1.0, options.min_flow_share * info.cases)
    flows = [f for f in first.flows if f.count >= least]
    connections = tuple(
        Connection(id=f"c{i + 1}", source=f.source, target=f.target) for i, f in enumerate(flows)
    )
    data = data.model_copy(update={"connections": connections})
    figures = map_figures(log, Journey(data), mapping, info)
    analytics = LogAnalytics(mapping=mapping, figures=figures, shown=True)
    return JourneyData.model_validate({**dict(data), "analytics": analytics})


def _stages(
    kept: list[Placed], options: DiscoverOptions
) -> tuple[tuple[Stage, ...], dict[str, str]]:
    if options.by_stage_column:
        return _column_stages(kept)
    count = max(1, min(options.stages, 12))
    stages = (
        three_phase_stages()
        if count == 3
        else tuple(Stage(id=f"stage-{i + 1}", name=f"Stage {i + 1}") for i in range(count))
    )
    stage_of = {p.activity: stages[min(int(p.position * count), count - 1)].id for p in kept}
    return stages, stage_of


def _column_stages(kept: list[Placed]) -> tuple[tuple[Stage, ...], dict[str, str]]:
    """One stage per value of the stage column, ordered by where its activities happen."""
    positions: dict[str, list[float]] = {}
    for p in kept:
        positions.setdefault(p.stage_value or "Other", []).append(p.position)
    order = sorted(positions, key=lambda v: (sorted(positions[v])[len(positions[v]) // 2], v))
    ids: dict[str, str] = {}
    stages = []
    for i, value in enumerate(order):
        slug = _SLUG.sub("-", value.casefold()).strip("-")[:40] or "stage"
        ids[value] = f"s{i + 1}-{slug}"
        stages.append(Stage(id=ids[value], name=touchpoint_name(value)))
    return tuple(stages), {p.activity: ids[p.stage_value or "Other"] for p in kept}


def _touchpoints(kept: list[Placed], stage_of: dict[str, str]) -> tuple[Touchpoint, ...]:
    """Cards in each stage in the order they happen: down a column, then the next."""
    in_stage: dict[str, int] = {}
    result = []
    for i, p in sorted(enumerate(kept), key=lambda item: (item[1].position, item[0])):
        stage = stage_of[p.activity]
        n = in_stage[stage] = in_stage.get(stage, -1) + 1
        # pairs of cards with an empty column between pairs: room for the overlay's arrows
        column = 2 * (n // CARDS_PER_COLUMN)
        slot = Slot(column=min(column, 999), order=float(n % CARDS_PER_COLUMN))
        result.append(
            (
                i,
                Touchpoint(
                    id=f"tp{i + 1}",
                    name=touchpoint_name(p.activity),
                    stage=stage,
                    lane="touchpoints",
                    slot=slot,
                ),
            )
        )
    return tuple(tp for _, tp in sorted(result, key=lambda item: item[0]))
