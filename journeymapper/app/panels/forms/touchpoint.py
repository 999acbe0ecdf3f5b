"""Every field of one touchpoint, bound to the model without loops.

A finished change (editingFinished, a choice, a toggle) pushes one `UpdateTouchpoint`;
`touchpoint_changed` refreshes the fields with their signals blocked. The emotion and
votes spin boxes apply every change at once (an arrow, the wheel, a number typed) and
merge the changes of one visit to the field into one undo step, as typing does. An
empty name or an emotion outside the map's scale is refused at the field, with the
reason under it.
"""

from __future__ import annotations

import math
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from journeymapper.app.document import Document
from journeymapper.app.panels.forms.base import Form
from journeymapper.app.panels.forms.fields import ItemList, KpiTable, TextBox, blocked
from journeymapper.model import catalog
from journeymapper.model.edits import UpdateTouchpoint
from journeymapper.model.schema import Evidence, Kpi, Touchpoint

UNSET = -101  # the emotion spin box's "not set" value, below any scale
EVIDENCE_LABELS = {
    Evidence.ASSUMPTION: "Assumption",
    Evidence.PARTLY_BACKED: "Partly backed",
    Evidence.RESEARCH_BASED: "Research-based",
}


def _number(text: str) -> float | None:
    """A KPI value as typed (a decimal comma too); ValueError with a sentence if it is none."""
    cleaned = text.strip().replace(",", ".")
    if not cleaned:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        raise ValueError(f"“{text}” is not a number") from None
    if math.isnan(value):
        raise ValueError(f"“{text}” is not a number")
    if math.isinf(value):
        raise ValueError(f"“{text}” is too large a number")
    return value


