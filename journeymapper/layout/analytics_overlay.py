"""Where the *Analytics* overlay goes: the one geometry the canvas, the poster and SVG draw.

From a map's stored log figures and its layout: an arrow per observed step between
touchpoints, as wide as its share of the busiest step (by the square root, so area
reads as volume) and labelled with its count and median time; solid along a designed
connection, dashed where the step is not on the map. A badge on each card with the
cases that reached it, a line in each stage header with its cases and drop-off, and a
small legend in the map's empty top-left corner. Arrows follow the connection's own
route (`MapLayout.edge`): sampled from a Bézier curve, or taken as they are when the
route is a polyline with `points`.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

from journeymapper.layout.geometry import (
    LANE_HEADER_W,
    MapLayout,
    Point,
    Rect,
)
from journeymapper.layout.text import elide, text_width
from journeymapper.model.document import Journey
from journeymapper.model.log_figures import LogFigures

DESIGNED = "#2F6DB5"
UNDESIGNED = "#D9534F"
BADGE = "#0F766E"
BADGE_TEXT = "#FFFFFF"
NOTE_INK = "#0F766E"
MIN_WIDTH = 1.5
MAX_WIDTH = 10.0
LABEL_FONT = 7.5
BADGE_FONT = 7.5
LEGEND_FONT = 7.0
SEARCH_STEPS = 8  # how many route points from the middle a label tries, each way
LABEL_SHARE = 0.05
"""Steps under this share of the busiest one get no label: they would bury the map."""


@dataclass(frozen=True, slots=True)
class Arrow:
    source: str
    target: str
    connection: str | None  # the designed connection it follows, if any
    points: tuple[Point, ...]
    head: tuple[Point, Point, Point]
    width: float
    label: str
    label_at: Point

    @property
    def designed(self) -> bool:
        return self.connection is not None


@dataclass(frozen=True, slots=True)
class Badge:
    touchpoint: str
    rect: Rect
    text: str


@dataclass(frozen=True, slots=True)
class StageNote:
    stage: str
    x: float
    baseline: float
    width: float
    text: str


@dataclass(frozen=True, slots=True)
class Overlay:
    arrows: tuple[Arrow, ...]
    badges: tuple[Badge, ...]
    notes: tuple[StageNote, ...]
    legend_box: Rect
    legend: tuple[str, ...]


def shown_figures(journey: Journey) -> LogFigures | None:
    """The figures to draw: stored and switched on, else None."""
    analytics = journey.info.analytics
    if analytics is None or not analytics.shown:
        return None
    return analytics.figures


def duration(seconds: float | None) -> str:
    if seconds is None:
        return ""
    for limit, size, unit in ((60, 1, "s"), (3600, 60, "min"), (86400, 3600, "h")):
        if seconds < limit:
            value = seconds / size
            return f"{value:.0f} {unit}" if unit != "h" else f"{value:.1f} h"
    return f"{seconds / 86400:.1f} d"


def overlay(journey: Journey, layout: MapLayout, figures: LogFigures) -> Overlay:
    """The overlay of `figures` on `layout` (see the module docstring)."""
    return Overlay(
        arrows=_arrows(journey, layout, figures),
        badges=_badges(layout, figures),
        notes=_notes(layout, figures),
        legend_box=Rect(6.0, 6.0, LANE_HEADER_W - 12.0, max(layout.header_h - 12.0, 40.0)),
        legend=_legend(figures),
    )


def _arrows(journey: Journey, layout: MapLayout, figures: LogFigures) -> tuple[Arrow, ...]:
    cards = layout.cards
    flows = [f for f in figures.flows if f.source in cards and f.target in cards]
    busiest = max((f.count for f in flows), default=1) or 1
    grid = CardGrid(layout)
    arrows = []
    for flow in flows:
        conn = journey.connection_between(flow.source, flow.target)
        route = layout.route(conn.id) if conn is not None else None
        if route is None:  # a step the map does not have: routed the same way, for now
            route = layout.routing.sketch(flow.source, flow.target, {})
        if route is None:
            continue
        points = tuple(route.flatten())
        width = MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * math.sqrt(flow.count / busiest)
        time = duration(flow.median_seconds)
        label = f"{flow.count:,}" + (f" · {time}" if time else "")
        if flow.count < LABEL_SHARE * busiest:
            label = ""
        arrows.append(
            Arrow(
                flow.source,
                flow.target,
                conn.id if conn else None,
                points,
                arrowhead(points, width),
                width,
                label,
                label_point(points, grid) if label else points[len(points) // 2],
            )
        )
    arrows.sort(key=lambda a: -a.width)  # the widest first, so thin ones stay visible
    return tuple(arrows)


def arrowhead(points: Sequence[Point], width: float) -> tuple[Point, Point, Point]:
    """A head as wide as the arrow needs, its tip on the route's end."""
    tip = points[-1]
    before = next((p for p in reversed(points[:-1]) if p != tip), (tip[0] - 1, tip[1]))
    dx, dy = tip[0] - before[0], tip[1] - before[1]
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    size = 6.0 + width * 1.2
    half = 3.0 + width * 0.9
    bx, by = tip[0] - ux * size, tip[1] - uy * size
    return (tip, (bx - uy * half, by + ux * half), (bx + uy * half, by - ux * half))


