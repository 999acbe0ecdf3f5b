"""All the connections in their resting state, drawn by one item.

A big map shows hundreds of arrows at once; an item per arrow costs a Python paint
call, a painter state and a bounding-rect query per arrow per frame. The layer keeps
every resting arrow's box as plain floats, picks the arrows a repaint exposes with a
few comparisons each, and strokes just those. Its picture is cached per view
(`DeviceCoordinateCache`), so a frame that changes nothing draws nothing, and a card
dragged across it repaints only the arrows that follow the card. The
`ConnectionItem`s stay in the scene for hit-testing, selection and hover; they paint
only what differs from the resting state (a highlight, a label, an arrow that follows
a dragged card).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeymapper.app.canvas.style import CanvasStyle, device_ratio, theme

if TYPE_CHECKING:
    from journeymapper.app.canvas.items.connection import ConnectionItem

LAYER_Z = 0.9

_Entry = tuple[float, float, float, float, "ConnectionItem"]


def _pen(width: float, alpha: int) -> QPen:
    ink = QColor(theme().connection)
    ink.setAlpha(alpha)
    pen = QPen(ink, width)
    pen.setCosmetic(True)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


def line_width(lod: float) -> float:
    """Arrows thin out as the map zooms out (but never vanish): 1.5 px at 100 %."""
    return min(2.2, max(0.7, 1.5 * lod))


def _fill(dense: bool) -> QColor:
    ink = QColor(theme().connection)
    ink.setAlpha(150 if dense else 255)
    return ink


class ConnectionLayer(QGraphicsItem):
    def __init__(self, style: CanvasStyle) -> None:
        super().__init__()
        self.style = style
        self._entries: dict[str, _Entry] = {}
        self._dirty: list[QRectF] = []
        self._bounds = QRectF()
        self.setZValue(LAYER_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def set_extent(self, rect: QRectF) -> None:
        if rect != self._bounds:
            self.prepareGeometryChange()
            self._bounds = rect

    def put(self, item: ConnectionItem) -> None:
        """Draw `item` at rest (again, where it is now)."""
        self.take(item.conn_id)
        box = item.boundingRect()
        self._entries[item.conn_id] = (box.left(), box.top(), box.right(), box.bottom(), item)
        self._dirty.append(box)

    def take(self, conn_id: str) -> None:
        """Stop drawing a connection (removed, or drawn by its item while it moves)."""
        entry = self._entries.pop(conn_id, None)
        if entry is not None:
            self._dirty.append(QRectF(entry[0], entry[1], entry[2] - entry[0], entry[3] - entry[1]))

    def flush(self) -> None:
        """Repaint where arrows came or went: a few boxes, or all at once after many
        (a repaint clipped to hundreds of boxes is slower than one of everything)."""
        dirty, self._dirty = self._dirty, []
        if len(dirty) > 24:
            self.update()
            return
        for box in dirty:
            self.update(box)

    def clear(self) -> None:
        self._entries.clear()
        self._dirty.clear()
        self.update()

    def __contains__(self, conn_id: str) -> bool:
        return conn_id in self._entries

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        exposed = option.exposedRect
        device = painter.device()
        inverse, invertible = painter.worldTransform().inverted()
        if device is not None and invertible:  # the cache spans the view, not the map
            exposed = exposed.intersected(
                inverse.mapRect(QRectF(0, 0, device.width(), device.height()))
            )
        left, top, right, bottom = exposed.left(), exposed.top(), exposed.right(), exposed.bottom()
        shown = [
            e[4]
            for e in self._entries.values()
            if e[0] < right and e[2] > left and e[1] < bottom and e[3] > top
        ]
        if not shown:
            return
        dense = self.style.dense
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, not dense)
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        ratio = device_ratio(painter)  # cosmetic pens are device pixels: 2 on a 2× screen
        painter.setPen(_pen(line_width(lod) * ratio, 150 if dense else 255))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for item in shown:
            painter.drawPath(item.path())
        painter.setPen(_pen(ratio, 150 if dense else 255))
        painter.setBrush(_fill(dense))
        for item in shown:
            painter.drawPolygon(item.arrow())
