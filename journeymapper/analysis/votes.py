"""What a workshop decided: the cards ranked by dot votes, and each stage's pain points
and opportunities, the room's priorities first.

Pure functions of a `Journey`; the editor's ranking panel and the session summary PDF
read the same answers. `extra` adds votes not yet in the map (a voting round still
running), so the ranking can be shown live.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from journeymapper.model.document import Journey
from journeymapper.model.schema import Stage, Touchpoint


@dataclass(frozen=True, slots=True)
class Ranked:
    """One voted card: its place (ties share it: 1, 2, 2, 4), votes and stage name."""

    rank: int
    votes: int
    touchpoint: Touchpoint
    stage: str


@dataclass(frozen=True, slots=True)
class StageItems:
    """A stage's pain points and opportunities as (text, touchpoint name) pairs."""

    stage: Stage
    pain_points: tuple[tuple[str, str], ...]
    opportunities: tuple[tuple[str, str], ...]


def _position(journey: Journey) -> dict[str, tuple[int, int, int, float]]:
    """Where each card sits, as a sort key: stage, lane, column, order."""
    stages = {s.id: i for i, s in enumerate(journey.stages)}
    lanes = {lane.id: i for i, lane in enumerate(journey.lanes)}
    return {
        tp.id: (
            stages.get(tp.stage, len(stages)),
            lanes.get(tp.lane, len(lanes)),
            tp.slot.column,
            tp.slot.order,
        )
        for tp in journey.touchpoints()
    }


def ranking(
    journey: Journey,
    extra: Mapping[str, int] | None = None,
    *,
    pain_points_only: bool = False,
) -> list[Ranked]:
    """The cards with votes, most first; ties in map order (stage, lane, column)."""
    extra = extra or {}
    where = _position(journey)
    names = {s.id: s.name for s in journey.stages}
    voted = [
        (tp.votes + extra.get(tp.id, 0), tp)
        for tp in journey.touchpoints()
        if tp.votes + extra.get(tp.id, 0) > 0 and (tp.pain_points or not pain_points_only)
    ]
    voted.sort(key=lambda pair: (-pair[0], where[pair[1].id], pair[1].name))
    result: list[Ranked] = []
    for i, (votes, tp) in enumerate(voted):
        rank = result[-1].rank if result and result[-1].votes == votes else i + 1
        result.append(Ranked(rank, votes, tp, names.get(tp.stage, "")))
    return result


def stage_items(journey: Journey) -> list[StageItems]:
    """Per stage, in stage order: the pain points and opportunities its cards carry,
    those of the most voted cards first, then in map order."""
    where = _position(journey)
    by_stage: dict[str, list[Touchpoint]] = {s.id: [] for s in journey.stages}
    for tp in journey.touchpoints():
        if tp.stage in by_stage:
            by_stage[tp.stage].append(tp)
    result = []
    for stage in journey.stages:
        cards = sorted(by_stage[stage.id], key=lambda tp: (-tp.votes, where[tp.id]))
        result.append(
            StageItems(
                stage,
                tuple((text, tp.name) for tp in cards for text in tp.pain_points),
                tuple((text, tp.name) for tp in cards for text in tp.opportunities),
            )
        )
    return result
