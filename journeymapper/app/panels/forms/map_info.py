"""The map's own fields, shown when nothing is selected: title, state, scale, counts."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit

from journeymapper.app.document import Document
from journeymapper.app.panels.forms.base import Form
from journeymapper.app.panels.forms.fields import TextBox, blocked
from journeymapper.model.edits import UpdateInfo
from journeymapper.model.schema import EmotionScale, MapState


class MapForm(Form):
    def __init__(self, document: Document) -> None:
        super().__init__(document)
        self.heading("Journey map")
        self.title = self.row("title", "Title", QLineEdit())
        self.description = self.row("description", "Description", TextBox(4), wide=True)
        self.state = self.row("state", "State", QComboBox())
        self.state.addItem("Current state", MapState.CURRENT)
        self.state.addItem("Future state", MapState.FUTURE)
        self.labels = self.row("emotion_scale", "Emotion labels", QLineEdit())
        self.labels.setToolTip("One label per step of the scale, worst first, comma-separated")
        self.measure = self.row(
            "require_measurement", "Measurement", QCheckBox("Ask for a KPI or feedback")
        )
        self.stats = self.note("")
        self.title.editingFinished.connect(lambda: self._set("title", self.title.text().strip()))
        self.description.editingFinished.connect(
            lambda: self._set("description", self.description.toPlainText())
        )
        self.state.activated.connect(lambda: self._set("state", self.state.currentData()))
        self.labels.editingFinished.connect(self._labels_edited)
        self.measure.toggled.connect(lambda on: self._set("require_measurement", on))

    def refresh(self) -> None:
        journey = self.document.journey
        info = journey.info
        with blocked(self.title, self.description, self.state, self.labels, self.measure):
            self.title.setText(info.title)
            self.description.set_text(info.description)
            self.state.setCurrentIndex(max(0, self.state.findData(info.state)))
            self.labels.setText(", ".join(info.emotion_scale.labels))
            self.measure.setChecked(info.require_measurement)
        self.stats.setText(
            f"{journey.touchpoint_count()} touchpoints · {journey.connection_count()} "
            f"connections · {len(journey.stages)} stages · {len(journey.lanes)} lanes · "
            f"{len(journey.personas)} personas\n\nSelect a card, a connection or a header "
            "to edit it here."
        )

    def _labels_edited(self) -> None:
        scale = self.document.journey.info.emotion_scale
        labels = tuple(t.strip() for t in self.labels.text().split(",") if t.strip())
        steps = scale.maximum - scale.minimum + 1
        if labels and len(labels) != steps:
            self.refuse(
                "emotion_scale",
                f"The scale has {steps} steps: give {steps} labels, worst first, or none.",
            )
            return
        if labels != scale.labels:
            try:
                new = EmotionScale(minimum=scale.minimum, maximum=scale.maximum, labels=labels)
            except ValidationError as exc:
                self.refuse("emotion_scale", _label_problem(exc))
                return
            self.commit("emotion_scale", UpdateInfo({"emotion_scale": new}))

    def _set(self, key: str, value: Any) -> None:
        if getattr(self.document.journey.info, key) == value:
            self.reasons[key].show_reason("")
            return
        if key == "title" and not value:
            self.refuse("title", "A map needs a title.")
            return
        self.commit(key, UpdateInfo({key: value}))


def _label_problem(exc: ValidationError) -> str:
    error = exc.errors(include_url=False)[0]
    if error["type"] == "string_too_long":
        return f"Each label holds at most {error['ctx']['max_length']} characters."
    if error["type"] == "string_pattern_mismatch":
        return "A label must not hold control characters."
    return f"These labels cannot be used: {error['msg']}."
