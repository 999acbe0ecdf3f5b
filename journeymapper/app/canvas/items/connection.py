"""An active connection: a curved arrow the user is pointing at, has selected, or is
moving with a card, drawn with its highlight and its label.

Connections at rest are drawn by the connection layer, which has no item per arrow;
the scene makes one of these when a connection becomes active and removes it when it
is at rest again (see `SceneSync.activate_connection`). The curve is
`layout.edge_path` of the two cards' current rectangles, so it follows a card live
while it is dragged. Curve, path and shape are computed on first use.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneHoverEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from journeymapper.app.canvas.protocol import ItemHost
from journeymapper.app.canvas.style import (
    DETAIL_LOD,
    CanvasStyle,
    color,
    device_ratio,
    draw_line,
    pen,
    theme,
)
from journeymapper.layout.geometry import SMALL_FONT, EdgePath, Point, Rect, edge_path
from journeymapper.layout.text import elide, text_width

CONNECTION_Z = 1.0
LABEL_W = 140.0
_HIT_WIDTH = 10.0
_MARGIN = 40.0  # edge_path bends stay within the two cards' box widened by this


@cache
def _pens(ink: str, width: float, ratio: float = 1.0) -> tuple[QPen, QPen, str]:
    line = QPen(QColor(ink), width * ratio)  # cosmetic: device pixels, so × the ratio
    line.setCosmetic(True)
    line.setCapStyle(Qt.PenCapStyle.RoundCap)
    head = QPen(QColor(ink), ratio)
    head.setCosmetic(True)
    head.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    return line, head, ink


def paint_label(painter: QPainter, label: str, at: Point, ink: str) -> None:
    """A connection's label: a pill at `at`, the middle of its curve."""
    text = elide(label, SMALL_FONT, LABEL_W)
    width = text_width(text, SMALL_FONT) + 12
    x, y = at
    pill = QRectF(x - width / 2, y - 9, width, 18)
    t = theme()
    painter.setPen(pen(t.grid, 1.0))
    painter.setBrush(color(t.paper))
    painter.drawRoundedRect(pill, 9, 9)
    painter.setPen(color(t.ink if ink == t.connection else ink))
    draw_line(painter, pill.x() + 6, y + SMALL_FONT * 0.36, text, SMALL_FONT)


class ConnectionItem(QGraphicsItem):
    """One active connection, keyed by its id in `SceneSync.connections`."""

    def __init__(
        self,
        conn_id: str,
        source: Rect,
        target: Rect,
        label: str,
        style: CanvasStyle,
        host: ItemHost,
    ) -> None:
        super().__init__()
        self.conn_id = conn_id
        self.host = host
        self.style = style
        self.source, self.target = source, target
        self.label = label
        self.hovered = False
        self.live = False  # following a dragged card
        self._edge: EdgePath | None = None
        self._path: QPainterPath | None = None
        self._shape: QPainterPath | None = None
        self._arrow: QPolygonF | None = None
        self._bounds = self._bounds_of(source, target, label)
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setZValue(CONNECTION_Z)

    @property
    def resting(self) -> bool:
        """Nothing about it needs an item: the layer can draw it again."""
        return not (self.live or self.hovered or self.isSelected())

    def set_ends(self, source: Rect, target: Rect, label: str | None = None) -> bool:
        """Follow the cards to `source` and `target` (and show `label` when given);
        False when nothing changed."""
        if (source, target) == (self.source, self.target) and label in (None, self.label):
            return False
        self.prepareGeometryChange()
        self.source, self.target = source, target
        if label is not None:
            self.label = label
        self._edge = self._path = self._shape = self._arrow = None
        self._bounds = self._bounds_of(source, target, self.label)
        self.update()
        return True

    def refresh(self) -> None:
        self.update()

    @staticmethod
    def _bounds_of(source: Rect, target: Rect, label: str) -> QRectF:
        margin = max(_MARGIN, LABEL_W / 2 + 8) if label else _MARGIN
        left, top = min(source.x, target.x), min(source.y, target.y)
        right, bottom = max(source.right, target.right), max(source.bottom, target.bottom)
        return QRectF(
            left - margin, top - margin, right - left + 2 * margin, bottom - top + 2 * margin
        )

    @property
    def edge(self) -> EdgePath:
        if self._edge is None:
            self._edge = edge_path(self.source, self.target)
        return self._edge

    def path(self) -> QPainterPath:
        if self._path is None:
            e = self.edge
            path = QPainterPath(QPointF(*e.start))
            path.cubicTo(QPointF(*e.c1), QPointF(*e.c2), QPointF(*e.end))
            self._path = path
        return self._path

    def arrow(self) -> QPolygonF:
        if self._arrow is None:
            self._arrow = QPolygonF([QPointF(*p) for p in self.edge.arrow])
        return self._arrow

    # ----- Qt ---------------------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        if self._shape is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(_HIT_WIDTH)
            shape = stroker.createStroke(self.path())
            shape.addPolygon(self.arrow())
            if self.label:
                x, y = self.edge.label_point
                shape.addRect(QRectF(x - 30, y - 9, 60, 18))
            self._shape = shape
        return self._shape

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.hovered = True
        self.update()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.hovered = False
        self.update()
        self.host.connection_left(self.conn_id)
        super().hoverLeaveEvent(event)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        t, ratio = theme(), device_ratio(painter)
        if self.isSelected():
            line, head, ink = _pens(t.selection, 2.6, ratio)
        elif self.hovered:
            line, head, ink = _pens(t.hover, 2.2, ratio)
        else:
            line, head, ink = _pens(t.connection, 1.5, ratio)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(line)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path())
        painter.setPen(head)
        painter.setBrush(head.color())
        painter.drawPolygon(self.arrow())
        if self.label and (
            QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
            >= DETAIL_LOD
        ):
            paint_label(painter, self.label, self.edge.label_point, ink)
