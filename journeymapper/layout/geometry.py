"""The geometry of a journey map: the one layout both the canvas and the poster draw.

Columns are stages and rows are visible lanes; every column and row grows to fit what
it holds, so text is never clipped. Cards sit in columns of a stage × lane cell
(`Slot.column`) and stack in `Slot.order`. All numbers are floats in points (1/72 in),
with y growing downwards; the poster flips y in one place.

`engine.layout_journey` is a pure function of a `Journey`; the engine computes it, and
keeps it current edit by edit for the canvas. The canvas asks the result where things
are (`cell_at`, `slot_for_drop`); the PDF draws it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple, Protocol

from journeymapper.layout.route import Route
from journeymapper.layout.text import line_height, wrap
from journeymapper.model.document import Journey
from journeymapper.model.schema import EmotionScale, LaneKind, Slot, Touchpoint

# ----- dimensions (points) ----------------------------------------------------------

LANE_HEADER_W = 148.0
MIN_STAGE_W = 230.0
MIN_HEADER_H = 58.0
CELL_PAD = 14.0
CARD_W = 158.0
CARD_GAP_X = 28.0  # a gutter for arrows: a track or two, and room for an arrowhead
CARD_GAP_Y = 12.0
CARD_PAD = 9.0
CARD_ICON = 18.0
MIN_CARD_H = 70.0
MARKER_ROW = 14.0
MIN_CARD_LANE_H = 100.0
MIN_TEXT_LANE_H = 56.0
EMOTION_MARGIN = 18.0  # below an emotion lane's plot (its height: `layout.emotion`)

STAGE_FONT = 13.0
PHASE_FONT = 9.0
LANE_FONT = 11.0
NAME_FONT = 11.0
SMALL_FONT = 8.5
TEXT_FONT = 10.0
BULLET_INDENT = 11.0
ITEM_GAP = 4.0
ASCENT = 0.76  # DejaVu Sans ascent as a fraction of the font size


Point = tuple[float, float]


class Rect(NamedTuple):
    """An axis-aligned rectangle. A named tuple rather than a frozen dataclass: a big
    map makes one per card at every layout, and a tuple is built four times faster."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def center(self) -> tuple[float, float]:
        return (self.x + self.w / 2, self.y + self.h / 2)

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x < self.right and self.y <= y < self.bottom

    def moved_to(self, x: float, y: float) -> Rect:
        return Rect(x, y, self.w, self.h)


def baselines(top: float, count: int, size: float) -> list[float]:
    """The baseline y of `count` lines of text whose first line box starts at `top`."""
    step = line_height(size)
    first = top + (step - size) / 2 + ASCENT * size
    return [first + i * step for i in range(count)]


# ----- cards -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CardParts:
    """Where each element of a card goes, relative to the card's top-left corner."""

    icon: Rect
    face: Rect
    channel_x: float
    name_top: float
    name_baselines: tuple[float, ...]
    markers: Rect | None


def card_name_lines(name: str) -> tuple[str, ...]:
    return wrap(name, NAME_FONT, CARD_W - 2 * CARD_PAD, True)


def has_markers(tp: Touchpoint) -> bool:
    """Whether a card's marker row shows anything (the row is there either way)."""
    return bool(tp.pain_points or tp.opportunities or tp.votes or tp.personas)


def card_parts(line_count: int, markers: bool, height: float) -> CardParts:
    top = CARD_PAD
    name_top = top + CARD_ICON + 6
    lines = baselines(name_top, line_count, NAME_FONT)
    marker_rect = (
        Rect(CARD_PAD, height - CARD_PAD - MARKER_ROW, CARD_W - 2 * CARD_PAD, MARKER_ROW)
        if markers
        else None
    )
    return CardParts(
        icon=Rect(CARD_PAD, top, CARD_ICON, CARD_ICON),
        face=Rect(CARD_W - CARD_PAD - CARD_ICON, top, CARD_ICON, CARD_ICON),
        channel_x=CARD_PAD + CARD_ICON + 5,
        name_top=name_top,
        name_baselines=tuple(lines),
        markers=marker_rect,
    )


