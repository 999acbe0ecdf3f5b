"""The stage × category coverage matrix: how many touchpoints of each kind in each stage.

An empty cell is where a map typically has a blind spot: no human contact during
support, no digital touchpoint before the purchase. Touchpoints without a category
are counted in their own column, so every touchpoint is counted exactly once.
"""

from __future__ import annotations

from dataclasses import dataclass

from journeymapper.analysis.context import Context
from journeymapper.model.document import Journey
from journeymapper.model.schema import Category, Stage

CATEGORIES: tuple[Category | None, ...] = (*Category, None)


@dataclass(frozen=True, slots=True)
class CoverageMatrix:
    """Rows are the map's stages in order, columns `CATEGORIES` (None: no category)."""

    stages: tuple[Stage, ...]
    counts: dict[tuple[str, Category | None], int]

    def count(self, stage_id: str, category: Category | None) -> int:
        return self.counts.get((stage_id, category), 0)

    def row(self, stage_id: str) -> tuple[int, ...]:
        return tuple(self.count(stage_id, category) for category in CATEGORIES)

    def column_total(self, category: Category | None) -> int:
        return sum(self.count(stage.id, category) for stage in self.stages)

    def empty_cells(self) -> list[tuple[str, Category]]:
        """(stage id, category) pairs with no touchpoint; the no-category column is skipped."""
        return [
            (stage.id, category)
            for stage in self.stages
            for category in Category
            if not self.count(stage.id, category)
        ]


def coverage_matrix(journey: Journey | Context) -> CoverageMatrix:
    ctx = Context.of(journey)
    counts: dict[tuple[str, Category | None], int] = {}
    for tp in ctx.touchpoints.values():
        key = (tp.stage, tp.category)
        counts[key] = counts.get(key, 0) + 1
    return CoverageMatrix(ctx.stages, counts)
