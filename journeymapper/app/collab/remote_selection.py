"""Collaborators' selections on the canvas: an outline in their colour around each card.

One item over the whole scene, fed with the peers and a function that says where a card
is (the scene's `card_rect`, from the one layout), so it never holds a position of its
own that could drift from the map. Names are drawn as plain text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeymapper.layout.geometry import Rect

if TYPE_CHECKING:
    from journeymapper.sync.presence import Peer  # (pycrdt: imported when sharing)

RectOf = Callable[[str], Rect | None]
MARGIN = 4.0


class RemoteSelections(QGraphicsItem):
    def __init__(self, rect_of: RectOf) -> None:
        super().__init__()
        self.rect_of = rect_of
        self.outlines: list[tuple[QRectF, QColor, str]] = []
        self._bounds = QRectF()
        self.peers: list[Peer] = []
        self.setZValue(50)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_peers(self, peers: list[Peer]) -> None:
        """Outline what each peer has selected (cards only; unknown ids are skipped)."""
        self.peers = peers
        self.prepareGeometryChange()
        self.outlines = []
        for peer in peers:
            for ident in peer.selection:
                rect = self.rect_of(ident)
                if rect is not None:
                    box = QRectF(rect.x, rect.y, rect.w, rect.h)
                    box = box.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
                    self.outlines.append((box, QColor(peer.color), peer.name))
        bounds = QRectF()
        for box, _, _ in self.outlines:
            bounds = bounds.united(box.adjusted(-2, -20, 2, 2))
        self._bounds = bounds
        self.update()

    def refresh(self) -> None:
        """After a layout change: the same peers, the cards where they are now."""
        self.set_peers(self.peers)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        for box, color, name in self.outlines:
            painter.setPen(QPen(color, 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box, 6, 6)
            painter.setPen(color)
            painter.drawText(box.topLeft() + QPointF(0, -4), name)