def card_height(line_count: int) -> float:
    """A card's height from its name alone. Every card keeps its marker row, empty or
    not, so a vote, a pain point or a persona never makes a card taller: a row of
    cards stays even and the arrows between them straight."""
    content = CARD_PAD + CARD_ICON + 6 + line_count * line_height(NAME_FONT) + CARD_PAD
    return max(MIN_CARD_H, math.ceil(content + MARKER_ROW + 5))


@lru_cache(maxsize=200_000)
def card_size(name: str) -> tuple[tuple[str, ...], float]:
    """A card's name lines and height. Cached: big maps repeat names, and the wrap of a
    name alone was a fifth of laying out 100,000 cards."""
    lines = card_name_lines(name)
    return lines, card_height(len(lines))


class CardGeometry(NamedTuple):
    """Where a card goes and what its name wraps to (a named tuple, like `Rect`)."""

    id: str
    rect: Rect
    name_lines: tuple[str, ...]
    markers: bool  # whether its marker row shows anything

    @property
    def parts(self) -> CardParts:
        return card_parts(len(self.name_lines), self.markers, self.rect.h)


# ----- connections -----------------------------------------------------------------
# Connections are routed around the cards by `journeymapper.layout.routing`; a layout
# hands out its routes (`MapLayout.route`, `MapLayout.routing`). The router is handed to
# each layout by the engine that makes it (`MapLayout.router`), so this module needs
# nothing of the routing package, which builds on it.


class Routes(Protocol):
    """What a layout's routing answers (`journeymapper.layout.routing.router.Routing`)."""

    @property
    def done(self) -> bool: ...

    def route(self, conn_id: str) -> Route | None: ...

    def routes(self) -> dict[str, Route]: ...

    def current(self, conn_id: str) -> Route | None: ...

    def sketch(self, source: str, target: str, moved: Mapping[str, Rect]) -> Route | None: ...

    def step(self, seconds: float) -> bool: ...


# (layout, the previous layout's routing or None, connections whose routes are stale)
Router = Callable[["MapLayout", Any, frozenset[str]], Routes]


# ----- lanes that show text or curves ----------------------------------------------


@dataclass(frozen=True, slots=True)
class ListItem:
    """One pain point or opportunity in a stage's cell, with the cards that carry it."""

    text: str
    lines: tuple[str, ...]
    top: float
    touchpoints: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EmotionSeries:
    """One emotion line: all cards (persona None) or one persona's cards."""

    persona: str | None
    points: tuple[Point, ...]
    values: tuple[float, ...]
    segments: tuple[tuple[Point, Point, Point], ...]  # (c1, c2, end) after points[0]


@dataclass(frozen=True, slots=True)
class EmotionPlot:
    lane: str
    plot: Rect
    series: tuple[EmotionSeries, ...]


# ----- the whole map ---------------------------------------------------------------


