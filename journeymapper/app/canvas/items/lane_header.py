"""A lane's header: its name, and what kind of row it is, on the left of the row.

Selecting it shows the lane's fields; dragging it up or down reorders lanes;
double-click renames in place.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QStyle,
    QStyleOptionGraphicsItem,
    QWidget,
)

from journeymapper.app.canvas.protocol import ItemHost
from journeymapper.app.canvas.style import DETAIL_LOD, color, draw_line, pen, theme
from journeymapper.app.look.glyphs import paint_icon
from journeymapper.layout.geometry import CELL_PAD, LANE_FONT, SMALL_FONT, Rect, baselines
from journeymapper.layout.text import line_height
from journeymapper.model.schema import Lane, LaneKind

HEADER_Z = 6.0
KIND_CAPTIONS = {
    LaneKind.TOUCHPOINTS: "Touchpoints",
    LaneKind.NOTES: "Notes",
    LaneKind.EMOTION: "Emotion",
    LaneKind.PAIN_POINTS: "Pain points",
    LaneKind.OPPORTUNITIES: "Opportunities",
}


class LaneHeaderItem(QGraphicsItem):
    def __init__(self, lane: Lane, host: ItemHost) -> None:
        super().__init__()
        self.host = host
        self.lane = lane
        self.rect = Rect(0, 0, 0, 0)
        self.titles: tuple[str, ...] = ()
        self.hovered = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setZValue(HEADER_Z)

    @property
    def lane_id(self) -> str:
        return self.lane.id

    def update_from(self, lane: Lane, rect: Rect, titles: tuple[str, ...]) -> None:
        if rect != self.rect:
            self.prepareGeometryChange()
        self.lane, self.rect, self.titles = lane, rect, titles
        self.update()

    def boundingRect(self) -> QRectF:
        r = self.rect
        return QRectF(r.x, r.y, r.w, r.h)

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.hovered = True
        self.update()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.hovered = False
        self.update()
        super().hoverLeaveEvent(event)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mousePressEvent(event)
        if event.button() == event.button().LeftButton:
            self.host.begin_header_drag("lane", self.lane_id, event.scenePos())

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        r, t = self.boundingRect(), theme()
        painter.fillRect(r, color(t.lane_header_hover if self.hovered else t.lane_header))
        kind = self.lane.kind
        painter.fillRect(QRectF(r.x(), r.y(), 3, r.height()), color(t.kind_colors[kind]))
        painter.setPen(pen(t.grid, 1.0))
        painter.drawLine(r.topRight(), r.bottomRight())
        if bool(option.state & QStyle.StateFlag.State_Selected):
            painter.setPen(pen(t.selection, 2.0))
            painter.drawRect(r.adjusted(1, 1, -1, -1))
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        if lod < DETAIL_LOD:  # the same zoom at which cards stop showing their names
            return
        x = self.rect.x + CELL_PAD
        painter.setPen(color(t.ink))
        for line, baseline in zip(
            self.titles, baselines(self.rect.y + CELL_PAD, len(self.titles), LANE_FONT), strict=True
        ):
            draw_line(painter, x, baseline, line, LANE_FONT, bold=True)
        top = self.rect.y + CELL_PAD + len(self.titles) * line_height(LANE_FONT) + 3
        if lod < DETAIL_LOD or top + 12 > self.rect.bottom - 4:
            return
        caption = KIND_CAPTIONS[kind]
        if caption.casefold() == self.lane.name.casefold():
            return
        muted = color(t.muted_ink)
        paint_icon(painter, kind.value, QRectF(x, top, 11, 11), muted)
        painter.setPen(muted)
        (baseline,) = baselines(top - 0.5, 1, SMALL_FONT)
        draw_line(painter, x + 15, baseline, caption, SMALL_FONT)
