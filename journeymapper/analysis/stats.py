"""Counts that summarise a map: per stage, lane, category, channel and ownership.

`journeymapper stats` prints them; the editor's status bar can use the same numbers.
Counts keep map order for stages and lanes, and go from most to least used for
channels, so the summary reads like the map.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from journeymapper.analysis.context import Context
from journeymapper.analysis.matrix import CoverageMatrix, coverage_matrix
from journeymapper.analysis.truth import moments_of_truth
from journeymapper.model import catalog
from journeymapper.model.document import Journey
from journeymapper.model.schema import Category, Ownership


@dataclass(frozen=True, slots=True)
class Count:
    """One row of a summary: what is counted (`key` is an id or enum value) and how many."""

    key: str
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class MapStats:
    title: str
    touchpoints: int
    connections: int
    personas: int
    stages: tuple[Count, ...]
    lanes: tuple[Count, ...]
    categories: tuple[Count, ...]
    channels: tuple[Count, ...]
    ownership: tuple[Count, ...]
    entries: tuple[str, ...]
    exits: tuple[str, ...]
    moments_of_truth: tuple[str, ...]
    matrix: CoverageMatrix


def map_stats(journey: Journey | Context) -> MapStats:
    """Every count of the summary, the moments of truth and the coverage matrix."""
    ctx = Context.of(journey)
    tps = list(ctx.touchpoints.values())
    per_stage = Counter(tp.stage for tp in tps)
    per_lane = Counter(tp.lane for tp in tps)
    per_category = Counter(tp.category for tp in tps)
    per_channel = Counter(tp.channel for tp in tps)
    per_ownership = Counter(tp.ownership for tp in tps)
    categories = [Count(c.value, catalog.CATEGORY_LABELS[c], per_category[c]) for c in Category]
    if per_category[None]:
        categories.append(Count("none", "No category", per_category[None]))
    return MapStats(
        title=ctx.journey.title,
        touchpoints=len(tps),
        connections=ctx.journey.connection_count(),
        personas=len(ctx.journey.personas),
        stages=tuple(Count(s.id, s.name, per_stage[s.id]) for s in ctx.stages),
        lanes=tuple(
            Count(lane.id, lane.name, per_lane[lane.id]) for lane in ctx.journey.touchpoint_lanes()
        ),
        categories=tuple(categories),
        channels=tuple(
            Count(key, catalog.channel_label(key) if key else "No channel", n)
            for key, n in sorted(per_channel.items(), key=lambda kv: (-kv[1], kv[0]))
        ),
        ownership=tuple(
            Count(o.value, catalog.OWNERSHIP_LABELS[o], per_ownership[o]) for o in Ownership
        ),
        entries=ctx.entries,
        exits=ctx.exits,
        moments_of_truth=moments_of_truth(ctx),
        matrix=coverage_matrix(ctx),
    )
