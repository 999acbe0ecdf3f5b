"""What the menus, the context menus and the keyboard do to a map.

Every operation here builds model edits and pushes them on the document's undo stack;
it reads the scene only to know what is selected and where. Selection, zoom and the
cell cursor are view state and never become undo steps.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import QObject, QRectF, Signal
from PySide6.QtWidgets import QApplication, QColorDialog, QMessageBox, QWidget

from journeymapper.app.canvas import clipboard, text_targets
from journeymapper.app.canvas.items.lane_header import LaneHeaderItem
from journeymapper.app.canvas.items.stage_header import StageHeaderItem
from journeymapper.app.canvas.mime import cards_mime, read_cards
from journeymapper.app.canvas.placement import nudge_placement
from journeymapper.app.canvas.scene import JourneyScene
from journeymapper.app.canvas.view import JourneyView
from journeymapper.app.document import Document
from journeymapper.model.builders import new_connection, new_lane, new_stage, new_touchpoint
from journeymapper.model.document import Journey
from journeymapper.model.edits import (
    AddLane,
    AddStage,
    AddTouchpoint,
    Batch,
    Connect,
    Disconnect,
    Edit,
    MoveTouchpoints,
    RemoveLane,
    RemoveStage,
    RemoveTouchpoint,
    UpdateLane,
    UpdateStage,
    UpdateTouchpoint,
)
from journeymapper.model.schema import LaneKind, Touchpoint

log = logging.getLogger(__name__)

LANE_NAMES = {
    LaneKind.TOUCHPOINTS: "Touchpoints",
    LaneKind.NOTES: "Notes",
    LaneKind.EMOTION: "Feeling",
    LaneKind.PAIN_POINTS: "Pain points",
    LaneKind.OPPORTUNITIES: "Opportunities",
}


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


class MapOperations(QObject):
    """The editing operations of one window: what menus, context menus and keys do."""

    message = Signal(str)

    def __init__(
        self, document: Document, scene: JourneyScene, view: JourneyView, parent: QWidget
    ) -> None:
        super().__init__(view)
        self.document = document
        self.scene = scene
        self.view = view
        self.parent_widget = parent  # for the questions it asks (delete a full stage?)

    @property
    def journey(self) -> Journey:
        return self.document.journey

    def push(self, edit: Edit) -> str | None:
        """Push `edit` as one undo step; the reason it was refused, or None."""
        return self.document.push(edit)

    # ----- selection --------------------------------------------------------------

    def selected_headers(self) -> tuple[list[str], list[str]]:
        stages, lanes = [], []
        for item in self.scene.selectedItems():
            if isinstance(item, StageHeaderItem):
                stages.append(item.stage_id)
            elif isinstance(item, LaneHeaderItem):
                lanes.append(item.lane_id)
        return stages, lanes

    def select_all(self) -> None:
        """Every card (their connections go with them on delete, copy and cut)."""
        self.scene.reveal_all()
        self.scene.select_ids(self.scene.layout.cards)

    def show_ids(self, ids: Sequence[str]) -> None:
        """Select what `ids` name and bring it into view (problems, find)."""
        items = self.scene.select_ids(ids)
        rect = self.scene.items_rect(items)
        if rect.isEmpty():
            return
        view = self.view
        visible = view.mapToScene(view.viewport().rect()).boundingRect()
        if view.in_overview or rect.width() > visible.width() or rect.height() > visible.height():
            view.zoom_to(rect.adjusted(-40, -40, 40, 40), max_zoom=1.0)
        else:
            view.centerOn(rect.center())

    def zoom_to_selection(self) -> None:
        rect = self.scene.items_rect(self.scene.selectedItems())
        if not rect.isEmpty():
            self.view.zoom_to(rect.adjusted(-30, -30, 30, 30))

    # ----- delete, copy, paste ----------------------------------------------------

    def delete_selection(self) -> None:
        stages, lanes = self.selected_headers()
        cards = self.scene.selected_card_ids()
        links = [c for c in self.scene.selected_connection_ids() if self.journey.has_connection(c)]
        touching = {c.id for c in self.journey.connections_of(cards)}
        edits: list[Edit] = [Disconnect(c) for c in links if c not in touching]
        edits += [RemoveTouchpoint(c) for c in cards]
        if edits:
            what = plural(len(cards), "touchpoint") if cards else plural(len(edits), "connection")
            label = edits[0].describe(self.journey) if len(edits) == 1 else f"Delete {what}"
            self.push(Batch(tuple(edits), label))
        for stage_id in stages:
            self.delete_stage(stage_id)
        for lane_id in lanes:
            self.delete_lane(lane_id)

    def reading_order(self, ids: Sequence[str]) -> list[str]:
        """`ids` as a reader meets them: stage by stage, column by column, top down."""
        order = {s.id: i for i, s in enumerate(self.journey.stages)}
        return sorted(ids, key=lambda i: _reading_key(self.journey.touchpoint(i), order))

    def copy(self) -> bool:
        ids = self.reading_order(self.scene.selected_card_ids())
        if not ids:
            return False
        payload = clipboard.copy_payload(self.journey, ids)
        names = [self.journey.touchpoint(i).name for i in ids]
        QApplication.clipboard().setMimeData(cards_mime(payload, names))
        self.message.emit(f"Copied {plural(len(ids), 'touchpoint')}.")
        return True

    def cut(self) -> None:
        if self.copy():
            cards = self.scene.selected_card_ids()
            edits = tuple(RemoveTouchpoint(c) for c in cards)
            self.push(Batch(edits, f"Cut {plural(len(cards), 'touchpoint')}"))

    def paste(self) -> None:
        data = QApplication.clipboard().mimeData()
        payload = read_cards(data)
        cell = self.scene.cell or None
        if payload is not None:
            result = clipboard.paste_edit(self.journey, payload, cell)
        elif data is not None and data.hasText():
            target = cell or self.scene.default_cell()
            result = clipboard.text_edit(self.journey, data.text(), target) if target else None
        else:
            result = None
        self._apply_paste(result)

    def duplicate(self) -> None:
        ids = self.scene.selected_card_ids()
        if ids:
            payload = clipboard.copy_payload(self.journey, ids)
            result = clipboard.paste_edit(self.journey, payload, None)
            if result is not None:
                edit, new_ids = result
                label = f"Duplicate {plural(len(new_ids), 'touchpoint')}"
                self._apply_paste((Batch(edit.edits, label), new_ids))

    def _apply_paste(self, result: tuple[Edit, list[str]] | None) -> None:
        if result is None:
            self.message.emit("Nothing to paste.")
            return
        edit, ids = result
        if self.push(edit) is None:
            self.scene.select_ids(ids)
            self.show_ids(ids)

    # ----- touchpoints --------------------------------------------------------------

    def rename_selected(self) -> None:
        scene = self.scene
        selected = scene.selectedItems()
        target = text_targets.target_for_item(scene, selected[0]) if len(selected) == 1 else None
        if target is not None:
            scene.request_text_edit(target)

    def set_emotion(self, value: int | None) -> None:
        ids = self.scene.selected_card_ids()
        if not ids:
            return
        scale = self.journey.info.emotion_scale
        if value is not None and not scale.contains(value):
            return
        edits = tuple(UpdateTouchpoint(i, {"emotion": value}) for i in ids)
        feeling = "no emotion" if value is None else scale.label(value).lower()
        label = (
            edits[0].describe(self.journey)
            if len(edits) == 1
            else (f"Set {plural(len(ids), 'touchpoint')} to {feeling}")
        )
        self.push(Batch(edits, label))

    def nudge(self, dx: int, dy: int) -> None:
        ids = sorted(self.scene.selected_card_ids())
        if not ids:
            return
        self.scene.ensure_layout()
        moves = {}
        for card_id in ids:
            placement = nudge_placement(self.journey, self.scene.layout, card_id, dx, dy)
            if placement is not None:
                moves[card_id] = placement
        if moves:
            self.push(MoveTouchpoints(moves, merge_key="nudge:" + ",".join(ids)))

    def add_touchpoint(self, name: str = "New touchpoint", channel: str = "") -> None:
        scene = self.scene
        scene.ensure_layout()
        cell = scene.cell or scene.default_cell()
        if cell is None:
            self.message.emit("Add a touchpoints lane first.")
            return
        tp = new_touchpoint(self.journey, name, *cell, channel=channel)
        if self.push(AddTouchpoint(tp)) is None:
            scene.select_ids([tp.id])
            scene.ensure_layout()
            self.show_ids([tp.id])
            target = text_targets.card_target(scene, tp.id)
            if target is not None:
                scene.request_text_edit(target)

    def connect_selected(self) -> None:
        """Connect the selected cards one after another, in reading order."""
        journey = self.journey
        order = {s.id: i for i, s in enumerate(journey.stages)}
        cards = sorted(
            (journey.touchpoint(i) for i in self.scene.selected_card_ids()),
            key=lambda t: (order.get(t.stage, 0), t.slot.column, t.slot.order),
        )
        edits = [
            Connect(new_connection(journey, a.id, b.id))
            for a, b in pairwise(cards)
            if journey.connection_between(a.id, b.id) is None
        ]
        if not edits:
            self.message.emit("Select two or more touchpoints to connect them in order.")
            return
        label = (
            edits[0].describe(journey)
            if len(edits) == 1
            else (f"Connect {plural(len(cards), 'touchpoint')}")
        )
        self.push(Batch(tuple(edits), label))

    # ----- stages and lanes ---------------------------------------------------------

    def add_stage(self, after: str | None = None) -> None:
        journey = self.journey
        stages, _ = self.selected_headers()
        anchor = after or (stages[-1] if stages else None)
        index = journey.stage_index(anchor) + 1 if anchor else -1
        stage = new_stage(journey)
        if self.push(AddStage(stage, index)) is None:
            self.scene.ensure_layout()
            self.scene.select_ids([stage.id])
            self.show_ids([stage.id])
            self.scene.request_text_edit(text_targets.stage_target(self.scene, stage.id))

    def add_lane(self, kind: LaneKind = LaneKind.TOUCHPOINTS, after: str | None = None) -> None:
        journey = self.journey
        _, lanes = self.selected_headers()
        anchor = after or (lanes[-1] if lanes else None)
        index = journey.lane_index(anchor) + 1 if anchor else -1
        lane = new_lane(journey, LANE_NAMES[kind], kind)
        if self.push(AddLane(lane, index)) is None:
            self.scene.ensure_layout()
            self.scene.select_ids([lane.id])
            self.show_ids([lane.id])
            self.scene.request_text_edit(text_targets.lane_target(self.scene, lane.id))

    def delete_stage(self, stage_id: str) -> None:
        journey = self.journey
        stage = journey.stage(stage_id)
        count = len(journey.touchpoints_in(stage_id))
        notes = any(lane.notes.get(stage_id) for lane in journey.lanes)
        if count or notes:
            what = plural(count, "touchpoint") if count else "its notes"
            if not self._confirm(f"Delete the stage “{stage.name}” and {what}?"):
                return
        self.push(RemoveStage(stage_id))

    def delete_lane(self, lane_id: str) -> None:
        journey = self.journey
        lane = journey.lane(lane_id)
        count = sum(1 for tp in journey.touchpoints() if tp.lane == lane_id)
        filled = count or any(lane.notes.values())
        what = plural(count, "touchpoint") if count else "its notes"
        if filled and not self._confirm(f"Delete the lane “{lane.name}” and {what}?"):
            return
        self.push(RemoveLane(lane_id))

    def _confirm(self, question: str) -> bool:
        answer = QMessageBox.question(
            self.parent_widget,
            "Delete",
            question + "\n\nYou can undo this.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def recolour_stage(self, stage_id: str) -> None:
        from PySide6.QtGui import QColor

        stage = self.journey.stage(stage_id)
        chosen = QColorDialog.getColor(
            QColor(stage.color), self.parent_widget, f"Colour of “{stage.name}”"
        )
        if chosen.isValid() and chosen.name().upper() != stage.color.upper():
            self.push(UpdateStage(stage_id, {"color": chosen.name().upper()}))

    def set_lane_hidden(self, lane_id: str, hidden: bool) -> None:
        if self.journey.lane(lane_id).hidden != hidden:
            self.push(UpdateLane(lane_id, {"hidden": hidden}))

    # ----- find -------------------------------------------------------------------------

    def find(self, text: str) -> list[str]:
        """Cards whose name, description, channel, owner or tags contain every word."""
        words = text.casefold().split()
        if not words:
            return []
        found = []
        for tp in self.journey.touchpoints():
            haystack = " ".join((tp.name, tp.description, tp.channel, tp.owner, *tp.tags))
            if all(w in haystack.casefold() for w in words):
                found.append(tp.id)
        return self.reading_order(found)

    def centre_on(self, card_id: str) -> None:
        rect = self.scene.card_rect(card_id)
        if rect is not None:
            self.view.ensureVisible(QRectF(rect.x, rect.y, rect.w, rect.h), 80, 80)


def _reading_key(tp: Touchpoint, order: dict[str, int]) -> tuple[int, int, float]:
    return (order.get(tp.stage, 0), tp.slot.column, tp.slot.order)
