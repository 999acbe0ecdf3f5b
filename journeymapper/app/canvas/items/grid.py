"""The map's background: lane rows tinted by kind, stage columns and the lines between.

One item draws the whole grid; it never takes mouse buttons, so a press on an empty
cell falls through to the scene (cell cursor, rubber band).
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeymapper.app.canvas.style import color, draw_line, pen, theme
from journeymapper.layout.geometry import (
    CELL_PAD,
    LANE_FONT,
    LANE_HEADER_W,
    SMALL_FONT,
    MapLayout,
    baselines,
)
from journeymapper.layout.text import elide, line_height, wrap

GRID_Z = -10.0


class GridItem(QGraphicsItem):
    def __init__(self) -> None:
        super().__init__()
        self.layout: MapLayout | None = None
        self.title: tuple[str, ...] = ()
        self.caption = ""
        self._bounds = QRectF()
        self.setZValue(GRID_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_layout(self, layout: MapLayout, title: str = "", caption: str = "") -> None:
        bounds = QRectF(0, 0, layout.width, layout.height)
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds
        self.layout = layout
        width = LANE_HEADER_W - 2 * CELL_PAD
        room = max(
            1,
            int(
                (layout.header_h - 2 * CELL_PAD - line_height(SMALL_FONT)) // line_height(LANE_FONT)
            ),
        )
        lines = wrap(title, LANE_FONT, width, True)
        if len(lines) > room:
            lines = (*lines[: room - 1], elide(" ".join(lines[room - 1 :]), LANE_FONT, width, True))
        self.title, self.caption = lines, caption
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds.adjusted(-2, -2, 2, 2)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        layout = self.layout
        if layout is None:
            return
        t = theme()
        painter.fillRect(self._bounds, color(t.paper))
        for lane_id, row in layout.lanes.items():
            tint = t.lane_tints[layout.lane_kinds[lane_id]]
            painter.fillRect(
                QRectF(LANE_HEADER_W, row.y, row.w - LANE_HEADER_W, row.h), color(tint)
            )
        painter.setPen(pen(t.grid, 1.0))
        lines = [QLineF(r.x, 0, r.x, layout.height) for r in layout.stages.values()]
        lines += [QLineF(0, r.y, layout.width, r.y) for r in layout.lanes.values()]
        painter.drawLines(lines)
        painter.setPen(pen(t.frame, 1.2))
        painter.drawRect(self._bounds)
        self._paint_corner(painter, layout)

    def _paint_corner(self, painter: QPainter, layout: MapLayout) -> None:
        """The map's title where the stage and lane headers meet."""
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        t = theme()
        painter.fillRect(QRectF(0, 0, LANE_HEADER_W, layout.header_h), color(t.lane_header))
        painter.setPen(pen(t.grid, 1.0))
        painter.drawLine(QLineF(0, layout.header_h, LANE_HEADER_W, layout.header_h))
        painter.drawLine(QLineF(LANE_HEADER_W, 0, LANE_HEADER_W, layout.header_h))
        if lod * LANE_FONT < 3:
            return
        painter.setPen(color(t.ink))
        lines = baselines(CELL_PAD - 2, len(self.title), LANE_FONT)
        for line, baseline in zip(self.title, lines, strict=True):
            draw_line(painter, CELL_PAD, baseline, line, LANE_FONT, bold=True)
        if self.caption:
            painter.setPen(color(t.muted_ink))
            (baseline,) = baselines(
                CELL_PAD - 2 + len(self.title) * line_height(LANE_FONT), 1, SMALL_FONT
            )
            draw_line(painter, CELL_PAD, baseline, self.caption, SMALL_FONT)
