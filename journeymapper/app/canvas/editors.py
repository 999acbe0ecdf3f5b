"""What can be edited in place on the canvas, and how a finished edit becomes an edit.

A `TextTarget` says where the in-place editor goes (a scene rectangle and the font
the text is drawn with there), the text it starts with, and what to do with the text
on Enter. The view shows the editor; nothing here knows about widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QGraphicsItem

from journeymapper.app.canvas.items.card import CardItem
from journeymapper.app.canvas.items.connection import ConnectionItem
from journeymapper.app.canvas.items.lane_header import LaneHeaderItem
from journeymapper.app.canvas.items.stage_header import StageHeaderItem
from journeymapper.layout.geometry import (
    CARD_PAD,
    CELL_PAD,
    LANE_FONT,
    NAME_FONT,
    SMALL_FONT,
    STAGE_FONT,
    TEXT_FONT,
    Rect,
)
from journeymapper.model.edits import (
    SetNote,
    UpdateConnection,
    UpdateLane,
    UpdateStage,
    UpdateTouchpoint,
)
from journeymapper.model.schema import LaneKind

if TYPE_CHECKING:
    from journeymapper.app.canvas.scene import JourneyScene


@dataclass
class TextTarget:
    """One in-place edit: where, with which text and font, and how to commit it."""

    rect: Rect
    text: str
    size: float
    commit: Callable[[str], bool]
    bold: bool = False
    multiline: bool = False
    required: bool = True  # an empty name is refused at the field
    placeholder: str = ""
    what: str = "name"


def name_reason(text: str, what: str = "name") -> str | None:
    """Why `text` cannot be a name, or None when it can."""
    if not text.strip():
        return f"A {what} cannot be empty."
    if len(text) > 200:
        return f"A {what} has at most 200 characters."
    return None


def card_target(scene: JourneyScene, card_id: str) -> TextTarget | None:
    item = scene.card_item(card_id)
    if item is None:
        return None
    rect = item.scene_rect()
    parts = item.geometry.parts
    top = rect.y + parts.name_top - 3
    box = Rect(rect.x + CARD_PAD - 3, top, rect.w - 2 * CARD_PAD + 6, rect.bottom - top - 4)

    def commit(text: str) -> bool:
        text = " ".join(text.split())
        if text == scene.journey.touchpoint(card_id).name:
            return True
        return scene.document.push(UpdateTouchpoint(card_id, {"name": text}))

    return TextTarget(box, item.tp.name, NAME_FONT, commit, bold=True, what="touchpoint name")


def stage_target(scene: JourneyScene, stage_id: str) -> TextTarget:
    header = scene.layout.stage_header(stage_id)
    box = Rect(header.x + CELL_PAD - 3, header.y + CELL_PAD - 4, header.w - 2 * CELL_PAD + 6, 26)

    def commit(text: str) -> bool:
        text = " ".join(text.split())
        if text == scene.journey.stage(stage_id).name:
            return True
        return scene.document.push(UpdateStage(stage_id, {"name": text}))

    name = scene.journey.stage(stage_id).name
    return TextTarget(box, name, STAGE_FONT, commit, bold=True, what="stage name")


def lane_target(scene: JourneyScene, lane_id: str) -> TextTarget:
    header = scene.layout.lane_header(lane_id)
    box = Rect(header.x + CELL_PAD - 5, header.y + CELL_PAD - 4, header.w - 2 * CELL_PAD + 8, 24)

    def commit(text: str) -> bool:
        text = " ".join(text.split())
        if text == scene.journey.lane(lane_id).name:
            return True
        return scene.document.push(UpdateLane(lane_id, {"name": text}))

    name = scene.journey.lane(lane_id).name
    return TextTarget(box, name, LANE_FONT, commit, bold=True, what="lane name")


def connection_target(scene: JourneyScene, conn_id: str) -> TextTarget | None:
    item = scene.activate_connection(conn_id)
    if item is None:
        return None
    x, y = item.route.label
    box = Rect(x - 80, y - 12, 160, 24)

    def commit(text: str) -> bool:
        text = " ".join(text.split())
        if text == scene.journey.connection(conn_id).label:
            return True
        return scene.document.push(UpdateConnection(conn_id, {"label": text}))

    label = scene.journey.connection(conn_id).label
    return TextTarget(
        box, label, SMALL_FONT, commit, required=False, placeholder="Label (optional)", what="label"
    )


def note_target(scene: JourneyScene, lane_id: str, stage_id: str) -> TextTarget:
    cell = scene.layout.cell(stage_id, lane_id)
    box = Rect(
        cell.x + CELL_PAD - 4,
        cell.y + CELL_PAD - 4,
        cell.w - 2 * CELL_PAD + 8,
        max(cell.h - 2 * CELL_PAD + 8, 60),
    )

    def commit(text: str) -> bool:
        text = text.strip()
        if text == scene.journey.lane(lane_id).notes.get(stage_id, ""):
            return True
        return scene.document.push(SetNote(lane_id, stage_id, text))

    text = scene.journey.lane(lane_id).notes.get(stage_id, "")
    return TextTarget(
        box,
        text,
        TEXT_FONT,
        commit,
        multiline=True,
        required=False,
        placeholder="Write a note… (Shift+Enter: new line)",
        what="note",
    )


def target_for_item(scene: JourneyScene, item: QGraphicsItem) -> TextTarget | None:
    """The text an item shows that can be edited in place (F2), if any."""
    if isinstance(item, CardItem):
        return card_target(scene, item.card_id)
    if isinstance(item, ConnectionItem):
        return connection_target(scene, item.conn_id)
    if isinstance(item, StageHeaderItem):
        return stage_target(scene, item.stage_id)
    if isinstance(item, LaneHeaderItem):
        return lane_target(scene, item.lane_id)
    return None


def target_at(scene: JourneyScene, pos: QPointF) -> TextTarget | None:
    """What a double-click at `pos` edits: a card, a label, a header or a notes cell."""
    for item in scene.items(pos):
        target = target_for_item(scene, item)
        if target is not None:
            return target
    cell = scene.layout.cell_at(pos.x(), pos.y())
    if cell is not None and scene.layout.lane_kinds[cell[1]] is LaneKind.NOTES:
        return note_target(scene, cell[1], cell[0])
    return None
