"""All the connections in their resting state, drawn in a few calls per frame.

A big map shows hundreds of arrows at once; asking each arrow item to paint itself
costs a Python call, a painter state and a path per arrow per frame. The layer keeps
the arrows in buckets along the map's width, each with one combined path (curves and
arrowheads), and draws only the buckets the frame exposes. The `ConnectionItem`s stay
in the scene for hit-testing, selection and hover; they paint only what differs from
the resting state (a highlight, a label, an arrow following a dragged card).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeymapper import palette
from journeymapper.app.canvas.style import CanvasStyle

if TYPE_CHECKING:
    from journeymapper.app.canvas.items.connection import ConnectionItem

LAYER_Z = 0.9
BUCKET_W = 800.0


@dataclass
class _Bucket:
    items: dict[str, ConnectionItem] = field(default_factory=dict)
    lines: QPainterPath | None = None
    heads: QPainterPath | None = None
    bounds: QRectF = field(default_factory=QRectF)

    def build(self) -> None:
        lines, heads, bounds = QPainterPath(), QPainterPath(), QRectF()
        for item in self.items.values():
            lines.addPath(item.path())
            heads.addPolygon(item.arrow())
            bounds = bounds.united(item.boundingRect())
        heads.setFillRule(Qt.FillRule.WindingFill)
        self.lines, self.heads, self.bounds = lines, heads, bounds


def _pen(width: float, alpha: int) -> QPen:
    ink = QColor(palette.CONNECTION)
    ink.setAlpha(alpha)
    pen = QPen(ink, width)
    pen.setCosmetic(True)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


def line_width(lod: float) -> float:
    """Arrows thin out as the map zooms out (but never vanish): 1.5 px at 100 %."""
    return min(2.2, max(0.7, 1.5 * lod))


_FILL = QColor(palette.CONNECTION)
_DENSE_FILL = QColor(palette.CONNECTION)
_DENSE_FILL.setAlpha(150)


class ConnectionLayer(QGraphicsItem):
    def __init__(self, style: CanvasStyle) -> None:
        super().__init__()
        self.style = style
        self._buckets: dict[int, _Bucket] = {}
        self._home: dict[str, int] = {}
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
        center = item.boundingRect().center()
        key = int(center.x() // BUCKET_W)
        bucket = self._buckets.setdefault(key, _Bucket())
        bucket.items[item.conn_id] = item
        bucket.lines = None
        self._home[item.conn_id] = key
        self.update(item.boundingRect())

    def take(self, conn_id: str) -> None:
        """Stop drawing a connection (removed, or drawn by its item while it moves)."""
        key = self._home.pop(conn_id, None)
        if key is None:
            return
        bucket = self._buckets[key]
        item = bucket.items.pop(conn_id)
        self.update(bucket.bounds if bucket.lines is not None else item.boundingRect())
        bucket.lines = None

    def clear(self) -> None:
        self._buckets.clear()
        self._home.clear()
        self.update()

    def __contains__(self, conn_id: str) -> bool:
        return conn_id in self._home

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        exposed = option.exposedRect
        dense = self.style.dense
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, not dense)
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        line = _pen(line_width(lod), 150 if dense else 255)
        head = _pen(1.0, 150 if dense else 255)
        fill = _DENSE_FILL if dense else _FILL
        for bucket in self._buckets.values():
            if not bucket.items:
                continue
            if bucket.lines is None:
                bucket.build()
            if not bucket.bounds.intersects(exposed):
                continue
            painter.setPen(line)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(bucket.lines)
            painter.setPen(head)
            painter.setBrush(fill)
            painter.drawPath(bucket.heads)
