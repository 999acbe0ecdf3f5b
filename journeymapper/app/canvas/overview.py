"""The zoomed-out picture of the map, drawn in a handful of calls.

Below `OVERVIEW_LOD` the view shows this scene instead of the editing scene: at that
zoom a card is a few pixels wide, and asking thousands of items to paint themselves
one by one costs far more than a frame. Two levels of detail, chosen from the zoom
while painting:

- cards still `TILE_CARD_PX` wide or more: every card a rectangle in its category's
  tint, every connection a straight stroke (`_Picture`);
- narrower than that, a card is a speck: each touchpoints cell is one tile instead,
  banded in its categories' tints in proportion, labelled with its number of cards
  and their average emotion, and the connections are one stroke per pair of cells
  they join, thicker and darker the more there are (`Aggregates`). Labels and
  strokes keep their size in screen pixels at every zoom.

Both are built on first use and kept until the layout changes (the picture also
until the theme does: it holds colours, the aggregates hold none), so zooming from
one level to the other rebuilds nothing. Stage bands, lane tints and the emotion curve
are drawn at both. The editing scene keeps its items and its selection meanwhile.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QTransform,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget

from journeymapper import palette
from journeymapper.app.canvas.items.face import paint_face
from journeymapper.app.canvas.style import TILE_CARD_PX, Theme, backdrop, color, pen, theme
from journeymapper.app.fonts import ui_font
from journeymapper.layout import CARD_W, LANE_HEADER_W, MapLayout
from journeymapper.model.schema import Category, EmotionScale, LaneKind

if TYPE_CHECKING:
    from journeymapper.app.canvas.scene import JourneyScene
    from journeymapper.model.document import Journey

Cell = tuple[str, str]  # (stage id, lane id)

CATEGORIES: tuple[Category | None, ...] = (*Category, None)  # a tile's bands, top down
GUTTER = 1.0  # pixels between neighbouring tiles, which would touch when far out
LABEL_PT = 8.0  # the tiles' labels, in points at every zoom


def tiles_at(zoom: float) -> bool:
    """True when a card is too narrow on screen at `zoom` to be drawn on its own."""
    return zoom * CARD_W < TILE_CARD_PX


class _Picture:
    """The layout turned into batches of rectangles and lines, one batch per colour."""

    def __init__(self, layout: MapLayout, scene: JourneyScene, t: Theme) -> None:
        self.layout = layout
        self.theme = t
        self.cards: dict[str, list[QRectF]] = {}
        journey = scene.journey
        tints: dict[object, str] = {}
        for card_id, card in layout.cards.items():
            r = card.rect
            category = journey.touchpoint(card_id).category
            tint = tints.get(category)
            if tint is None:
                tint = t.overview_card(category)
                tints[category] = tint
            self.cards.setdefault(tint, []).append(QRectF(r.x, r.y, r.w, r.h))
        self.lines = []
        for source, target in layout.connection_ends.values():
            a, b = layout.cards.get(source), layout.cards.get(target)
            if a is not None and b is not None:
                self.lines.append(
                    QLineF(a.rect.right, a.rect.y + a.rect.h / 2, b.rect.x, b.rect.y + b.rect.h / 2)
                )


# ----- the aggregated level ---------------------------------------------------------


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


@cache
def _label_font() -> tuple[QFont, QFontMetricsF]:
    font = ui_font(LABEL_PT, bold=True)
    return font, QFontMetricsF(font)


# ----- the item ---------------------------------------------------------------------


class OverviewItem(QGraphicsItem):
    def __init__(self, source: JourneyScene) -> None:
        super().__init__()
        self.source = source
        self._picture: _Picture | None = None
        self._aggregates: Aggregates | None = None
        self._curves: tuple[MapLayout | None, list[QPolygonF]] = (None, [])
        self._extent: MapLayout | None = None

    def boundingRect(self) -> QRectF:
        layout = self.source.layout
        return QRectF(0, 0, layout.width, layout.height).adjusted(-2, -2, 2, 2)

    def refresh(self) -> None:
        if self._extent is not self.source.layout:
            self._extent = self.source.layout
            self.prepareGeometryChange()
        self.update()

    def picture(self) -> _Picture:
        """Every card and connection of the current layout, in the current theme."""
        layout, t = self.source.layout, theme()
        if (
            self._picture is None
            or self._picture.layout is not layout
            or self._picture.theme is not t
        ):
            self._picture = _Picture(layout, self.source, t)
        return self._picture

    def aggregates(self) -> Aggregates:
        """The per-cell totals of the current layout (built now if it changed)."""
        layout = self.source.layout
        if self._aggregates is None or self._aggregates.layout is not layout:
            self._aggregates = Aggregates(layout, self.source.journey)
        return self._aggregates

    def _emotion_curves(self, layout: MapLayout) -> list[QPolygonF]:
        if self._curves[0] is not layout:
            lines = [plot.series[0].points for plot in layout.emotion.values() if plot.series]
            curves = [QPolygonF([QPointF(*p) for p in points]) for points in lines]
            self._curves = (layout, [curve for curve in curves if curve.size() > 1])
        return self._curves[1]

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        layout = self.source.layout
        t = theme()
        self._paint_ground(painter, layout, t)
        zoom = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        if tiles_at(zoom):
            self._paint_tiles(painter, self.aggregates(), t)
        else:
            self._paint_cards(painter, self.picture(), t)
        painter.setPen(pen(t.emotion_line, 0.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for curve in self._emotion_curves(layout):
            painter.drawPolyline(curve)
        painter.setPen(pen(t.frame, 0.0))
        painter.drawRect(QRectF(0, 0, layout.width, layout.height))

    def _paint_ground(self, painter: QPainter, layout: MapLayout, t: Theme) -> None:
        painter.fillRect(QRectF(0, 0, layout.width, layout.height), color(t.paper))
        for lane_id, row in layout.lanes.items():
            tint = t.lane_tints[layout.lane_kinds[lane_id]]
            painter.fillRect(QRectF(0, row.y, row.w, row.h), color(tint))
            painter.fillRect(QRectF(0, row.y, LANE_HEADER_W, row.h), color(t.lane_header))
        for stage in self.source.journey.stages:
            column = layout.stages.get(stage.id)
            if column is not None:
                band = palette.mix(stage.color, t.paper, 0.55)
                painter.fillRect(QRectF(column.x, 0, column.w, layout.header_h), color(band))

    def _paint_cards(self, painter: QPainter, picture: _Picture, t: Theme) -> None:
        faint = QColor(t.connection)
        faint.setAlpha(70 if not t.dark else 110)
        painter.setPen(pen(faint.name(QColor.NameFormat.HexArgb), 0.0))
        painter.drawLines(picture.lines)
        painter.setPen(Qt.PenStyle.NoPen)
        for tint, rects in picture.cards.items():
            painter.setBrush(color(tint))
            painter.drawRects(rects)
        selected = self.source.selected_card_rects()
        if selected:
            painter.setBrush(color(t.selection))
            painter.drawRects(selected)

    def _paint_tiles(self, painter: QPainter, totals: Aggregates, t: Theme) -> None:
        """The tiles, links and labels in device pixels, so the labels keep their size
        and the tiles their gutters at any zoom."""
        transform = painter.worldTransform()
        painter.save()
        painter.resetTransform()
        boxes = {
            cell: transform.mapRect(tally.area).adjusted(GUTTER, GUTTER, -GUTTER, -GUTTER)
            for cell, tally in totals.cells.items()
        }
        for cell, tally in totals.cells.items():
            _paint_tile(painter, boxes[cell], tally, t)
        _paint_links(painter, totals.strokes, transform, _room(boxes.values()), t)
        selected = {totals.cell_of.get(i) for i in self.source.selected_card_ids()}
        ring = QPen(color(t.selection), 2.0)
        scale = self.source.style.scale
        for cell, tally in totals.cells.items():
            if cell in selected:
                painter.setPen(ring)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(boxes[cell].adjusted(1, 1, -1, -1))
            bounds = transform.mapRect(tally.cell).adjusted(GUTTER, GUTTER, -GUTTER, -GUTTER)
            _paint_label(painter, boxes[cell].center(), bounds, tally, t, scale)
        painter.restore()


def _room(boxes: Iterable[QRectF]) -> float:
    """How far the tiles hold arcs apart, 0.3…1: the least when a typical tile is a
    label's height (16 px) or less, all from three times that."""
    heights = sorted(box.height() for box in boxes)
    return min(1.0, max(0.3, (heights[len(heights) // 2] - 16) / 32)) if heights else 1.0


def _paint_links(
    painter: QPainter,
    strokes: list[tuple[float, QPainterPath]],
    transform: QTransform,
    room: float,
    t: Theme,
) -> None:
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for weight, path in strokes:
        stroke = link_pen(weight, room, t)
        if stroke.color().alpha() < 12:
            continue  # a few single links far out: invisible, and not free to draw
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, stroke.widthF() <= 1.0)
        painter.setPen(stroke)
        painter.drawPath(transform.map(path))  # mapped first: Qt flattens in scene units
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)


def _paint_tile(painter: QPainter, box: QRectF, tally: CellTally, t: Theme) -> None:
    """The tile: its categories' tints in bands as tall as their share, so the label in
    the middle leaves every band showing at both ends."""
    y = box.top()
    for category, n in tally.categories:
        height = box.height() * n / tally.count
        painter.fillRect(
            QRectF(box.left(), y, box.width(), height), color(t.overview_card(category))
        )
        y += height


def _paint_label(
    painter: QPainter,
    center: QPointF,
    bounds: QRectF,
    tally: CellTally,
    t: Theme,
    scale: EmotionScale,
) -> None:
    """The number of cards and a face for their mean emotion, on a pill at the tile's
    middle and inside its cell: the longest wording that fits, or none. In a short tile
    the pill shrinks to the tile's height, down to the height of the digits."""
    font, metrics = _label_font()
    cap = metrics.capHeight()
    height = min(metrics.height() + 2, bounds.height())
    if height < cap + 4:
        return
    face = min(metrics.height() - 2, height - 2) if tally.emotion is not None else 0.0
    number = f"{tally.count:,}"
    noun = "touchpoint" if tally.count == 1 else "touchpoints"
    wordings = (f"{number} {noun}", number) if height > metrics.height() else (number,)
    for text in wordings:
        width = metrics.horizontalAdvance(text) + 12 + (face + 4 if face else 0)
        if width <= bounds.width() - 4:
            break
    else:
        return
    pill = QRectF(0, 0, width, height)
    pill.moveCenter(center)
    pill.moveLeft(min(max(pill.left(), bounds.left() + 2), bounds.right() - 2 - width))
    pill.moveTop(min(max(pill.top(), bounds.top()), bounds.bottom() - height))
    fill = QColor(t.card)  # in a short tile, a veil: enough for contrast, the tint shows
    fill.setAlphaF(0.9 if height > metrics.height() else 0.35)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(fill)
    painter.drawRoundedRect(pill, height / 2, height / 2)
    left = pill.left() + 6
    if face:
        spot = QRectF(left, pill.center().y() - face / 2, face, face)
        paint_face(painter, spot, round(tally.emotion or 0), scale)
        left += face + 4
    painter.setFont(font)
    painter.setPen(color(t.ink))
    painter.drawText(QPointF(left, pill.center().y() + cap / 2), text)


class OverviewScene(QGraphicsScene):
    """The scene the view shows when zoomed far out; it holds only the picture."""

    def __init__(self, source: JourneyScene) -> None:
        super().__init__()
        self.source = source
        self.setBackgroundBrush(backdrop())
        self.item = OverviewItem(source)
        self.addItem(self.item)
        self.sync()

    def sync(self) -> None:
        """Match the editing scene's extent and redraw from its current layout."""
        self.setSceneRect(self.source.sceneRect())
        self.item.refresh()

    def restyle(self) -> None:
        """Repaint in the current theme's colours (the picture follows the theme)."""
        self.setBackgroundBrush(backdrop())
        self.item.update()
