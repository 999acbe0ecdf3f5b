"""An active connection: an arrow the user is pointing at, has selected, or is moving
with a card, drawn with its highlight and its label.

Connections at rest are drawn by the connection layer, which has no item per arrow;
the scene makes one of these when a connection becomes active and removes it when it
is at rest again (see `SceneSync.activate_connection`). It draws a `Route` of the
layout's router: the routed one, or while a card is dragged the live one that follows
the card. A hovered or selected arrow is drawn above the cards, highlighted along its
whole route. Path and shape are computed on first use.
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
from journeymapper.layout.geometry import SMALL_FONT, Point
from journeymapper.layout.route import Route
from journeymapper.layout.routing.labels import LABEL_H, LABEL_W, label_size, label_text

CONNECTION_Z = 1.0
RAISED_Z = 2.6  # hovered or selected: above the cards (and a dragged card's arrows)
_HIT_WIDTH = 10.0
_MARGIN = 8.0  # the pen and the arrowhead's corners


@cache
def _pens(ink: str, width: float, ratio: float = 1.0) -> tuple[QPen, QPen, str]:
    line = QPen(QColor(ink), width * ratio)  # cosmetic: device pixels, so × the ratio
    line.setCosmetic(True)
    line.setCapStyle(Qt.PenCapStyle.RoundCap)
    head = QPen(QColor(ink), ratio)
    head.setCosmetic(True)
    head.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    return line, head, ink


def route_path(route: Route) -> QPainterPath:
    """The route as Qt draws it: the same lines and rounded corners as on paper."""
    path = QPainterPath()
    for command in route.commands():
        if command[0] == "M":
            path.moveTo(*command[1])
        elif command[0] == "L":
            path.lineTo(*command[1])
        else:
            path.cubicTo(QPointF(*command[1]), QPointF(*command[2]), QPointF(*command[3]))
    return path


def paint_label(painter: QPainter, label: str, at: Point, ink: str) -> None:
    """A connection's label: a pill at `at`, where the router placed it on the route."""
    text = label_text(label)
    width, height = label_size(label)
    x, y = at
    pill = QRectF(x - width / 2, y - height / 2, width, height)
    t = theme()
    painter.setPen(pen(t.grid, 1.0))
    painter.setBrush(color(t.paper))
    painter.drawRoundedRect(pill, height / 2, height / 2)
    painter.setPen(color(t.ink if ink == t.connection else ink))
    draw_line(painter, pill.x() + 6, y + SMALL_FONT * 0.36, text, SMALL_FONT)


class ConnectionItem(QGraphicsItem):
    """One active connection, keyed by its id in `SceneSync.connections`."""

    def __init__(
        self, conn_id: str, route: Route, label: str, style: CanvasStyle, host: ItemHost
    ) -> None:
        super().__init__()
        self.conn_id = conn_id
        self.host = host
        self.style = style
        self.route = route
        self.label = label
        self.hovered = False
        self.live = False  # following a dragged card
        self._path: QPainterPath | None = None
        self._shape: QPainterPath | None = None
        self._arrow: QPolygonF | None = None
        self._bounds = self._bounds_of(route, label)
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setZValue(CONNECTION_Z)

    @property
    def resting(self) -> bool:
        """Nothing about it needs an item: the layer can draw it again."""
        return not (self.live or self.hovered or self.isSelected())

    def set_route(self, route: Route, label: str | None = None) -> bool:
        """Follow `route` (and show `label` when given); False when nothing changed."""
        if route == self.route and label in (None, self.label):
            return False
        self.prepareGeometryChange()
        self.route = route
        if label is not None:
            self.label = label
        self._path = self._shape = self._arrow = None
        self._bounds = self._bounds_of(route, self.label)
        self.update()
        return True

    def refresh(self) -> None:
        self.setZValue(RAISED_Z if self.hovered or self.isSelected() else CONNECTION_Z)
        self.update()

    @staticmethod
    def _bounds_of(route: Route, label: str) -> QRectF:
        left, top, right, bottom = route.bounds()
        if label:
            x, y = route.label
            left, right = min(left, x - LABEL_W / 2), max(right, x + LABEL_W / 2)
            top, bottom = min(top, y - LABEL_H / 2), max(bottom, y + LABEL_H / 2)
        m = _MARGIN
        return QRectF(left - m, top - m, right - left + 2 * m, bottom - top + 2 * m)

    def path(self) -> QPainterPath:
        if self._path is None:
            self._path = route_path(self.route)
        return self._path

    def arrow(self) -> QPolygonF:
        if self._arrow is None:
            self._arrow = QPolygonF([QPointF(*p) for p in self.route.arrow])
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
                x, y = self.route.label
                shape.addRect(QRectF(x - 30, y - 9, 60, 18))
            self._shape = shape
        return self._shape

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: object) -> object:
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self.setZValue(RAISED_Z if self.hovered or bool(value) else CONNECTION_Z)
        return super().itemChange(change, value)

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.hovered = True
        self.refresh()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.hovered = False
        self.refresh()
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
            paint_label(painter, self.label, self.route.label, ink)
