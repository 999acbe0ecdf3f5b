"""The gestures items start: drag a new connection from a card's handle, drag a stage
or lane header to reorder (see `interaction.py` for how an interaction runs)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsSceneMouseEvent,
)

from journeymapper.app.canvas.interaction import FEEDBACK_Z, Interaction
from journeymapper.app.canvas.items.card import CardItem
from journeymapper.app.canvas.items.connection import route_path
from journeymapper.app.canvas.protocol import Canvas, HeaderKind
from journeymapper.app.canvas.style import pen, theme
from journeymapper.layout.geometry import Rect
from journeymapper.model.builders import new_connection
from journeymapper.model.edits import Connect, ReorderLanes, ReorderStages

POINTER = "\0pointer"  # the rubber band's end before it is over a card


class ConnectInteraction(Interaction):
    """Drag from a card's handle to another card: a rubber arrow, then one `Connect`."""

    def __init__(self, canvas: Canvas, source: str, pos: QPointF) -> None:
        super().__init__(canvas)
        self.source = source
        self.target: str | None = None
        self.line = QGraphicsPathItem()
        self.line.setPen(pen(theme().selection, 2.0, Qt.PenStyle.DashLine))
        self.line.setZValue(FEEDBACK_Z)
        canvas.addItem(self.line)
        canvas.attach_handle(None)
        self._draw(pos)

    def _target_at(self, pos: QPointF) -> str | None:
        for item in self.canvas.items(pos):
            if isinstance(item, CardItem) and item.card_id != self.source:
                return item.card_id
        return None

    def _draw(self, pos: QPointF) -> None:
        source = self.canvas.card_rect(self.source)
        if source is None:
            return
        target = self.target or POINTER
        moved = {} if self.target else {POINTER: Rect(pos.x(), pos.y(), 0.0, 0.0)}
        route = self.canvas.layout.routing.sketch(self.source, target, moved)
        if route is not None:
            self.line.setPath(route_path(route))

    def _flag(self, card_id: str | None, on: bool) -> None:
        item = self.canvas.card_items().get(card_id) if card_id else None
        if isinstance(item, CardItem):
            item.flagged = on
            item.update()

    def mouse_move(self, event: QGraphicsSceneMouseEvent) -> None:
        target = self._target_at(event.scenePos())
        if target != self.target:
            self._flag(self.target, False)
            self.target = target
            self._flag(target, True)
        self._draw(event.scenePos())
        event.accept()

    def mouse_release(self, event: QGraphicsSceneMouseEvent) -> None:
        target = self.target
        self.finish()
        if target is None:
            return
        journey = self.canvas.journey
        if journey.connection_between(self.source, target) is not None:
            self.canvas.message.emit("These touchpoints are already connected.")
            return
        self.canvas.document.push(Connect(new_connection(journey, self.source, target)))

    def finish(self) -> None:
        self._flag(self.target, False)
        if self.line.scene() is not None:
            self.canvas.removeItem(self.line)
        super().finish()


class HeaderDragInteraction(Interaction):
    """Drag a stage header sideways or a lane header up or down to reorder them.

    It waits for the pointer to travel the platform's drag distance, so a click on a
    header only selects it.
    """

    def __init__(self, canvas: Canvas, kind: HeaderKind, ident: str, pos: QPointF) -> None:
        super().__init__(canvas)
        self.ident = ident
        self.horizontal = kind == "stage"
        self.press = pos
        self.active = False
        self.index: int | None = None
        self.marker = QGraphicsRectItem()
        self.marker.setBrush(QColor(theme().selection))
        self.marker.setPen(Qt.PenStyle.NoPen)
        self.marker.setZValue(FEEDBACK_Z)
        self.ghost = QGraphicsRectItem()
        ghost = QColor(theme().selection)
        ghost.setAlpha(40)
        self.ghost.setBrush(ghost)
        self.ghost.setPen(pen(theme().selection, 1.0))
        self.ghost.setZValue(FEEDBACK_Z)

    def _ids(self) -> list[str]:
        layout = self.canvas.layout
        if self.horizontal:
            return [s.id for s in self.canvas.journey.stages if s.id in layout.stages]
        return [lane.id for lane in self.canvas.journey.lanes if lane.id in layout.lanes]

    def _rects(self) -> list[Rect]:
        layout = self.canvas.layout
        rects = layout.stages if self.horizontal else layout.lanes
        return [rects[i] for i in self._ids()]

    def mouse_move(self, event: QGraphicsSceneMouseEvent) -> None:
        event.accept()
        pos = event.scenePos()
        delta = pos - self.press
        if not self.active:
            if delta.manhattanLength() < QApplication.startDragDistance():
                return
            self.active = True
            self.canvas.addItem(self.marker)
            self.canvas.addItem(self.ghost)
        self._show(pos)

    def _show(self, pos: QPointF) -> None:
        layout = self.canvas.layout
        rects = self._rects()
        coord = pos.x() if self.horizontal else pos.y()
        centers = [(r.x + r.w / 2) if self.horizontal else (r.y + r.h / 2) for r in rects]
        self.index = sum(c < coord for c in centers)
        own = layout.stage_header(self.ident) if self.horizontal else layout.lane_header(self.ident)
        if self.horizontal:
            edge = rects[self.index].x if self.index < len(rects) else rects[-1].right
            self.marker.setRect(QRectF(edge - 2, 0, 4, layout.height))
            self.ghost.setRect(QRectF(pos.x() - own.w / 2, own.y, own.w, own.h))
        else:
            edge = rects[self.index].y if self.index < len(rects) else rects[-1].bottom
            self.marker.setRect(QRectF(0, edge - 2, layout.width, 4))
            self.ghost.setRect(QRectF(own.x, pos.y() - own.h / 2, own.w, own.h))

    def mouse_release(self, event: QGraphicsSceneMouseEvent) -> None:
        index, active = self.index, self.active
        self.finish()
        if not active or index is None:
            return
        ids = self._ids()
        key = self.ident
        old = ids.index(key)
        order = [i for i in ids if i != key]
        order.insert(index - (1 if index > old else 0), key)
        if order == ids:
            return
        if self.horizontal:
            self.canvas.document.push(ReorderStages(tuple(order)))
        else:
            shown = iter(order)  # hidden lanes keep their places between the others
            full = [lane.id for lane in self.canvas.journey.lanes]
            self.canvas.document.push(
                ReorderLanes(tuple(next(shown) if i in ids else i for i in full))
            )

    def finish(self) -> None:
        for item in (self.marker, self.ghost):
            if item.scene() is not None:
                self.canvas.removeItem(item)
        super().finish()
