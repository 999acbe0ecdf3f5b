"""The connect handle: a small round knob on the right edge of the hovered or selected
card. Pressing it starts the connect interaction; there is one handle per scene, moved
to whichever card it belongs to, rather than one item per card.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from journeymapper.app.canvas.protocol import ItemHost
from journeymapper.app.canvas.style import color, pen, theme
from journeymapper.layout.geometry import Rect

HANDLE_Z = 20.0
RADIUS = 7.5


class HandleItem(QGraphicsItem):
    def __init__(self, host: ItemHost) -> None:
        super().__init__()
        self.host = host
        self.card_id: str | None = None
        self.hovered = False
        self.setZValue(HANDLE_Z)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setToolTip("Drag to another card to connect")
        self.setVisible(False)

    def attach(self, card_id: str | None, rect: Rect | None) -> None:
        """Sit on the right edge of `rect`, or hide when there is no card."""
        self.card_id = card_id
        if card_id is None or rect is None:
            self.setVisible(False)
            return
        self.setPos(rect.right, rect.y + rect.h / 2)
        self.setVisible(True)

    def boundingRect(self) -> QRectF:
        return QRectF(-RADIUS - 2, -RADIUS - 2, 2 * RADIUS + 4, 2 * RADIUS + 4)

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.hovered = True
        self.update()

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.hovered = False
        self.update()

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.card_id is None or event.button() != Qt.MouseButton.LeftButton:
            event.ignore()
            return
        event.accept()
        self.host.begin_connect(self.card_id, event.scenePos())

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        t = theme()
        painter.setPen(pen(t.handle_ring, 2.0))
        painter.setBrush(color(t.selection if self.hovered else t.handle))
        painter.drawEllipse(QPointF(0, 0), RADIUS, RADIUS)
        painter.setPen(pen("#FFFFFF", 1.8))
        painter.drawLine(QPointF(-3, 0), QPointF(3, 0))
        painter.drawLine(QPointF(0.5, -3), QPointF(3.2, 0))
        painter.drawLine(QPointF(0.5, 3), QPointF(3.2, 0))
