"""Fields that several selected touchpoints can share, set on all of them at once."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox

from journeymapper.app.document import Document
from journeymapper.app.panels.forms.base import Form
from journeymapper.app.panels.forms.fields import blocked
from journeymapper.app.panels.forms.touchpoint import EVIDENCE_LABELS
from journeymapper.model import catalog
from journeymapper.model.edits import Batch, UpdateTouchpoint

MIXED = "—"


class MultiForm(Form):
    def __init__(self, document: Document) -> None:
        super().__init__(document)
        self.ids: list[str] = []
        self.summary = self.note("")
        self.heading("Set on all selected")
        self.emotion = self.row("emotion", "Emotion", QComboBox())
        self.category = self.row("category", "Category", QComboBox())
        self.ownership = self.row("ownership", "Ownership", QComboBox())
        self.evidence = self.row("evidence", "Evidence", QComboBox())
        self.category.addItem("Not set", None)
        for category, label in catalog.CATEGORY_LABELS.items():
            self.category.addItem(label, category)
        for ownership, label in catalog.OWNERSHIP_LABELS.items():
            self.ownership.addItem(label, ownership)
        for evidence, label in EVIDENCE_LABELS.items():
            self.evidence.addItem(label, evidence)
        for key, box in self._boxes().items():
            box.insertItem(0, MIXED, MIXED)
            box.activated.connect(lambda _=0, k=key, b=box: self._set(k, b.currentData()))

    def _boxes(self) -> dict[str, QComboBox]:
        return {
            "emotion": self.emotion,
            "category": self.category,
            "ownership": self.ownership,
            "evidence": self.evidence,
        }

    def show_touchpoints(self, ids: list[str]) -> None:
        self.ids = ids
        self.refresh()

    def refresh(self) -> None:
        journey = self.document.journey
        tps = [journey.touchpoint(i) for i in self.ids if journey.has_touchpoint(i)]
        scale = journey.info.emotion_scale
        with blocked(self.emotion):
            self.emotion.clear()
            self.emotion.addItem(MIXED, MIXED)
            self.emotion.addItem("Not set", None)
            for value in range(scale.minimum, scale.maximum + 1):
                self.emotion.addItem(f"{value:+d}  {scale.label(value)}", value)
        self.summary.setText(f"{len(tps)} touchpoints selected.")
        for key, box in self._boxes().items():
            values = {getattr(tp, key) for tp in tps}
            with blocked(box):
                box.setCurrentIndex(box.findData(values.pop()) if len(values) == 1 else 0)

    def _set(self, key: str, value: Any) -> None:
        if value == MIXED or not self.ids:
            return
        edits = tuple(UpdateTouchpoint(i, {key: value}) for i in self.ids)
        label = f"Change {key} of {len(edits)} touchpoints"
        self.commit(key, Batch(edits, label))
