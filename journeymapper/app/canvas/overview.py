"""The zoomed-out picture of the map, drawn in a handful of calls.

Below `OVERVIEW_LOD` the view shows this scene instead of the editing scene: at that
zoom a card is a few pixels wide, and asking thousands of items to paint themselves
one by one costs far more than a frame. Two levels of detail, chosen from the zoom
while painting:

- cards still `TILE_CARD_PX` wide or more, on a map of at most `MOST_CARDS_DRAWN`
  cards: every card a rectangle in its category's tint, every connection a straight
  stroke (`_Picture`);
- narrower than that (a card is a speck), or a bigger map: each touchpoints cell is
  one tile instead, banded in its categories' tints in proportion, labelled with its
  number of cards and their average emotion, and the connections are one stroke per
  pair of cells they join, thicker and darker the more there are (`Aggregates`).
  Labels and strokes keep their size in screen pixels at every zoom.

Both are built on first use and kept until the layout changes (the picture also
until the theme does: it holds colours, the aggregates hold none), so zooming from
one level to the other rebuilds nothing. Stage bands, lane tints and the emotion curve
are drawn at both. The editing scene keeps its items and its selection meanwhile.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
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

from journeymapper.app.canvas.items.face import paint_face
from journeymapper.app.canvas.overview_tiles import (
    Aggregates,
    CellTally,
    link_pen,
)
from journeymapper.app.canvas.style import TILE_CARD_PX, Theme, backdrop, color, pen, theme
from journeymapper.app.look.fonts import ui_font
from journeymapper.layout.geometry import CARD_W, LANE_HEADER_W, MapLayout
from journeymapper.look import palette
from journeymapper.model.schema import EmotionScale

if TYPE_CHECKING:
    from journeymapper.app.canvas.scene import JourneyScene

GUTTER = 1.0  # pixels between neighbouring tiles, which would touch when far out
LABEL_PT = 8.0  # the tiles' labels, in points at every zoom
MOST_CARDS_DRAWN = 20_000  # a bigger map's overview is tiles at every zoom


def tiles_at(zoom: float, cards: int = 0) -> bool:
    """True when a card is too narrow on screen at `zoom` to be drawn on its own, or
    the map has too many `cards` to draw one by one in a frame (every card and arrow
    of a 100,000-card map took half a second a frame)."""
    return zoom * CARD_W < TILE_CARD_PX or cards > MOST_CARDS_DRAWN


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
        if tiles_at(zoom, len(layout.cards)):
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
