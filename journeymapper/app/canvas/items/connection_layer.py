"""Every connection at rest, drawn and hit-tested by one item.

A big map shows thousands of arrows; an item per arrow costs a Python object, a paint
call and a place in the scene's index each — 200,000 of them made opening a
100,000-card map run out of memory. So the layer draws every connection that is not
*active* straight from the layout, finds them through its own tile index
(`ConnectionIndex`), and answers hit tests (`connection_at`). A connection becomes an
item (`ConnectionItem`, made by the scene) only while it is active: hovered, selected,
following a dragged card, or edited; the layer leaves it to that item meanwhile.

The layer's picture is cached per view (`DeviceCoordinateCache`), so a frame that
changes nothing draws nothing, and an edit repaints only the boxes of the arrows it
moved. The index is built on first use: a map that opens in the overview pays nothing.

Arrows are the layout's routes (`journeymapper.layout.routing`). Routing a big map
takes longer than a frame, so the layer routes it in slices of a few milliseconds from
a timer and never blocks the window: meanwhile it shows each arrow's previous route
(when nothing about it changed) or a provisional one, and when the routing is done it
draws every arrow afresh and tells the scene (`routed`), whose active arrows follow.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneHoverEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from journeymapper.app.canvas.connection_index import Box, ConnectionIndex
from journeymapper.app.canvas.items.connection import paint_label, route_path
from journeymapper.app.canvas.protocol import ItemHost
from journeymapper.app.canvas.style import (
    DENSE_ITEMS,
    DETAIL_LOD,
    CanvasStyle,
    device_ratio,
    theme,
)
from journeymapper.layout.geometry import MapLayout, Point
from journeymapper.layout.routing.crossings import segment_meets
from journeymapper.layout.routing.labels import LABEL_H, LABEL_W

LAYER_Z = 0.9
MARGIN = 8.0  # a route's box widened for the pen and the arrowhead's corners
ROUGH_MARGIN = 60.0  # a box from the two cards, while the routing is under way
LABEL_MARGIN = LABEL_W / 2 + 8
HIT_TOLERANCE = 5.0
SLICE = 0.006  # seconds of routing per turn of the event loop
AT_ONCE = 2_000  # connections: a map this small is routed at once, within the edit
DRAG_PAUSE = 50  # ms: while cards are dragged, the routing waits


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
    def __init__(self, style: CanvasStyle, host: ItemHost) -> None:
        super().__init__()
        self.style = style
        self.host = host
        self.layout: MapLayout | None = None
        self.labels: dict[str, str] = {}
        self.index = ConnectionIndex()
        self._indexed = False
        self._active: set[str] = set()
        self._shapes: dict[str, tuple[QPainterPath, QPolygonF]] = {}
        self._dirty: list[Box] = []
        self._bounds = QRectF()
        self.routed: Callable[[], None] | None = None  # told when a routing is done
        self._timer = QTimer()
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._route_some)
        self.setZValue(LAYER_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    # ----- following the layout -----------------------------------------------------

    def set_extent(self, rect: QRectF) -> None:
        if rect != self._bounds:
            self.prepareGeometryChange()
            self._bounds = rect

    def reset(self, layout: MapLayout, labels: dict[str, str]) -> None:
        """Show `layout`'s connections, all of them new (a new map, a full layout)."""
        self.layout, self.labels = layout, labels
        self._forget()
        self._route_soon()

    def _forget(self) -> None:
        self.index.clear()
        self._indexed = False
        self._shapes.clear()
        self._dirty.clear()
        self.update()

    def refresh(self, layout: MapLayout, labels: dict[str, str], changed: Iterable[str]) -> None:
        """Show `layout`, in which only the connections `changed` differ from the last."""
        changed = set(changed)
        if self.layout is not None and layout is not self.layout:
            layout.route_after(self.layout, changed)
        self.layout, self.labels = layout, labels
        if self._route_soon():  # done already: every arrow was drawn afresh
            return
        for conn_id in changed:
            self._shapes.pop(conn_id, None)
            if self._indexed:
                old = self.index.remove(conn_id)
                if old is not None:
                    self._dirty.append(old)
                box = self._box(conn_id)
                if box is not None:
                    self.index.put(conn_id, box)
                    self._dirty.append(box)
        if not self._indexed:
            self.update()
        self.flush()

    def _route_soon(self) -> bool:
        """Route a small map now (True when done); a big one from the event loop, so
        the edit that asked shows at once."""
        layout = self.layout
        if layout is not None and len(layout.connection_ends) <= AT_ONCE:
            return self._route_some()
        self._timer.start(0)
        return False

    def finish_routing(self) -> None:
        """Route what is left now, and draw every arrow afresh (an image of the scene)."""
        layout = self.layout
        if layout is not None and not layout.routing.done:
            layout.routing.routes()
            self._timer.stop()
            self._forget()
            if self.routed is not None:
                self.routed()

    def _route_some(self) -> bool:
        """Route for a slice of time; once every route is done, draw them all afresh
        (and say so: True). Not while cards are being dragged (the drop lays the map
        out again, and the drag stays fluid), nor before a view shows the scene (a
        window being opened)."""
        layout = self.layout
        if layout is None or layout.routing.done:
            self._timer.stop()
            return False
        scene = self.scene()
        shown = scene is not None and any(v.isVisible() for v in scene.views())
        if not shown or self.host.cards_moving():
            self._timer.start(DRAG_PAUSE)  # a window still opening, or cards in flight
            return False
        if not layout.routing.step(SLICE):
            self._timer.start(0)
            return False
        self._timer.stop()
        self._forget()
        if self.routed is not None:
            self.routed()
        return True

    def activate(self, conn_id: str) -> None:
        """Leave `conn_id` to its item (hovered, selected, following a drag)."""
        if conn_id not in self._active:
            self._active.add(conn_id)
            self._repaint(conn_id)

    def deactivate(self, conn_id: str) -> None:
        """Draw `conn_id` here again."""
        if conn_id in self._active:
            self._active.discard(conn_id)
            self._repaint(conn_id)

    def clear(self) -> None:
        self._timer.stop()
        self.layout = None
        self.labels = {}
        self.index.clear()
        self._indexed = False
        self._active.clear()
        self._shapes.clear()
        self._dirty.clear()
        self.update()

    def _repaint(self, conn_id: str) -> None:
        box = self._ensure_index().box(conn_id)
        if box is not None:
            self._dirty.append(box)
            self.flush()

    def flush(self) -> None:
        """Repaint where arrows came or went: a few boxes, or all at once after many
        (a repaint clipped to hundreds of boxes is slower than one of everything)."""
        dirty, self._dirty = self._dirty, []
        if len(dirty) > 24:
            self.update()
            return
        shown = self._shown_areas()
        for left, top, right, bottom in dirty:
            box = QRectF(left, top, right - left, bottom - top)
            if shown is None:
                self.update(box)
                continue
            # Only what a view shows: Qt paints an update into a scratch pixmap the
            # size of the update before copying it into the cache, and the box of one
            # long arrow on a 100,000-card map is 300 MB of pixels. What the views do
            # not show is painted afresh when they scroll there.
            for area in shown:
                if area.intersects(box):
                    self.update(area.intersected(box))

    def _shown_areas(self) -> list[QRectF] | None:
        """What each view of the scene shows (scene coordinates), a little widened;
        None when there is no view to ask."""
        scene = self.scene()
        views = scene.views() if scene is not None else []
        if not views:
            return None
        areas = []
        for view in views:
            area = view.mapToScene(view.viewport().rect()).boundingRect()
            pad = MARGIN / max(view.transform().m11(), 1e-3)
            areas.append(area.adjusted(-pad, -pad, pad, pad))
        return areas

    # ----- the index ----------------------------------------------------------------

    def _box(self, conn_id: str) -> Box | None:
        """The box of a connection's route; while the routing is under way, the box of
        its two cards widened by how far a route usually strays from them (cheap: an
        index of a big map is built without routing every arrow for it)."""
        layout = self.layout
        if layout is None or conn_id not in layout.connection_ends:
            return None
        source, target = layout.connection_ends[conn_id]
        a, b = layout.cards.get(source), layout.cards.get(target)
        if a is None or b is None:  # a card in a hidden lane
            return None
        if layout.routing.done:
            route = layout.routing.current(conn_id)
            if route is None:
                return None
            left, top, right, bottom = route.bounds()
            if conn_id in self.labels:
                x, y = route.label
                left, right = min(left, x - LABEL_W / 2), max(right, x + LABEL_W / 2)
                top, bottom = min(top, y - LABEL_H / 2), max(bottom, y + LABEL_H / 2)
            return (left - MARGIN, top - MARGIN, right + MARGIN, bottom + MARGIN)
        margin = LABEL_MARGIN if conn_id in self.labels else ROUGH_MARGIN
        ra, rb = a.rect, b.rect
        return (
            min(ra.x, rb.x) - margin,
            min(ra.y, rb.y) - margin,
            max(ra.x + ra.w, rb.x + rb.w) + margin,
            max(ra.y + ra.h, rb.y + rb.h) + margin,
        )

    def drawn(self, conn_id: str) -> list[Point] | None:
        """The drawn route of a connection as a polyline, its arrowhead included."""
        if self.layout is None:
            return None
        route = self.layout.routing.current(conn_id)
        if route is None:
            return None
        return [*route.flatten(), *route.arrow, route.end]

    def _ensure_index(self) -> ConnectionIndex:
        if not self._indexed and self.layout is not None:
            self._indexed = True
            box, put = self._box, self.index.put
            for conn_id in self.layout.connection_ends:
                found = box(conn_id)
                if found is not None:
                    put(conn_id, found)
        return self.index

    def connection_at(self, pos: QPointF, tolerance: float = HIT_TOLERANCE) -> str | None:
        """The connection under `pos` (scene coordinates), drawn here or by its item."""
        if self.layout is None:
            return None
        return self._ensure_index().nearest(pos.x(), pos.y(), tolerance, self.drawn)

    def connections_in(self, rect: QRectF) -> list[str]:
        """The connections whose route passes through `rect`."""
        if self.layout is None:
            return []
        index = self._ensure_index()
        area = (rect.left(), rect.top(), rect.right(), rect.bottom())
        found = []
        for conn_id in index.within(*area):
            points = self.drawn(conn_id) or []
            if any(segment_meets(a, b, area) for a, b in itertools.pairwise(points)):
                found.append(conn_id)
        return found

    # ----- Qt ---------------------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        return self._bounds

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.host.hover_connection(self.connection_at(event.scenePos()))

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.host.hover_connection(None)

    def _shape(self, conn_id: str) -> tuple[QPainterPath, QPolygonF] | None:
        found = self._shapes.get(conn_id)
        if found is None and self.layout is not None:
            route = self.layout.routing.current(conn_id)
            if route is None:
                return None
            found = (route_path(route), QPolygonF([QPointF(*p) for p in route.arrow]))
            self._shapes[conn_id] = found
        return found

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if self.layout is None:
            return
        exposed, view = option.exposedRect, QRectF()
        device = painter.device()
        inverse, invertible = painter.worldTransform().inverted()
        if device is not None and invertible:  # the cache spans the view, not the map
            view = inverse.mapRect(QRectF(0, 0, device.width(), device.height()))
            exposed = exposed.intersected(view)
        index = self._ensure_index()
        if not view.isEmpty():  # how crowded the whole view is, not the strip repainted
            crowd = index.within(view.left(), view.top(), view.right(), view.bottom())
            self.style.dense = len(crowd) > DENSE_ITEMS
        active = self._active
        shown = [
            c
            for c in index.within(exposed.left(), exposed.top(), exposed.right(), exposed.bottom())
            if c not in active
        ]
        if not shown:
            return
        shapes = [s for c in shown if (s := self._shape(c)) is not None]
        dense = self.style.dense
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, not dense)
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        ratio = device_ratio(painter)  # cosmetic pens are device pixels: 2 on a 2× screen
        painter.setPen(_pen(line_width(lod) * ratio, 150 if dense else 255))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for path, _ in shapes:
            painter.drawPath(path)
        painter.setPen(_pen(ratio, 150 if dense else 255))
        painter.setBrush(_fill(dense))
        for _, arrow in shapes:
            painter.drawPolygon(arrow)
        if lod >= DETAIL_LOD and self.labels:
            current = self.layout.routing.current
            for conn_id in shown:
                label = self.labels.get(conn_id)
                route = current(conn_id) if label else None
                if label and route is not None:
                    paint_label(painter, label, route.label, theme().connection)