@dataclass(slots=True)
class MapLayout:
    width: float
    height: float
    header_h: float
    stages: dict[str, Rect]  # a stage's whole column, header included
    stage_titles: dict[str, tuple[str, ...]]
    lanes: dict[str, Rect]  # a lane's whole row, header included
    lane_titles: dict[str, tuple[str, ...]]
    lane_kinds: dict[str, LaneKind]
    cards: dict[str, CardGeometry]
    connection_ends: dict[str, tuple[str, str]]
    notes: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    lists: dict[tuple[str, str], tuple[ListItem, ...]] = field(default_factory=dict)
    emotion: dict[str, EmotionPlot] = field(default_factory=dict)
    columns: dict[tuple[str, str], dict[int, list[str]]] = field(default_factory=dict)
    labels_of: Callable[[], dict[str, str]] | None = field(
        default=None, compare=False, repr=False
    )  # the connections' labels, asked for only when needed
    router: Router | None = field(default=None, compare=False, repr=False)
    _labels: dict[str, str] | None = field(default=None, compare=False, repr=False)
    _routing: Routes | None = field(default=None, compare=False, repr=False)

    @property
    def connection_labels(self) -> dict[str, str]:
        """The labelled connections' labels by id (looked up on first use: a canvas lays
        a big map out after every edit, and most layouts never need them)."""
        if self._labels is None:
            self._labels = self.labels_of() if self.labels_of is not None else {}
        return self._labels

    @property
    def routing(self) -> Routes:
        """The routes of this layout's connections (made on first use: a canvas shows the
        map before its arrows are all routed; see `journeymapper.layout.routing`)."""
        if self._routing is None:
            self._routing = self._router()(self, None, frozenset())
        return self._routing

    def route_after(self, previous: MapLayout, stale: Iterable[str]) -> None:
        """Route this layout in the knowledge of the one before it: until every route is
        done, a connection not in `stale` (nor of a card that moved) keeps its old route."""
        self._routing = self._router()(self, previous._routing, frozenset(stale))

    def _router(self) -> Router:
        if self.router is None:
            raise RuntimeError("this layout was not made by a LayoutEngine: it has no router")
        return self.router

    def route(self, conn_id: str) -> Route | None:
        """A connection's route, or None when one of its cards is in a hidden lane."""
        return self.routing.route(conn_id)

    def routes(self) -> dict[str, Route]:
        """Every visible connection's route, by connection id."""
        return self.routing.routes()

    def stage_header(self, stage_id: str) -> Rect:
        column = self.stages[stage_id]
        return Rect(column.x, 0.0, column.w, self.header_h)

    def lane_header(self, lane_id: str) -> Rect:
        row = self.lanes[lane_id]
        return Rect(0.0, row.y, LANE_HEADER_W, row.h)

    def cell(self, stage_id: str, lane_id: str) -> Rect:
        column, row = self.stages[stage_id], self.lanes[lane_id]
        return Rect(column.x, row.y, column.w, row.h)

    def stage_at(self, x: float) -> str | None:
        return next((sid for sid, r in self.stages.items() if r.x <= x < r.right), None)

    def lane_at(self, y: float) -> str | None:
        return next((lid for lid, r in self.lanes.items() if r.y <= y < r.bottom), None)

    def cell_at(self, x: float, y: float) -> tuple[str, str] | None:
        stage, lane = self.stage_at(x), self.lane_at(y)
        return None if stage is None or lane is None else (stage, lane)

    def card_lane_at(self, x: float, y: float) -> tuple[str, str] | None:
        """The stage × touchpoints-lane cell under a point, or None where cards cannot go."""
        cell = self.cell_at(x, y)
        if cell is None or self.lane_kinds[cell[1]] is not LaneKind.TOUCHPOINTS:
            return None
        return cell

    def slot_for_drop(
        self,
        journey: Journey,
        stage_id: str,
        lane_id: str,
        x: float,
        y: float,
        moving: Iterable[str] = (),
    ) -> Slot:
        """The slot a card dropped at (x, y) in this cell should take, ignoring `moving`."""
        cell = self.cell(stage_id, lane_id)
        skip = set(moving)
        columns = {
            col: [c for c in ids if c not in skip]
            for col, ids in self.columns.get((stage_id, lane_id), {}).items()
        }
        used = [col for col, ids in columns.items() if ids]
        last = max(used) + 1 if used else 0
        pitch = CARD_W + CARD_GAP_X
        column = int((x - cell.x - CELL_PAD + CARD_GAP_X / 2) // pitch)
        if used and x > cell.x + CELL_PAD + (last - 1) * pitch + CARD_W:
            column = last  # right of the last column's cards: a new column
        column = max(0, min(column, last))
        stack = columns.get(column, [])
        orders = [journey.touchpoint(c).slot.order for c in stack]
        above = [c for c in stack if self.cards[c].rect.center[1] < y]
        index = len(above)
        if not orders:
            order = 0.0
        elif index == 0:
            order = orders[0] - 1.0
        elif index == len(orders):
            order = orders[-1] + 1.0
        else:
            order = (orders[index - 1] + orders[index]) / 2
        return Slot(column=column, order=order)


def emotion_y(plot: Rect, value: float, scale: EmotionScale) -> float:
    """The y of an emotion value in an emotion plot: the best at the top."""
    fraction = (value - scale.minimum) / (scale.maximum - scale.minimum)
    return plot.bottom - fraction * plot.h


def list_height(entries: Sequence[tuple[str, tuple[str, ...], tuple[str, ...]]]) -> float:
    lines = sum(len(e[1]) for e in entries)
    return lines * line_height(TEXT_FONT) + ITEM_GAP * max(0, len(entries) - 1)


def cumulative(start: float, sizes: Sequence[float]) -> list[float]:
    positions = [start]
    for size in sizes:
        positions.append(positions[-1] + size)
    return positions
