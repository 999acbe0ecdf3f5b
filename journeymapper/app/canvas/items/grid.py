"""The map's background: lane rows tinted by kind, stage columns and the lines between.

One item draws the whole grid; it never takes mouse buttons, so a press on an empty
cell falls through to the scene (cell cursor, rubber band).
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeymapper import palette
from journeymapper.app.canvas.style import color, pen
from journeymapper.layout import LANE_HEADER_W, MapLayout
from journeymapper.model.schema import LaneKind

GRID_Z = -10.0
LANE_TINTS = {
    LaneKind.TOUCHPOINTS: "#FFFFFF",
    LaneKind.NOTES: "#FAFBFC",
    LaneKind.EMOTION: "#FBFBFE",
    LaneKind.PAIN_POINTS: "#FEF8F8",
    LaneKind.OPPORTUNITIES: "#F6FBF8",
}


class GridItem(QGraphicsItem):
    def __init__(self) -> None:
        super().__init__()
        self.layout: MapLayout | None = None
        self._bounds = QRectF()
        self.setZValue(GRID_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_layout(self, layout: MapLayout) -> None:
        bounds = QRectF(0, 0, layout.width, layout.height)
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds
        self.layout = layout
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds.adjusted(-2, -2, 2, 2)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        layout = self.layout
        if layout is None:
            return
        painter.fillRect(self._bounds, color(palette.PAPER))
        for lane_id, row in layout.lanes.items():
            tint = LANE_TINTS[layout.lane_kinds[lane_id]]
            painter.fillRect(
                QRectF(LANE_HEADER_W, row.y, row.w - LANE_HEADER_W, row.h), color(tint)
            )
        painter.setPen(pen(palette.GRID, 1.0))
        lines = [QLineF(r.x, 0, r.x, layout.height) for r in layout.stages.values()]
        lines += [QLineF(0, r.y, layout.width, r.y) for r in layout.lanes.values()]
        painter.drawLines(lines)
        painter.setPen(pen("#B8C2CF", 1.2))
        painter.drawRect(self._bounds)
