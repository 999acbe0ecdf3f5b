"""One stage's cell of a notes lane (Doing, Thinking, Backstage…): free text, wrapped.

The scene opens an in-place editor on double-click; the item only paints, with a hint
when the cell is empty and the pointer is over it.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneHoverEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from journeymapper.app.canvas.style import color, draw_line, theme
from journeymapper.layout.geometry import CELL_PAD, TEXT_FONT, Rect, baselines

CELL_Z = -5.0
HINT = "Double-click to write a note"


class NotesCellItem(QGraphicsItem):
    def __init__(self, lane_id: str, stage_id: str) -> None:
        super().__init__()
        self.lane_id, self.stage_id = lane_id, stage_id
        self.rect = Rect(0, 0, 0, 0)
        self.lines: tuple[str, ...] = ()
        self.hovered = False
        self.setZValue(CELL_Z)
        self.setAcceptHoverEvents(True)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def update_from(self, rect: Rect, lines: tuple[str, ...]) -> None:
        if rect == self.rect and lines == self.lines:
            return
        if rect != self.rect:
            self.prepareGeometryChange()
        self.rect, self.lines = rect, lines
        self.update()

    def boundingRect(self) -> QRectF:
        r = self.rect
        return QRectF(r.x, r.y, r.w, r.h)

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.hovered = True
        self.update()

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.hovered = False
        self.update()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        if lod * TEXT_FONT < 3.5:
            return
        x = self.rect.x + CELL_PAD
        if not self.lines:
            if self.hovered:
                painter.setPen(color(theme().hint_ink))
                (baseline,) = baselines(self.rect.y + CELL_PAD, 1, TEXT_FONT)
                draw_line(painter, x, baseline, HINT, TEXT_FONT)
            return
        painter.setPen(color(theme().ink))
        for line, baseline in zip(
            self.lines, baselines(self.rect.y + CELL_PAD, len(self.lines), TEXT_FONT), strict=True
        ):
            draw_line(painter, x, baseline, line, TEXT_FONT)
