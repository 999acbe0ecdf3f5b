"""A drag of cards is one undo step.

Qt moves the selected cards live (`ItemIsMovable`), so this interaction is `native`:
it starts when a press grabs a card, records where the selected cards started, and
after each of Qt's moves keeps them inside the map's cells, has their connections
follow and shows the cell under the pointer. On release the whole drag becomes a
single `MoveTouchpoints` edit (a stage and a lane change included); a drop where cards
cannot go puts them back and says why.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QGraphicsSceneMouseEvent

from journeymapper.app.canvas.interaction import Interaction
from journeymapper.app.canvas.items.card import CARD_Z, DRAG_Z, CardItem
from journeymapper.app.canvas.placement import drop_placements
from journeymapper.app.canvas.protocol import Canvas
from journeymapper.layout.geometry import LANE_HEADER_W
from journeymapper.model.edits import MoveTouchpoints


class CardDrag(Interaction):
    native = True

    def __init__(self, canvas: Canvas, start: dict[str, QPointF]) -> None:
        super().__init__(canvas)
        self.start = start
        self.active = False

    @classmethod
    def begin(
        cls, canvas: Canvas, grabber: object, event: QGraphicsSceneMouseEvent
    ) -> CardDrag | None:
        """The drag a left press on a card starts (Qt has made it the mouse grabber)."""
        if event.button() != Qt.MouseButton.LeftButton or not isinstance(grabber, CardItem):
            return None
        cards = canvas.card_items()
        return cls(canvas, {i: cards[i].pos() for i in canvas.selected_card_ids() if i in cards})

    def _items(self) -> list[CardItem]:
        cards = self.canvas.card_items()
        return [item for i in self.start if isinstance(item := cards.get(i), CardItem)]

    def mouse_move(self, event: QGraphicsSceneMouseEvent) -> None:
        items = self._items()
        if not self.active:
            if all(item.pos() == self.start[item.card_id] for item in items):
                return
            self.active = True
            self.canvas.attach_handle(None)
            for item in items:
                item.setZValue(DRAG_Z)
        for item in items:
            self._keep_inside(item)
        self.canvas.follow_cards(self.start)
        pos = event.scenePos()
        cell = self.canvas.layout.card_lane_at(pos.x(), pos.y())
        self.canvas.show_drop_cell(cell)
        self._set_cursor(
            Qt.CursorShape.ClosedHandCursor if cell else Qt.CursorShape.ForbiddenCursor
        )

    def _keep_inside(self, item: CardItem) -> None:
        """A dragged card stays inside the map's cells."""
        layout, rect, pos = self.canvas.layout, item.geometry.rect, item.pos()
        x = min(max(pos.x(), LANE_HEADER_W), layout.width - rect.w)
        y = min(max(pos.y(), layout.header_h), layout.height - rect.h)
        if (x, y) != (pos.x(), pos.y()):
            item.setPos(x, y)

    def mouse_release(self, event: QGraphicsSceneMouseEvent) -> None:
        self.finish()
        if not self.active:
            return
        canvas, items = self.canvas, self._items()
        canvas.show_drop_cell(None)
        self._set_cursor(None)
        for item in items:
            item.setZValue(CARD_Z)
        centers = {item.card_id: item.scene_rect().center for item in items}
        placements = drop_placements(canvas.journey, canvas.layout, centers)
        if placements is None:
            canvas.message.emit("Cards can only go in a touchpoints lane.")
        if placements and canvas.document.push(MoveTouchpoints(placements)) is None:
            return
        canvas.put_back(centers)  # nothing changed in the model: put the cards back

    def _set_cursor(self, shape: Qt.CursorShape | None) -> None:
        for view in self.canvas.views():
            if shape is None:
                view.viewport().unsetCursor()
            else:
                view.viewport().setCursor(shape)
