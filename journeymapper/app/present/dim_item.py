"""The veil over the stages out of focus, and a frame round the one in focus.

One overlay item over the whole map, drawn above cards, headers and the emotion
curve; it takes no mouse buttons or hover, so everything under it works as before.
No `QGraphicsEffect` on the cards: a veil is one fill per stage however many cards it
covers. It only paints in a view: an exported image (drawn with no widget) shows the
map as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeymapper.app.canvas.style import pen, theme
from journeymapper.layout.geometry import MapLayout

DIM_Z = 7.5  # above headers (6) and the emotion curve (7), below the handle (20)
VEIL = 0.72  # how much of the paper colour covers a stage out of focus
FRAME_W = 4.0


class StageDimItem(QGraphicsItem):
    def __init__(self) -> None:
        super().__init__()
        self.stage_id: str | None = None
        self.veiled: list[QRectF] = []
        self.focused = QRectF()
        self.color = "#2563EB"
        self._bounds = QRectF()
        self.setZValue(DIM_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)
        self.setVisible(False)

    def show_focus(self, layout: MapLayout, stage_id: str | None, color: str = "") -> None:
        """Veil every stage but `stage_id` (None: no focus, nothing veiled)."""
        self.stage_id = stage_id if stage_id in layout.stages else None
        bounds = QRectF(0, 0, layout.width, layout.height)
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds
        self.veiled = [
            QRectF(r.x, 0, r.w, layout.height)
            for sid, r in layout.stages.items()
            if sid != self.stage_id
        ]
        r = layout.stages.get(self.stage_id) if self.stage_id else None
        self.focused = QRectF(r.x, 0, r.w, layout.height) if r else QRectF()
        self.color = color or self.color
        self.setVisible(self.stage_id is not None)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds.adjusted(-FRAME_W, -FRAME_W, FRAME_W, FRAME_W)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if widget is None:  # an export, not a view
            return
        veil = QColor(theme().paper)
        veil.setAlphaF(VEIL)
        for rect in self.veiled:
            painter.fillRect(rect, veil)
        if not self.focused.isEmpty():
            painter.setPen(pen(self.color, FRAME_W))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            half = FRAME_W / 2
            painter.drawRect(self.focused.adjusted(half, half, -half, -half))
