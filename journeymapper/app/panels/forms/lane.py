"""The fields of a lane (shown when its header is selected)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit

from journeymapper.app.canvas.items.lane_header import KIND_CAPTIONS
from journeymapper.app.document import Document
from journeymapper.app.panels.forms.base import Form
from journeymapper.app.panels.forms.fields import blocked
from journeymapper.model.edits import UpdateLane


class LaneForm(Form):
    def __init__(self, document: Document) -> None:
        super().__init__(document)
        self.lane_id: str | None = None
        self.heading("Lane")
        self.name = self.row("name", "Name", QLineEdit())
        self.kind = self.row("kind", "Shows", QComboBox())
        for kind, label in KIND_CAPTIONS.items():
            self.kind.addItem(label, kind)
        self.hidden = self.row("hidden", "Hidden", QCheckBox("Hide this lane"))
        self.note(
            "Drag the header up or down to reorder lanes. Hidden lanes are listed in View ▸ Lanes."
        )
        self.name.editingFinished.connect(lambda: self._set("name", self.name.text().strip()))
        self.kind.activated.connect(lambda: self._set("kind", self.kind.currentData()))
        self.hidden.toggled.connect(lambda on: self._set("hidden", on))

    def show_lane(self, lane_id: str) -> None:
        if lane_id != self.lane_id:
            self.clear_reasons()
        self.lane_id = lane_id
        self.refresh()

    def refresh(self) -> None:
        journey = self.document.journey
        if self.lane_id is None or not any(lane.id == self.lane_id for lane in journey.lanes):
            return
        lane = journey.lane(self.lane_id)
        with blocked(self.name, self.kind, self.hidden):
            self.name.setText(lane.name)
            self.kind.setCurrentIndex(max(0, self.kind.findData(lane.kind)))
            self.hidden.setChecked(lane.hidden)

    def _set(self, key: str, value: Any) -> None:
        if self.lane_id is None:
            return
        if getattr(self.document.journey.lane(self.lane_id), key) == value:
            self.reasons[key].show_reason("")
            return
        if key == "name" and not value:
            self.refuse("name", "A lane needs a name.")
            return
        self.commit(key, UpdateLane(self.lane_id, {key: value}))
