"""Mouse gestures that take over the scene until they end, as small objects.

An interaction is installed on `scene.interaction`, receives the mouse events the
scene would otherwise handle, draws its own feedback items, pushes at most one edit,
and removes itself on release or Esc.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsSceneMouseEvent,
)

from journeymapper.app.canvas.items.card import CardItem
from journeymapper.app.canvas.items.connection import route_path
from journeymapper.app.canvas.items.stage_header import StageHeaderItem
from journeymapper.app.canvas.style import pen, theme
from journeymapper.layout.geometry import Rect
from journeymapper.model.builders import new_connection
from journeymapper.model.edits import Connect, ReorderLanes, ReorderStages

if TYPE_CHECKING:
    from journeymapper.app.canvas.items.lane_header import LaneHeaderItem
    from journeymapper.app.canvas.scene import JourneyScene

FEEDBACK_Z = 30.0
POINTER = "\0pointer"  # the rubber band's end before it is over a card


class Interaction:
    def __init__(self, scene: JourneyScene) -> None:
        self.scene = scene

    def mouse_press(self, event: QGraphicsSceneMouseEvent) -> None:
        event.accept()

    def mouse_move(self, event: QGraphicsSceneMouseEvent) -> None:
        event.accept()

    def mouse_release(self, event: QGraphicsSceneMouseEvent) -> None:
        self.finish()

    def cancel(self) -> None:
        self.finish()

    def finish(self) -> None:
        if self.scene.interaction is self:
            self.scene.interaction = None


class ConnectInteraction(Interaction):
    """Drag from a card's handle to another card: a rubber arrow, then one `Connect`."""

    def __init__(self, scene: JourneyScene, source: str, pos: QPointF) -> None:
        super().__init__(scene)
        self.source = source
        self.target: str | None = None
        self.line = QGraphicsPathItem()
        self.line.setPen(pen(theme().selection, 2.0, Qt.PenStyle.DashLine))
        self.line.setZValue(FEEDBACK_Z)
        scene.addItem(self.line)
        scene.handle.attach(None, None)
        self._draw(pos)

    def _target_at(self, pos: QPointF) -> str | None:
        for item in self.scene.items(pos):
            if isinstance(item, CardItem) and item.card_id != self.source:
                return item.card_id
        return None

    def _draw(self, pos: QPointF) -> None:
        source = self.scene.card_rect(self.source)
        if source is None:
            return
        target = self.target or POINTER
        moved = {} if self.target else {POINTER: Rect(pos.x(), pos.y(), 0.0, 0.0)}
        route = self.scene.layout.routing.sketch(self.source, target, moved)
        if route is not None:
            self.line.setPath(route_path(route))

    def _flag(self, card_id: str | None, on: bool) -> None:
        item = self.scene.cards.get(card_id) if card_id else None
        if item is not None:
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
        journey = self.scene.journey
        if journey.connection_between(self.source, target) is not None:
            self.scene.message.emit("These touchpoints are already connected.")
            return
        self.scene.document.push(Connect(new_connection(journey, self.source, target)))

    def finish(self) -> None:
        self._flag(self.target, False)
        if self.line.scene() is not None:
            self.scene.removeItem(self.line)
        super().finish()


class HeaderDragInteraction(Interaction):
    """Drag a stage header sideways or a lane header up or down to reorder them.

    It waits for the pointer to travel the platform's drag distance, so a click on a
    header only selects it.
    """

    def __init__(
        self, scene: JourneyScene, header: StageHeaderItem | LaneHeaderItem, pos: QPointF
    ) -> None:
        super().__init__(scene)
        self.header = header
        self.horizontal = isinstance(header, StageHeaderItem)
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
        layout = self.scene.layout
        if self.horizontal:
            return [s.id for s in self.scene.journey.stages if s.id in layout.stages]
        return [lane.id for lane in self.scene.journey.lanes if lane.id in layout.lanes]

    def _key(self) -> str:
        header = self.header
        return header.stage_id if isinstance(header, StageHeaderItem) else header.lane_id

    def _rects(self) -> list[Rect]:
        layout = self.scene.layout
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
            self.scene.addItem(self.marker)
            self.scene.addItem(self.ghost)
        self._show(pos)

    def _show(self, pos: QPointF) -> None:
        layout = self.scene.layout
        rects = self._rects()
        coord = pos.x() if self.horizontal else pos.y()
        centers = [(r.x + r.w / 2) if self.horizontal else (r.y + r.h / 2) for r in rects]
        self.index = sum(c < coord for c in centers)
        own = self.header.rect
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
        key = self._key()
        old = ids.index(key)
        order = [i for i in ids if i != key]
        order.insert(index - (1 if index > old else 0), key)
        if order == ids:
            return
        if self.horizontal:
            self.scene.document.push(ReorderStages(tuple(order)))
        else:
            shown = iter(order)  # hidden lanes keep their places between the others
            full = [lane.id for lane in self.scene.journey.lanes]
            self.scene.document.push(
                ReorderLanes(tuple(next(shown) if i in ids else i for i in full))
            )

    def finish(self) -> None:
        for item in (self.marker, self.ghost):
            if item.scene() is not None:
                self.scene.removeItem(item)
        super().finish()


def is_feedback(item: QGraphicsItem) -> bool:
    return item.zValue() >= FEEDBACK_Z
