"""Reference checks between the objects of a map: ids, stages, lanes, personas, ends.

Pydantic validates each object on its own; these checks validate how they refer to
each other. The file loader refuses a map with any problem (naming the first); the
analysis reports them all as findings.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from enum import StrEnum

from journeymapper.model.schema import Identified, JourneyData, LaneKind

#: problems reported at most: a hostile file of 200,000 broken references is refused
#: for its first one, without spending a second on describing all the others
MAX_PROBLEMS = 10_000


class ProblemKind(StrEnum):
    DUPLICATE_ID = "duplicate_id"
    DANGLING = "dangling"
    DUPLICATE_CONNECTION = "duplicate_connection"
    WRONG_LANE = "wrong_lane"
    OUT_OF_SCALE = "out_of_scale"
    NO_TOUCHPOINT_LANE = "no_touchpoint_lane"


@dataclass(frozen=True, slots=True)
class ReferenceProblem:
    kind: ProblemKind
    place: str
    message: str
    subjects: tuple[str, ...]


def reference_problems(data: JourneyData) -> list[ReferenceProblem]:
    """Every broken reference in `data` (the first `MAX_PROBLEMS`), in file order."""
    if _all_sound(data):
        return []
    problems: list[ReferenceProblem] = []
    problems += _duplicate_ids(data)
    stage_ids = {s.id for s in data.stages}
    lane_kinds = {lane.id: lane.kind for lane in data.lanes}
    persona_ids = {p.id for p in data.personas}
    touchpoint_ids = {t.id for t in data.touchpoints}
    if data.lanes and LaneKind.TOUCHPOINTS not in lane_kinds.values():
        problems.append(
            ReferenceProblem(
                ProblemKind.NO_TOUCHPOINT_LANE,
                "lanes",
                "a map needs at least one touchpoints lane",
                (),
            )
        )
    for i, lane in enumerate(data.lanes):
        for stage_id in lane.notes:
            if stage_id not in stage_ids:
                problems.append(_dangling(f"lanes[{i}].notes.{stage_id}", "stage", stage_id))
    scale = data.emotion_scale
    for i, tp in enumerate(data.touchpoints):
        if len(problems) >= MAX_PROBLEMS:
            return problems[:MAX_PROBLEMS]
        here = f"touchpoints[{i}]"
        if tp.stage not in stage_ids:
            problems.append(_dangling(f"{here}.stage", "stage", tp.stage, tp.id))
        if tp.lane not in lane_kinds:
            problems.append(_dangling(f"{here}.lane", "lane", tp.lane, tp.id))
        elif lane_kinds[tp.lane] is not LaneKind.TOUCHPOINTS:
            problems.append(
                ReferenceProblem(
                    ProblemKind.WRONG_LANE,
                    f"{here}.lane",
                    f"lane '{tp.lane}' is a {lane_kinds[tp.lane].value} lane, "
                    "not a touchpoints lane",
                    (tp.id,),
                )
            )
        for j, persona in enumerate(tp.personas):
            if persona not in persona_ids:
                problems.append(_dangling(f"{here}.personas[{j}]", "persona", persona, tp.id))
        if tp.emotion is not None and not scale.contains(tp.emotion):
            problems.append(
                ReferenceProblem(
                    ProblemKind.OUT_OF_SCALE,
                    f"{here}.emotion",
                    f"emotion {tp.emotion} is outside the map's scale "
                    f"{scale.minimum}…{scale.maximum}",
                    (tp.id,),
                )
            )
    seen_pairs: dict[tuple[str, str], str] = {}
    for i, conn in enumerate(data.connections):
        if len(problems) >= MAX_PROBLEMS:
            break
        here = f"connections[{i}]"
        for end in ("source", "target"):
            ref = getattr(conn, end)
            if ref not in touchpoint_ids:
                problems.append(_dangling(f"{here}.{end}", "touchpoint", ref, conn.id))
        pair = (conn.source, conn.target)
        if pair in seen_pairs:
            problems.append(
                ReferenceProblem(
                    ProblemKind.DUPLICATE_CONNECTION,
                    here,
                    f"connection '{conn.id}' repeats '{seen_pairs[pair]}' "
                    f"({conn.source} → {conn.target})",
                    (conn.id, seen_pairs[pair]),
                )
            )
        else:
            seen_pairs[pair] = conn.id
    return problems[:MAX_PROBLEMS]


def _all_sound(data: JourneyData) -> bool:
    """A quick whole-map check with set operations; the detailed scan runs only when it fails.

    Loading a 100,000-card map spends its time here otherwise.
    """
    tps, conns = data.touchpoints, data.connections
    objects: tuple[Identified, ...] = (*data.personas, *data.stages, *data.lanes, *tps, *conns)
    if len({o.id for o in objects}) != len(objects):
        return False
    stage_ids = {s.id for s in data.stages}
    card_lanes = {lane.id for lane in data.lanes if lane.kind is LaneKind.TOUCHPOINTS}
    if data.lanes and not card_lanes:
        return False
    if not all(set(lane.notes) <= stage_ids for lane in data.lanes):
        return False
    if not ({tp.stage for tp in tps} <= stage_ids and {tp.lane for tp in tps} <= card_lanes):
        return False
    used_personas = {p for tp in tps if tp.personas for p in tp.personas}
    if not used_personas <= {p.id for p in data.personas}:
        return False
    emotions = [tp.emotion for tp in tps if tp.emotion is not None]
    scale = data.emotion_scale
    if emotions and not (scale.minimum <= min(emotions) and max(emotions) <= scale.maximum):
        return False
    tp_ids = {tp.id for tp in tps}
    pairs = {(c.source, c.target) for c in conns}
    ends = {c.source for c in conns} | {c.target for c in conns}
    return len(pairs) == len(conns) and ends <= tp_ids


def _dangling(place: str, what: str, ref: str, *subjects: str) -> ReferenceProblem:
    return ReferenceProblem(
        ProblemKind.DANGLING, place, f"refers to a {what} '{ref}' that does not exist", subjects
    )


def _duplicate_ids(data: JourneyData) -> list[ReferenceProblem]:
    groups: dict[str, tuple[Identified, ...]] = {
        "personas": data.personas,
        "stages": data.stages,
        "lanes": data.lanes,
        "touchpoints": data.touchpoints,
        "connections": data.connections,
    }
    counts = Counter(obj.id for objects in groups.values() for obj in objects)
    problems = []
    seen: set[str] = set()
    for group, objects in groups.items():
        for i, obj in enumerate(objects):
            if counts[obj.id] > 1 and obj.id in seen:
                problems.append(
                    ReferenceProblem(
                        ProblemKind.DUPLICATE_ID,
                        f"{group}[{i}].id",
                        f"id '{obj.id}' is used more than once",
                        (obj.id,),
                    )
                )
            seen.add(obj.id)
    return problems
