"""The fields of a stage (shown when its header is selected)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit

from journeymapper.app.document import Document
from journeymapper.app.panels.forms.base import Form
from journeymapper.app.panels.forms.fields import ColorButton, TextBox, blocked
from journeymapper.model.catalog import PHASE_LABELS
from journeymapper.model.edits import UpdateStage


class StageForm(Form):
    def __init__(self, document: Document) -> None:
        super().__init__(document)
        self.stage_id: str | None = None
        self.heading("Stage")
        self.name = self.row("name", "Name", QLineEdit())
        self.color = self.row("color", "Colour", ColorButton())
        self.phase = self.row("phase", "Phase", QComboBox())
        self.phase.addItem("None", None)
        for phase, label in PHASE_LABELS.items():
            self.phase.addItem(label, phase)
        self.description = self.row("description", "Description", TextBox(4), wide=True)
        self.count = self.note("")
        self.name.editingFinished.connect(lambda: self._set("name", self.name.text().strip()))
        self.color.color_chosen.connect(lambda c: self._set("color", c))
        self.phase.activated.connect(lambda: self._set("phase", self.phase.currentData()))
        self.description.editingFinished.connect(
            lambda: self._set("description", self.description.toPlainText())
        )

    def show_stage(self, stage_id: str) -> None:
        if stage_id != self.stage_id:
            self.clear_reasons()
        self.stage_id = stage_id
        self.refresh()

    def refresh(self) -> None:
        journey = self.document.journey
        if self.stage_id is None or not any(s.id == self.stage_id for s in journey.stages):
            return
        stage = journey.stage(self.stage_id)
        with blocked(self.name, self.phase, self.description):
            self.name.setText(stage.name)
            self.phase.setCurrentIndex(max(0, self.phase.findData(stage.phase)))
            self.description.set_text(stage.description)
        self.color.set_color(stage.color)
        count = len(journey.touchpoints_in(stage.id))
        self.count.setText(
            f"{count} touchpoint{'s' if count != 1 else ''} in this stage. "
            "Drag the header sideways to reorder stages."
        )

    def _set(self, key: str, value: Any) -> None:
        if self.stage_id is None:
            return
        if getattr(self.document.journey.stage(self.stage_id), key) == value:
            self.reasons[key].show_reason("")
            return
        if key == "name" and not value:
            self.refuse("name", "A stage needs a name.")
            return
        self.commit(key, UpdateStage(self.stage_id, {key: value}))