class TouchpointForm(Form):
    def __init__(self, document: Document) -> None:
        super().__init__(document)
        self.tp_id: str | None = None
        self.visit = 0  # one more each time a spin box gets the focus: one undo step each
        self.place = self.note("")
        self.heading("Touchpoint")
        self.name = self.row("name", "Name", QLineEdit())
        self.description = self.row("description", "Description", TextBox(3), wide=True)
        self.channel = self.row("channel", "Channel", QComboBox())
        self.channel.setEditable(True)
        self.channel.addItem("", "")
        for entry in catalog.CHANNELS:
            self.channel.addItem(entry.label, entry.key)
        self.category = self.row("category", "Category", QComboBox())
        self.category.addItem("Not set", None)
        for category, label in catalog.CATEGORY_LABELS.items():
            self.category.addItem(label, category)
        self.ownership = self.row("ownership", "Ownership", QComboBox())
        for ownership, label in catalog.OWNERSHIP_LABELS.items():
            self.ownership.addItem(label, ownership)
        self.heading("Experience")
        self.emotion, self.emotion_label = self._emotion_row()
        self.pains = self.row("pain_points", "Pain points", ItemList("a pain point"), wide=True)
        self.gains = self.row(
            "opportunities", "Opportunities", ItemList("an opportunity"), wide=True
        )
        self.heading("Measurement")
        self.kpis = self.row("kpis", "KPIs", KpiTable(), wide=True)
        self.feedback = self.row("feedback", "Feedback", TextBox(2), wide=True)
        self.feedback.setPlaceholderText("How feedback is collected here")
        self.owner = self.row("owner", "Owner", QLineEdit())
        self.owner.setPlaceholderText("Team responsible")
        self.evidence = self.row("evidence", "Evidence", QComboBox())
        for evidence, label in EVIDENCE_LABELS.items():
            self.evidence.addItem(label, evidence)
        self.heading("People")
        self.personas_box = self.row("personas", "Personas", QWidget())
        self.persona_checks: dict[str, QCheckBox] = {}
        QHBoxLayout(self.personas_box).setContentsMargins(0, 0, 0, 0)
        self.votes = self.row("votes", "Votes", QSpinBox())
        self.votes.setRange(0, 1_000_000)
        self.tags = self.row("tags", "Tags", QLineEdit())
        self.tags.setPlaceholderText("Comma-separated")
        self._wire()

    def _emotion_row(self) -> tuple[QSpinBox, QLabel]:
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        spin = QSpinBox()
        spin.setRange(UNSET, 100)
        spin.setSpecialValueText("Not set")
        spin.setToolTip("Keys 1–5 on the canvas set the emotion of the selected cards")
        label = QLabel()
        row.addWidget(spin)
        row.addWidget(label, 1)
        self.row("emotion", "Emotion", holder)
        return spin, label

    def _wire(self) -> None:
        self.name.editingFinished.connect(lambda: self._set("name", self.name.text()))
        self.description.editingFinished.connect(
            lambda: self._set("description", self.description.toPlainText())
        )
        self.channel.activated.connect(self._channel_chosen)
        self.channel.lineEdit().editingFinished.connect(self._channel_typed)
        self.category.activated.connect(lambda: self._set("category", self.category.currentData()))
        self.ownership.activated.connect(
            lambda: self._set("ownership", self.ownership.currentData())
        )
        self.emotion.valueChanged.connect(self._emotion_entered)
        self.pains.edited.connect(lambda items: self._set("pain_points", items))
        self.gains.edited.connect(lambda items: self._set("opportunities", items))
        self.kpis.edited.connect(self._kpis_edited)
        self.feedback.editingFinished.connect(
            lambda: self._set("feedback", self.feedback.toPlainText())
        )
        self.owner.editingFinished.connect(lambda: self._set("owner", self.owner.text().strip()))
        self.evidence.activated.connect(lambda: self._set("evidence", self.evidence.currentData()))
        self.votes.valueChanged.connect(lambda value: self._set("votes", value, merge=True))
        for spin in (self.emotion, self.votes):
            spin.installEventFilter(self)
        self.tags.editingFinished.connect(self._tags_edited)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            self.visit += 1  # a new visit to a spin box: its changes are a new undo step
        return False

    # ----- model → fields ------------------------------------------------------------

    def show_touchpoint(self, tp_id: str) -> None:
        if tp_id != self.tp_id:
            self.clear_reasons()
            self.visit += 1
        self.tp_id = tp_id
        self.refresh()

    def refresh(self) -> None:
        journey = self.document.journey
        if self.tp_id is None or not journey.has_touchpoint(self.tp_id):
            return
        tp = journey.touchpoint(self.tp_id)
        self.place.setText(self._place_text(tp))
        with blocked(
            self.name,
            self.description,
            self.channel,
            self.category,
            self.ownership,
            self.emotion,
            self.feedback,
            self.owner,
            self.evidence,
            self.votes,
            self.tags,
        ):
            self._fill(tp)
        self.pains.set_items(tp.pain_points)
        self.gains.set_items(tp.opportunities)
        self.kpis.set_rows([(k.name, _fmt(k.target), _fmt(k.actual), k.unit) for k in tp.kpis])
        self._fill_personas(tp)

    def _fill(self, tp: Touchpoint) -> None:
        if not self.name.hasFocus() or self.name.text() != tp.name:
            self.name.setText(tp.name)
        self.description.set_text(tp.description)
        index = self.channel.findData(tp.channel)
        if index >= 0:
            self.channel.setCurrentIndex(index)
        else:
            self.channel.setEditText(tp.channel)
        self.category.setCurrentIndex(max(0, self.category.findData(tp.category)))
        self.ownership.setCurrentIndex(max(0, self.ownership.findData(tp.ownership)))
        self.emotion.setValue(UNSET if tp.emotion is None else tp.emotion)
        scale = self.document.journey.info.emotion_scale
        self.emotion_label.setText("" if tp.emotion is None else scale.label(tp.emotion))
        self.emotion.setToolTip(
            f"From {scale.minimum:+d} ({scale.label(scale.minimum)}) to {scale.maximum:+d} "
            f"({scale.label(scale.maximum)}). Keys 1–5 on the canvas set it too."
        )
        self.feedback.set_text(tp.feedback)
        self.owner.setText(tp.owner)
        self.evidence.setCurrentIndex(max(0, self.evidence.findData(tp.evidence)))
        self.votes.setValue(tp.votes)
        self.tags.setText(", ".join(tp.tags))

    def _fill_personas(self, tp: Touchpoint) -> None:
        layout = self.personas_box.layout()
        personas = self.document.journey.personas
        if [p.id for p in personas] != list(self.persona_checks) or any(
            self.persona_checks[p.id].text() != p.name for p in personas
        ):
            for check in self.persona_checks.values():
                layout.removeWidget(check)
                check.deleteLater()
            self.persona_checks = {}
            for persona in personas:
                check = QCheckBox(persona.name)
                check.toggled.connect(self._personas_toggled)
                layout.addWidget(check)
                self.persona_checks[persona.id] = check
        for persona_id, check in self.persona_checks.items():
            with blocked(check):
                check.setChecked(persona_id in tp.personas)
        if not personas:
            self.reasons["personas"].show_reason("")

    def _place_text(self, tp: Touchpoint) -> str:
        journey = self.document.journey
        return f"In {journey.stage(tp.stage).name} · {journey.lane(tp.lane).name}"

    # ----- fields → model -------------------------------------------------------------

    def _set(self, key: str, value: Any, merge: bool = False) -> None:
        """Push `key` = `value`; with `merge`, into the undo step of this field visit."""
        journey = self.document.journey
        if self.tp_id is None or not journey.has_touchpoint(self.tp_id):
            return
        if getattr(journey.touchpoint(self.tp_id), key) == value:
            self.reasons[key].show_reason("")
            return
        if key == "name" and not str(value).strip():
            self.refuse("name", "A touchpoint needs a name.")
            return
        merge_key = f"field:{key}:{self.tp_id}:{self.visit}" if merge else None
        self.commit(key, UpdateTouchpoint(self.tp_id, {key: value}, merge_key=merge_key))

    def _channel_chosen(self, index: int) -> None:
        key = self.channel.itemData(index) or ""
        self._apply_channel(key)

    def _channel_typed(self) -> None:
        text = self.channel.currentText().strip()
        match = next(
            (c.key for c in catalog.CHANNELS if c.label.casefold() == text.casefold()), None
        )
        self._apply_channel(match or text)

    def _apply_channel(self, key: str) -> None:
        if self.tp_id is None:
            return
        tp = self.document.journey.touchpoint(self.tp_id)
        if key == tp.channel:
            return
        changes: dict[str, Any] = {"channel": key}
        entry = catalog.channel(key)
        if entry is not None and tp.category is None:
            changes["category"] = entry.category
        self.commit("channel", UpdateTouchpoint(self.tp_id, changes))

    def _emotion_entered(self, value: int) -> None:
        journey = self.document.journey
        emotion = None if value == UNSET else value
        tp_id = self.tp_id
        if tp_id is None or not journey.has_touchpoint(tp_id):
            return
        if journey.touchpoint(tp_id).emotion == emotion:
            return  # the model's own value again (after a refusal): the reason stays
        scale = journey.info.emotion_scale
        if value != UNSET and not scale.contains(value):
            self.refuse(
                "emotion",
                f"{value:+d} is outside this map's emotion scale "
                f"({scale.minimum:+d} to {scale.maximum:+d}).",
            )
            return
        self._set("emotion", emotion, merge=True)

    def _kpis_edited(self, rows: list[tuple[str, str, str, str]]) -> None:
        kpis = []
        for name, target, actual, unit in rows:
            if not name and not (target or actual or unit):
                continue
            if not name:
                self.reasons["kpis"].show_reason("Each KPI needs a name.")
                return
            try:
                values = _number(target), _number(actual)
            except ValueError as exc:
                self.reasons["kpis"].show_reason(f"{exc} (KPI “{name[:40]}”).")
                return
            try:
                kpis.append(Kpi(name=name, target=values[0], actual=values[1], unit=unit))
            except ValidationError as exc:
                error = exc.errors(include_url=False)[0]
                what = "KPI name" if error["loc"][0] == "name" else "unit"
                self.reasons["kpis"].show_reason(
                    f"The {what} of KPI “{name[:40]}”: {_problem(error)}."
                )
                return
        self._set("kpis", tuple(kpis))

    def _personas_toggled(self) -> None:
        chosen = tuple(pid for pid, check in self.persona_checks.items() if check.isChecked())
        self._set("personas", chosen)

    def _tags_edited(self) -> None:
        tags = tuple(dict.fromkeys(t.strip() for t in self.tags.text().split(",") if t.strip()))
        self._set("tags", tags)


def _problem(error: Any) -> str:
    if error["type"] == "string_too_long":
        return f"at most {error['ctx']['max_length']} characters"
    if error["type"] == "string_pattern_mismatch":
        return "no control characters, and not only spaces"
    return str(error["msg"]).lower()


def _fmt(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:g}"
