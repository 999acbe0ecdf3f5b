"""The tally of a voting round: a dot-vote badge on the corner of every voted card.

One overlay item draws every badge from the layout's card rectangles, so it needs no
card items (a big map makes them only where the view has been) and no change to the
card's own painting. The badge counts this round's dots; the card's stored votes are
drawn by the card itself once the round ends. Like the veil, it paints only in a view.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeymapper.app.canvas.style import color, draw_line, pen, theme
from journeymapper.layout.geometry import MapLayout
from journeymapper.layout.text import text_width

BADGES_Z = 8.0
RADIUS = 13.0
FONT = 14.0


def badge_center(rect_right: float, rect_top: float) -> QPointF:
    """On the card's top-right corner, clear of its emotion face."""
    return QPointF(rect_right - 2, rect_top - 5)


class VoteBadgesItem(QGraphicsItem):
    def __init__(self) -> None:
        super().__init__()
        self.tallies: dict[str, int] = {}
        self.layout: MapLayout | None = None
        self._bounds = QRectF()
        self.setZValue(BADGES_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)
        self.setVisible(False)

    def show_tallies(self, layout: MapLayout, tallies: dict[str, int], active: bool) -> None:
        self.layout = layout
        bounds = QRectF(0, 0, layout.width, layout.height).adjusted(-40, -40, 40, 40)
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds
        changed = {
            k for k in self.tallies.keys() | tallies.keys() if self.tallies.get(k) != tallies.get(k)
        }
        self.tallies = {k: n for k, n in tallies.items() if n > 0}
        self.setVisible(active)
        for card_id in changed:
            rect = self.badge_rect(card_id)
            if rect is not None:
                self.update(rect)

    def badge_rect(self, card_id: str) -> QRectF | None:
        if self.layout is None or card_id not in self.layout.cards:
            return None
        r = self.layout.cards[card_id].rect
        c = badge_center(r.right, r.y)
        size = RADIUS + 24
        return QRectF(c.x() - size, c.y() - RADIUS - 4, 2 * size, 2 * RADIUS + 8)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if widget is None or self.layout is None:
            return
        t = theme()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        cards = self.layout.cards
        for card_id, count in self.tallies.items():
            geometry = cards.get(card_id)
            if geometry is None:
                continue
            r = geometry.rect
            c = badge_center(r.right, r.y)
            label = str(count)
            half = max(RADIUS, text_width(label, FONT, True) / 2 + 7)
            body = QRectF(c.x() - half, c.y() - RADIUS, 2 * half, 2 * RADIUS)
            painter.setPen(pen(t.paper, 2.5))
            painter.setBrush(color(t.vote))
            painter.drawRoundedRect(body, RADIUS, RADIUS)
            painter.setPen(color("#111827"))
            draw_line(
                painter,
                c.x() - text_width(label, FONT, True) / 2,
                c.y() + FONT * 0.36,
                label,
                FONT,
                bold=True,
            )
