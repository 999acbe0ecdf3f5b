"""Highlights of one stage × lane cell: the capture cursor and the drop target.

The cursor (dashed) marks where typing adds a card and shows a ghost card at the slot
it will take; the drop target (tinted) marks where a dragged card or channel lands.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeymapper.app.canvas.style import color, draw_line, pen, theme
from journeymapper.layout.geometry import CARD_W, MIN_CARD_H, SMALL_FONT, Rect

HIGHLIGHT_Z = 3.0


def _tint(alpha: int) -> QColor:
    result = QColor(theme().selection)
    result.setAlpha(alpha)
    return result


class CellHighlightItem(QGraphicsItem):
    def __init__(self, dashed: bool) -> None:
        super().__init__()
        self.dashed = dashed
        self.rect = Rect(0, 0, 0, 0)
        self.ghost: Rect | None = None
        self.hint = ""
        self.setZValue(HIGHLIGHT_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setVisible(False)

    def show_at(self, rect: Rect, ghost: tuple[float, float] | None = None, hint: str = "") -> None:
        ghost_rect = Rect(ghost[0], ghost[1], CARD_W, MIN_CARD_H) if ghost else None
        if ghost_rect is not None and ghost_rect.right > rect.right:
            ghost_rect = None  # a full cell: typing makes room; no ghost over the next stage
        if rect != self.rect or ghost_rect != self.ghost:
            self.prepareGeometryChange()
        self.rect, self.ghost, self.hint = rect, ghost_rect, hint
        self.setVisible(True)
        self.update()

    def boundingRect(self) -> QRectF:
        r = self.rect
        bounds = QRectF(r.x, r.y, r.w, r.h)
        if self.ghost is not None:
            g = self.ghost
            bounds = bounds.united(QRectF(g.x, g.y, g.w, g.h))
        return bounds.adjusted(-3, -3, 3, 3)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        r = self.rect
        cell = QRectF(r.x, r.y, r.w, r.h).adjusted(1.5, 1.5, -1.5, -1.5)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        t = theme()
        if self.dashed:
            painter.setPen(pen(t.selection, 1.6, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
        else:
            painter.setPen(pen(t.selection, 2.0))
            painter.setBrush(_tint(22 if not t.dark else 40))
        painter.drawRect(cell)
        if self.ghost is None:
            return
        g = self.ghost
        painter.setPen(pen(t.hover, 1.4, Qt.PenStyle.DashLine))
        painter.setBrush(_tint(14 if not t.dark else 30))
        painter.drawRoundedRect(QRectF(g.x, g.y, g.w, g.h), 7, 7)
        if self.hint:
            painter.setPen(color(t.selection))
            draw_line(painter, g.x + 10, g.y + g.h / 2 + 3, self.hint, SMALL_FONT)
