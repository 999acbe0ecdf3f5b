"""Dropping a channel from the palette onto the canvas, as an interaction.

A drag that enters the scene carrying a palette channel starts it; without an accepted
drag-enter and drag-move, Qt refuses the drop over an empty cell, so it accepts them
over a touchpoints cell (which lights up) and ignores them anywhere else (the cursor
shows the drop is not allowed). The drop adds a card there and offers to rename it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGraphicsSceneDragDropEvent

from journeymapper.app.canvas.interaction import Interaction
from journeymapper.app.canvas.mime import read_touchpoint
from journeymapper.app.canvas.protocol import Canvas
from journeymapper.app.canvas.text_targets import card_target
from journeymapper.model.builders import new_touchpoint
from journeymapper.model.edits import AddTouchpoint


class PaletteDrop(Interaction):
    @classmethod
    def begin(cls, canvas: Canvas, event: QGraphicsSceneDragDropEvent) -> PaletteDrop | None:
        """The drop a drag carrying a palette channel starts; None for anything else."""
        return cls(canvas) if read_touchpoint(event.mimeData()) is not None else None

    def _cell(self, event: QGraphicsSceneDragDropEvent) -> tuple[str, str] | None:
        pos = event.scenePos()
        return self.canvas.layout.card_lane_at(pos.x(), pos.y())

    def drag_enter(self, event: QGraphicsSceneDragDropEvent) -> None:
        self.canvas.ensure_layout()
        event.acceptProposedAction()
        self.drag_move(event)

    def drag_move(self, event: QGraphicsSceneDragDropEvent) -> None:
        cell = self._cell(event)
        self.canvas.show_drop_cell(cell)
        if cell is None:
            event.ignore()
        else:
            event.acceptProposedAction()

    def drag_leave(self, event: QGraphicsSceneDragDropEvent) -> None:
        self.canvas.show_drop_cell(None)
        event.accept()
        self.finish()

    def drop(self, event: QGraphicsSceneDragDropEvent) -> None:
        self.canvas.show_drop_cell(None)
        self.finish()
        payload = read_touchpoint(event.mimeData())
        cell = self._cell(event)
        if payload is None or cell is None:
            event.ignore()
            return
        event.acceptProposedAction()
        pos = event.scenePos()
        self.add_card(payload["channel"], payload["name"], cell, pos.x(), pos.y())

    def add_card(self, channel: str, name: str, cell: tuple[str, str], x: float, y: float) -> str:
        """Add a card of `channel` at (x, y) in `cell`, select it and offer to rename it
        (the channel's name is a placeholder: a facilitator types the real one at once)."""
        canvas = self.canvas
        slot = canvas.layout.slot_for_drop(canvas.journey, cell[0], cell[1], x, y)
        tp = new_touchpoint(canvas.journey, name, cell[0], cell[1], slot, channel=channel)
        if canvas.document.push(AddTouchpoint(tp)) is None:
            canvas.select_ids([tp.id])
            target = card_target(canvas, tp.id)
            if target is not None:
                canvas.request_text_edit(target)
        return tp.id
