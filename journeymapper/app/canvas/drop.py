"""Dropping a channel from the palette onto the canvas.

The scene overrides all four drag handlers and sends them here: without an accepted
drag-enter and drag-move, Qt refuses the drop over an empty cell. Over a touchpoints
cell the cell lights up and the drop adds a card there; anywhere else the move is
ignored, so the cursor shows that the drop is not allowed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QGraphicsSceneDragDropEvent

from journeymapper.app.canvas.mime import read_touchpoint
from journeymapper.model.builders import new_touchpoint
from journeymapper.model.edits import AddTouchpoint

if TYPE_CHECKING:
    from journeymapper.app.canvas.scene import JourneyScene


class PaletteDrop:
    def __init__(self, scene: JourneyScene) -> None:
        self.scene = scene

    def _cell(self, event: QGraphicsSceneDragDropEvent) -> tuple[str, str] | None:
        pos = event.scenePos()
        return self.scene.layout.card_lane_at(pos.x(), pos.y())

    def enter(self, event: QGraphicsSceneDragDropEvent) -> None:
        self.scene.ensure_layout()
        if read_touchpoint(event.mimeData()) is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.move(event)

    def move(self, event: QGraphicsSceneDragDropEvent) -> None:
        cell = self._cell(event) if read_touchpoint(event.mimeData()) else None
        if cell is None:
            self.scene.drop_target.setVisible(False)
            event.ignore()
            return
        self.scene.drop_target.show_at(self.scene.layout.cell(*cell))
        event.acceptProposedAction()

    def leave(self, event: QGraphicsSceneDragDropEvent) -> None:
        self.scene.drop_target.setVisible(False)
        event.accept()

    def drop(self, event: QGraphicsSceneDragDropEvent) -> None:
        self.scene.drop_target.setVisible(False)
        payload = read_touchpoint(event.mimeData())
        cell = self._cell(event)
        if payload is None or cell is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.add_card(
            payload["channel"], payload["name"], cell, event.scenePos().x(), event.scenePos().y()
        )

    def add_card(self, channel: str, name: str, cell: tuple[str, str], x: float, y: float) -> str:
        """Add a card of `channel` at (x, y) in `cell`, select it and offer to rename it
        (the channel's name is a placeholder: a facilitator types the real one at once)."""
        from journeymapper.app.canvas.text_targets import card_target

        scene = self.scene
        slot = scene.layout.slot_for_drop(scene.journey, cell[0], cell[1], x, y)
        tp = new_touchpoint(scene.journey, name, cell[0], cell[1], slot, channel=channel)
        if scene.document.push(AddTouchpoint(tp)):
            scene.select_ids([tp.id])
            target = card_target(scene, tp.id)
            if target is not None:
                scene.request_text_edit(target)
        return tp.id
