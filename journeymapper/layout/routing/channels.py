"""The free channels of a laid-out map: vertical gutters and horizontal bands.

The map is a regular grid: within a stage, card columns sit at the same x in every lane,
so the gaps between card columns (and between stages) are free from the top of the map
to the bottom — the *gutters*. Every lane keeps a margin above its first and below its
last card, so a strip along every lane boundary is free from the left of the map to the
right — the *bands*. These are the channels of channel routing (the gutters and bands
of a gate array), and the tracks of libavoid's orthogonal visibility graph collapse
onto them: a route never needs any other line to get around a card.

A card's place says which gutter is on its left (`column`; the right one is
`column + 1`), which band is above it (`lane`; below: `lane + 1`), and which cards are
directly above and below it in its stack: a card first in its stack can be left or
entered through its top, straight from the band above.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass
from typing import NamedTuple

from journeymapper.layout.geometry import (
    CARD_GAP_X,
    CARD_W,
    CELL_PAD,
    EMOTION_MARGIN,
    LANE_HEADER_W,
    MapLayout,
    Rect,
)
from journeymapper.model.schema import LaneKind

PITCH = CARD_W + CARD_GAP_X


class Place(NamedTuple):
    """Where a card sits in the grid of channels."""

    rect: Rect
    column: int  # its global card column: gutter `column` on its left, `column + 1` right
    lane: int  # its visible lane: band `lane` above it, `lane + 1` below
    above: str | None  # the card right above it in its stack
    below: str | None


@dataclass(slots=True)
class Grid:
    gutters: list[tuple[float, float]]  # free x ranges, left to right
    bands: list[tuple[float, float]]  # free y ranges, top to bottom
    places: dict[str, Place]
    column_x: list[float]  # the left x of every global card column
    lines: list[float]  # the lane boundary in each band, where the grid draws a line

    def gutter_mid(self, index: int) -> float:
        lo, hi = self.gutters[index]
        return (lo + hi) / 2

    def band_mid(self, index: int) -> float:
        lo, hi = self.bands[index]
        return (lo + hi) / 2

    def floating(self, rect: Rect, lane_ys: list[tuple[float, float]]) -> Place:
        """The place of a card being dragged: the nearest column and lane, no stack."""
        column = _nearest(self.column_x, rect.x)
        centre = rect.y + rect.h / 2
        lane = min(
            range(len(lane_ys)),
            key=lambda i: 0.0 if lane_ys[i][0] <= centre < lane_ys[i][1] else min(
                abs(centre - lane_ys[i][0]), abs(centre - lane_ys[i][1])
            ),
            default=0,
        )  # fmt: skip
        return Place(rect, column, lane, None, None)


def _nearest(xs: list[float], x: float) -> int:
    """The index of the value in sorted `xs` nearest to `x`."""
    if not xs:
        return 0
    i = bisect.bisect_left(xs, x)
    if i == 0:
        return 0
    if i == len(xs):
        return len(xs) - 1
    return i if xs[i] - x < x - xs[i - 1] else i - 1


def build_grid(layout: MapLayout) -> Grid:
    """The gutters, bands and card places of `layout`."""
    lane_index = {lane_id: i for i, lane_id in enumerate(layout.lanes)}
    used: dict[str, set[int]] = {}
    for (stage_id, lane_id), columns in layout.columns.items():
        if lane_id in lane_index and stage_id in layout.stages:
            # (an empty column is the one kept for a card being typed: arrows go round it)
            used.setdefault(stage_id, set()).update(columns)
    global_column: dict[tuple[str, int], int] = {}
    column_x: list[float] = []
    for stage_id, stage in layout.stages.items():
        for col in sorted(used.get(stage_id, ())):
            global_column[stage_id, col] = len(column_x)
            column_x.append(stage.x + CELL_PAD + col * PITCH)
    rights = [LANE_HEADER_W, *(x + CARD_W for x in column_x)]
    lefts = [*column_x, max(layout.width, rights[-1])]
    gutters = list(zip(rights, lefts, strict=True))
    places = _places(layout, lane_index, global_column)
    lines = [row.y for row in layout.lanes.values()] + [layout.height]
    return Grid(gutters, _bands(layout), places, column_x, lines)


def _places(
    layout: MapLayout, lane_index: dict[str, int], global_column: dict[tuple[str, int], int]
) -> dict[str, Place]:
    places: dict[str, Place] = {}
    cards = layout.cards
    for (stage_id, lane_id), columns in layout.columns.items():
        lane = lane_index.get(lane_id)
        if lane is None or stage_id not in layout.stages:
            continue
        for col, ids in columns.items():
            column = global_column.get((stage_id, col))
            if column is None:
                continue
            shown = [i for i in ids if i in cards]
            for k, card_id in enumerate(shown):
                above = shown[k - 1] if k else None
                below = shown[k + 1] if k + 1 < len(shown) else None
                places[card_id] = Place(cards[card_id].rect, column, lane, above, below)
    return places


def _bands(layout: MapLayout) -> list[tuple[float, float]]:
    """The free strip along every lane boundary, from the content of the lane above to
    the content of the lane below (the top of the first lane, the bottom of the last)."""
    contents = [_content(layout, lane_id, row) for lane_id, row in layout.lanes.items()]
    if not contents:
        return []
    rows = list(layout.lanes.values())
    bands = [(rows[0].y, contents[0][0])]
    for (_, above), (below, _) in itertools.pairwise(contents):
        bands.append((above, below))
    bands.append((contents[-1][1], max(layout.height, contents[-1][1])))
    return bands


def _content(layout: MapLayout, lane_id: str, row: Rect) -> tuple[float, float]:
    """The top and bottom of what a lane shows (its cards, text or curve)."""
    kind = layout.lane_kinds[lane_id]
    middle = row.y + row.h / 2
    if kind is LaneKind.TOUCHPOINTS:
        bottoms = [
            layout.cards[ids[-1]].rect.bottom
            for (_, lane), columns in layout.columns.items()
            if lane == lane_id
            for ids in columns.values()
            if ids and ids[-1] in layout.cards
        ]
        return (row.y + CELL_PAD, max(bottoms)) if bottoms else (middle, middle)
    margin = EMOTION_MARGIN if kind is LaneKind.EMOTION else CELL_PAD
    if row.h <= 2 * margin:
        return (middle, middle)
    return (row.y + margin, row.bottom - margin)