def midpoint(points: Sequence[Point]) -> Point:
    """The point halfway along a polyline."""
    lengths = [math.dist(a, b) for a, b in itertools.pairwise(points)]
    half = sum(lengths) / 2
    for (a, b), length in zip(itertools.pairwise(points), lengths, strict=True):
        if half <= length and length > 0:
            t = half / length
            return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
        half -= length
    return points[len(points) // 2]


class CardGrid:
    """The cards' rectangles in buckets of a coarse grid: "is this point on a card?"
    looks at a few cards instead of all of them (a 500-card map asks it 50,000 times)."""

    SIZE = 200.0
    PAD = 7.0

    def __init__(self, layout: MapLayout) -> None:
        self.buckets: dict[tuple[int, int], list[Rect]] = {}
        size, pad = self.SIZE, self.PAD
        for card in layout.cards.values():
            r = card.rect
            for gx in range(int((r.x - pad) // size), int((r.right + pad) // size) + 1):
                for gy in range(int((r.y - pad) // size), int((r.bottom + pad) // size) + 1):
                    self.buckets.setdefault((gx, gy), []).append(r)

    def on_card(self, point: Point) -> bool:
        x, y = point
        pad = self.PAD
        for r in self.buckets.get((int(x // self.SIZE), int(y // self.SIZE)), ()):
            if r.x - pad <= x <= r.x + r.w + pad and r.y - pad <= y <= r.y + r.h + pad:
                return True
        return False


def label_point(points: Sequence[Point], grid: CardGrid) -> Point:
    """The point nearest the middle of the route that is not on a card (arrows pass
    under cards; their labels must not), else the middle."""
    middle = midpoint(points)
    if not grid.on_card(middle):
        return middle
    centre = len(points) // 2
    for step in range(1, min(len(points), SEARCH_STEPS)):
        for index in (centre - step, centre + step):
            if 0 < index < len(points) - 1 and not grid.on_card(points[index]):
                return points[index]
    return middle


def _badges(layout: MapLayout, figures: LogFigures) -> tuple[Badge, ...]:
    badges = []
    for reach in figures.reach:
        card = layout.cards.get(reach.touchpoint)
        if card is None:
            continue
        share = f" · {100 * reach.cases / figures.cases:.0f} %" if figures.cases else ""
        text = f"{reach.cases:,}{share}"
        width = text_width(text, BADGE_FONT, True) + 10
        rect = Rect(card.rect.right - width + 4, card.rect.y - 7, width, 13.0)
        badges.append(Badge(reach.touchpoint, rect, text))
    return tuple(badges)


def _notes(layout: MapLayout, figures: LogFigures) -> tuple[StageNote, ...]:
    notes = []
    for stage in figures.stages:
        if stage.stage not in layout.stages:
            continue
        header = layout.stage_header(stage.stage)
        text = f"{stage.cases:,} cases"
        if stage.dropped:
            share = 100 * stage.dropped / stage.cases if stage.cases else 0
            text += f" · {stage.dropped:,} drop off ({share:.0f} %)"
        width = header.w - 16
        notes.append(
            StageNote(
                stage.stage, header.x + 8, header.bottom - 5, width, elide(text, LABEL_FONT, width)
            )
        )
    return tuple(notes)


def _legend(figures: LogFigures) -> tuple[str, ...]:
    width = LANE_HEADER_W - 24
    fit = (
        f"{100 * figures.fitting / figures.mapped_cases:.0f} % follow the map"
        if figures.mapped_cases
        else "cases: visits"
    )
    return (
        elide(f"Log: {figures.log}", LEGEND_FONT, width, True),
        elide(f"{figures.cases:,} cases · {fit}", LEGEND_FONT, width),
        "designed",  # drawn with a solid sample line before it
        "not on the map",  # and a dashed one
    )
