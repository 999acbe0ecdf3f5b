"""What can be edited in place on the canvas, and how a finished edit becomes an edit.

A `TextTarget` says where the in-place editor goes (a scene rectangle and the font
the text is drawn with there), the text it starts with, and what to do with the text
on Enter. The view shows the editor; nothing here knows about widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QGraphicsItem

from journeymapper.app.canvas.items.card import CardItem
from journeymapper.app.canvas.items.connection import ConnectionItem
from journeymapper.app.canvas.items.lane_header import LaneHeaderItem
from journeymapper.app.canvas.items.stage_header import StageHeaderItem
from journeymapper.app.canvas.protocol import Canvas
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


@dataclass
class TextTarget:
    """One in-place edit: where, with which text and font, and how to commit it."""

    rect: Rect
    text: str
    size: float
    commit: Callable[[str], str | None]  # None, or why the text was refused
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


def card_target(canvas: Canvas, card_id: str) -> TextTarget | None:
    item = canvas.card_item(card_id)
    if not isinstance(item, CardItem):
        return None
    rect = item.scene_rect()
    parts = item.geometry.parts
    top = rect.y + parts.name_top - 3
    box = Rect(rect.x + CARD_PAD - 3, top, rect.w - 2 * CARD_PAD + 6, rect.bottom - top - 4)

    def commit(text: str) -> str | None:
        text = " ".join(text.split())
        if text == canvas.journey.touchpoint(card_id).name:
            return None
        return canvas.document.push(UpdateTouchpoint(card_id, {"name": text}))

    return TextTarget(box, item.tp.name, NAME_FONT, commit, bold=True, what="touchpoint name")


def stage_target(canvas: Canvas, stage_id: str) -> TextTarget:
    header = canvas.layout.stage_header(stage_id)
    box = Rect(header.x + CELL_PAD - 3, header.y + CELL_PAD - 4, header.w - 2 * CELL_PAD + 6, 26)

    def commit(text: str) -> str | None:
        text = " ".join(text.split())
        if text == canvas.journey.stage(stage_id).name:
            return None
        return canvas.document.push(UpdateStage(stage_id, {"name": text}))

    name = canvas.journey.stage(stage_id).name
    return TextTarget(box, name, STAGE_FONT, commit, bold=True, what="stage name")


def lane_target(canvas: Canvas, lane_id: str) -> TextTarget:
    header = canvas.layout.lane_header(lane_id)
    box = Rect(header.x + CELL_PAD - 5, header.y + CELL_PAD - 4, header.w - 2 * CELL_PAD + 8, 24)

    def commit(text: str) -> str | None:
        text = " ".join(text.split())
        if text == canvas.journey.lane(lane_id).name:
            return None
        return canvas.document.push(UpdateLane(lane_id, {"name": text}))

    name = canvas.journey.lane(lane_id).name
    return TextTarget(box, name, LANE_FONT, commit, bold=True, what="lane name")


def connection_target(canvas: Canvas, conn_id: str) -> TextTarget | None:
    item = canvas.activate_connection(conn_id)
    if not isinstance(item, ConnectionItem):
        return None
    x, y = item.route.label
    box = Rect(x - 80, y - 12, 160, 24)

    def commit(text: str) -> str | None:
        text = " ".join(text.split())
        if text == canvas.journey.connection(conn_id).label:
            return None
        return canvas.document.push(UpdateConnection(conn_id, {"label": text}))

    label = canvas.journey.connection(conn_id).label
    return TextTarget(
        box, label, SMALL_FONT, commit, required=False, placeholder="Label (optional)", what="label"
    )


def note_target(canvas: Canvas, lane_id: str, stage_id: str) -> TextTarget:
    cell = canvas.layout.cell(stage_id, lane_id)
    box = Rect(
        cell.x + CELL_PAD - 4,
        cell.y + CELL_PAD - 4,
        cell.w - 2 * CELL_PAD + 8,
        max(cell.h - 2 * CELL_PAD + 8, 60),
    )

    def commit(text: str) -> str | None:
        text = text.strip()
        if text == canvas.journey.lane(lane_id).notes.get(stage_id, ""):
            return None
        return canvas.document.push(SetNote(lane_id, stage_id, text))

    text = canvas.journey.lane(lane_id).notes.get(stage_id, "")
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


def target_for_item(canvas: Canvas, item: QGraphicsItem) -> TextTarget | None:
    """The text an item shows that can be edited in place (F2), if any."""
    if isinstance(item, CardItem):
        return card_target(canvas, item.card_id)
    if isinstance(item, ConnectionItem):
        return connection_target(canvas, item.conn_id)
    if isinstance(item, StageHeaderItem):
        return stage_target(canvas, item.stage_id)
    if isinstance(item, LaneHeaderItem):
        return lane_target(canvas, item.lane_id)
    return None


def target_at(canvas: Canvas, pos: QPointF) -> TextTarget | None:
    """What a double-click at `pos` edits: a card, a label, a header or a notes cell."""
    for item in canvas.items(pos):
        target = target_for_item(canvas, item)
        if target is not None:
            return target
    cell = canvas.layout.cell_at(pos.x(), pos.y())
    if cell is not None and canvas.layout.lane_kinds[cell[1]] is LaneKind.NOTES:
        return note_target(canvas, cell[1], cell[0])
    return None
