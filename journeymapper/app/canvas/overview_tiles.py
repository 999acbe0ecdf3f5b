"""The far-out overview's tiles: a map's touchpoints cells summed up (how many cards,
which categories, their mean emotion, where they sit) and its connections summed up
per pair of cells, as weighted arcs. Built once per layout by `OverviewItem`
(overview.py), which draws them.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen

from journeymapper.app.look.colors import Theme
from journeymapper.layout.geometry import MapLayout
from journeymapper.model.schema import Category, LaneKind

if TYPE_CHECKING:
    from journeymapper.model.document import Journey

Cell = tuple[str, str]  # (stage id, lane id)

CATEGORIES: tuple[Category | None, ...] = (*Category, None)  # a tile's bands, top down


@dataclass(frozen=True, slots=True)
class CellTally:
    """A touchpoints cell seen from far out: where its cards are, how many, which
    categories (in `CATEGORIES` order, none empty) and their mean emotion."""

    area: QRectF
    cell: QRectF  # the whole stage × lane cell, which a label may use
    count: int
    categories: tuple[tuple[Category | None, int], ...]
    emotion: float | None


class Aggregates:
    """The layout summed up per touchpoints cell, in a few passes that run in C
    (counters over `attrgetter`s and `dict.get`s): 0.2 s for 100,000 cards.

    The counts come from the journey by each card's stage and lane, the areas from the
    layout, so a paint between an edit and its layout never asks for a card that is gone.
    """

    def __init__(self, layout: MapLayout, journey: Journey) -> None:
        self.layout = layout
        self.cell_of: dict[str, Cell] = {}
        for cell, columns in layout.columns.items():
            if cell[1] in layout.lanes:
                for ids in columns.values():
                    self.cell_of.update(dict.fromkeys(ids, cell))
        self.cells = _tally(layout, journey)
        ends = layout.connection_ends.values()
        get = self.cell_of.get
        pairs = Counter(
            zip(map(get, map(itemgetter(0), ends)), map(get, map(itemgetter(1), ends)), strict=True)
        )
        self.links: dict[tuple[Cell, Cell], int] = {
            (a, b): n
            for (a, b), n in pairs.items()
            if a is not None and b is not None and a != b and a in self.cells and b in self.cells
        }
        self.strokes = _strokes(self.links, self.cells, layout)


def _tally(layout: MapLayout, journey: Journey) -> dict[Cell, CellTally]:
    kinds = Counter(map(attrgetter("stage", "lane", "category", "emotion"), journey.touchpoints()))
    mixes: dict[Cell, Counter[Category | None]] = defaultdict(Counter)
    feelings: dict[Cell, list[int]] = defaultdict(lambda: [0, 0])  # sum, cards
    for (stage, lane, category, emotion), n in kinds.items():
        mixes[stage, lane][category] += n
        if emotion is not None:
            feeling = feelings[stage, lane]
            feeling[0] += emotion * n
            feeling[1] += n
    result = {}
    for cell, columns in layout.columns.items():
        mix = mixes.get(cell)
        area = _area(layout, columns) if cell[1] in layout.lanes and mix else None
        if area is None or mix is None:
            continue
        total, felt = feelings.get(cell, (0, 0))
        result[cell] = CellTally(
            area=area,
            cell=QRectF(*layout.cell(*cell)),
            count=sum(mix.values()),
            categories=tuple((c, mix[c]) for c in CATEGORIES if mix[c]),
            emotion=total / felt if felt else None,
        )
    return result


def _area(layout: MapLayout, columns: dict[int, list[str]]) -> QRectF | None:
    """The bounding box of a cell's cards: the first and last card of each column."""
    left = top = math.inf
    right = bottom = -math.inf
    for ids in columns.values():
        first = layout.cards.get(ids[0]) if ids else None
        last = layout.cards.get(ids[-1]) if ids else None
        if first is None or last is None:
            continue
        left, right = min(left, first.rect.x), max(right, first.rect.right)
        top, bottom = min(top, first.rect.y), max(bottom, last.rect.bottom)
    return QRectF(left, top, right - left, bottom - top) if right > left else None


def link_weight(count: int) -> float:
    """How strongly to draw `count` connections: 0 for one, 1 per tenfold, 3.5 at most
    (in quarter steps, so a map has a dozen weights and as many paths)."""
    return round(min(math.log10(count), 3.5) * 4) / 4


def link_pen(weight: float, room: float, t: Theme) -> QPen:
    """One pixel wide up to ten connections, then 1.25 px more per tenfold; fainter the
    fewer, so a few hundred single loops back make a haze, not a tangle. `room` (0…1)
    thins and fades them all where the tiles are too short to hold arcs apart.

    (Thin strokes also keep the frame cheap: Qt's antialiased strokes wider than a pixel
    are slow, and a few hundred long ones took a tenth of a second; the wider ones are
    drawn without antialiasing.)"""
    link = QColor(t.connection)
    link.setAlphaF(min(1.0, (0.08 if not t.dark else 0.1) + 0.24 * weight) * room)
    result = QPen(link, max(1.0, 1.0 + 1.25 * (weight - 1.0) * room))
    result.setCapStyle(Qt.PenCapStyle.RoundCap)
    return result


def _strokes(
    links: dict[tuple[Cell, Cell], int], cells: dict[Cell, CellTally], layout: MapLayout
) -> list[tuple[float, QPainterPath]]:
    """One path per weight, the lightest first: every link an arc between its tiles' centres.

    An arc bends to the left of its way, so forward links arch over the lanes, links
    back under them, and the two directions between a pair of cells never overlap.
    """
    rows = [
        r.h for lane, r in layout.lanes.items() if layout.lane_kinds[lane] is LaneKind.TOUCHPOINTS
    ]
    most = 0.4 * min(rows, default=0.0)
    paths: dict[float, QPainterPath] = {}
    for (a, b), n in links.items():
        start, end = cells[a].area.center(), cells[b].area.center()
        dx, dy = end.x() - start.x(), end.y() - start.y()
        length = math.hypot(dx, dy) or 1.0
        bow = min(0.2 * length, most) / length
        middle = (start + end) / 2 + QPointF(dy * bow, -dx * bow)
        path = paths.setdefault(link_weight(n), QPainterPath())
        path.moveTo(start)
        path.quadTo(middle, end)
    return sorted(paths.items())
