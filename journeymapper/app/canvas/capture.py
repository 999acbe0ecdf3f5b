"""Live capture: type a name, press Enter, and the card is there; type the next one.

A session types into the scene's current cell. With "connect as you type" on, every
new card is connected from the one before it (the card selected when the session
started, then each new one), in the same undo step as the card itself, so a flow
called out by a room becomes cards and arrows as fast as it can be typed. `emotion`,
when set while typing (Alt+1…5, see `app/present/quick_add.py`), goes on the next card,
in its one step too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from journeymapper.app.canvas.text_targets import TextTarget
from journeymapper.layout.geometry import CARD_W, MIN_CARD_H, NAME_FONT, Rect
from journeymapper.model.builders import new_connection, new_touchpoint
from journeymapper.model.edits import AddTouchpoint

if TYPE_CHECKING:
    from journeymapper.app.canvas.scene import JourneyScene


class CaptureSession:
    def __init__(self, scene: JourneyScene, previous: str | None, connect_flow: bool) -> None:
        self.scene = scene
        self.previous = previous
        self.connect_flow = connect_flow
        self.added: list[str] = []
        self.emotion: int | None = None  # for the next card only

    def target(self) -> TextTarget | None:
        """The editor's place: the ghost card at the current cell's next free slot."""
        scene = self.scene
        scene.ensure_layout()
        if scene.cell is None:
            return None
        x, y = scene.next_card_position(*scene.cell)
        return TextTarget(
            Rect(x, y, CARD_W, MIN_CARD_H),
            "",
            NAME_FONT,
            self.add,
            bold=True,
            required=False,
            placeholder="Touchpoint name, then Enter",
            what="touchpoint name",
        )

    def add(self, text: str) -> str | None:
        """Add a card named `text` (connected from the previous one when asked); None,
        or why it was refused."""
        name = " ".join(text.split())
        scene = self.scene
        if not name or scene.cell is None:
            return None
        journey = scene.journey
        stage_id, lane_id = scene.cell
        extra = {} if self.emotion is None else {"emotion": self.emotion}
        tp = new_touchpoint(journey, name, stage_id, lane_id, **extra)
        links = ()
        if self.connect_flow and self.previous and journey.has_touchpoint(self.previous):
            links = (new_connection(journey, self.previous, tp.id),)
        refusal = scene.document.push(AddTouchpoint(tp, links))
        if refusal is not None:
            return refusal
        self.previous = tp.id
        self.added.append(tp.id)
        self.emotion = None
        scene.select_ids([tp.id])
        return None

    def move(self, stage_step: int, lane_step: int) -> None:
        self.scene.move_cell(stage_step, lane_step)
