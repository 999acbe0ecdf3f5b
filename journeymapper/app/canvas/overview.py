"""The zoomed-out picture of the map, drawn in a handful of calls.

Below `OVERVIEW_LOD` the view shows this scene instead of the editing scene: at that
zoom a card is a few pixels wide, and asking thousands of items to paint themselves
one by one costs far more than a frame. The picture is built from the same layout
(cards as rectangles in their category's tint, connections as straight strokes, the
stage bands in the stages' colours) and cached until the layout changes. The editing
scene keeps its items and its selection meanwhile.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget

from journeymapper import palette
from journeymapper.app.canvas.style import Theme, backdrop, color, pen, theme
from journeymapper.layout import LANE_HEADER_W, MapLayout

if TYPE_CHECKING:
    from journeymapper.app.canvas.scene import JourneyScene


class _Picture:
    """The layout turned into batches of rectangles and lines, one batch per colour."""

    def __init__(self, layout: MapLayout, scene: JourneyScene, t: Theme) -> None:
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
        self.curves = [
            QPolygonF([QPointF(x, y) for x, y in plot.series[0].points])
            for plot in layout.emotion.values()
            if plot.series and len(plot.series[0].points) > 1
        ]


class OverviewItem(QGraphicsItem):
    def __init__(self, source: JourneyScene) -> None:
        super().__init__()
        self.source = source
        self._picture: _Picture | None = None
        self._layout: MapLayout | None = None

    def boundingRect(self) -> QRectF:
        layout = self.source.layout
        return QRectF(0, 0, layout.width, layout.height).adjusted(-2, -2, 2, 2)

    def refresh(self) -> None:
        if self._layout is not self.source.layout:
            self.prepareGeometryChange()
        self.update()

    def _picture_for(self, layout: MapLayout) -> _Picture:
        t = theme()
        if self._picture is None or self._layout is not layout or self._picture.theme is not t:
            self._picture = _Picture(layout, self.source, t)
            self._layout = layout
        return self._picture

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        layout = self.source.layout
        picture = self._picture_for(layout)
        t = picture.theme
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
        painter.setPen(pen(t.emotion_line, 0.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for curve in picture.curves:
            painter.drawPolyline(curve)
        painter.setPen(pen(t.frame, 0.0))
        painter.drawRect(QRectF(0, 0, layout.width, layout.height))


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
