"""A drag of cards is one undo step.

Qt moves the selected cards live (`ItemIsMovable`); this object records where they
started on press, keeps them inside the map's cells and their connections following
after each mouse move, shows the cell they are over, and on release turns the whole
drag into a single `MoveTouchpoints` edit (a stage and a lane change included). A
drop where cards cannot go puts them back and says why.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QGraphicsSceneMouseEvent

from journeymapper.app.canvas.items.card import CARD_Z, DRAG_Z, CardItem
from journeymapper.app.canvas.placement import drop_placements
from journeymapper.model.edits import MoveTouchpoints

if TYPE_CHECKING:
    from journeymapper.app.canvas.scene import JourneyScene


class CardDrag:
    def __init__(self, scene: JourneyScene) -> None:
        self.scene = scene
        self.start: dict[str, QPointF] = {}
        self.active = False

    def pressed(self, event: QGraphicsSceneMouseEvent) -> None:
        self.start, self.active = {}, False
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if isinstance(self.scene.mouseGrabberItem(), CardItem):
            cards = self.scene.cards
            self.start = {i: cards[i].pos() for i in self.scene.selected_card_ids()}

    def moved(self, event: QGraphicsSceneMouseEvent) -> None:
        if not self.start:
            return
        cards = self.scene.cards
        if not self.active:
            if all(cards[i].pos() == p for i, p in self.start.items() if i in cards):
                return
            self.active = True
            self.scene.handle.attach(None, None)
            for card_id in self.start:
                cards[card_id].setZValue(DRAG_Z)
        for card_id in self.start:
            item = cards.get(card_id)
            if item is not None:
                self.scene.card_moved(item)
        pos = event.scenePos()
        cell = self.scene.layout.card_lane_at(pos.x(), pos.y())
        if cell is None:
            self.scene.drop_target.setVisible(False)
        else:
            self.scene.drop_target.show_at(self.scene.layout.cell(*cell))
        self._set_cursor(
            Qt.CursorShape.ClosedHandCursor if cell else Qt.CursorShape.ForbiddenCursor
        )

    def released(self, event: QGraphicsSceneMouseEvent) -> None:
        if not self.active:
            self.start = {}
            return
        scene, cards = self.scene, self.scene.cards
        moved = [i for i in self.start if i in cards]
        self.start, self.active = {}, False
        scene.drop_target.setVisible(False)
        self._set_cursor(None)
        for card_id in moved:
            cards[card_id].setZValue(CARD_Z)
        centers = {i: cards[i].scene_rect().center for i in moved}
        placements = drop_placements(scene.journey, scene.layout, centers)
        if placements is None:
            scene.message.emit("Cards can only go in a touchpoints lane.")
        if placements and scene.document.push(MoveTouchpoints(placements)):
            return
        scene.put_back(moved)  # nothing changed in the model: put the cards back

    def _set_cursor(self, shape: Qt.CursorShape | None) -> None:
        for view in self.scene.views():
            if shape is None:
                view.viewport().unsetCursor()
            else:
                view.viewport().setCursor(shape)
