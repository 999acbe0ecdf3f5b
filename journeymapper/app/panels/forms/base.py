"""What every property form shares: rows with a reason under each field, and commits.

A form pushes one edit per finished change. When the model refuses it (an empty
name, an emotion outside the scale), the field shows the reason in red right under
itself and goes back to the model's value; nothing half-valid reaches the map.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from journeymapper.app.document import Document
from journeymapper.app.panels.forms.fields import ReasonLabel, section
from journeymapper.model.edits import Edit


class Form(QWidget):
    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document
        self.reasons: dict[str, ReasonLabel] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 6, 10, 10)
        self.form = QFormLayout()
        outer.addLayout(self.form)
        outer.addStretch(1)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setHorizontalSpacing(10)
        self.form.setVerticalSpacing(6)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)

    def heading(self, title: str) -> None:
        self.form.addRow(section(title))

    def row(self, key: str, label: str, widget: QWidget, wide: bool = False) -> QWidget:
        """Add `widget` beside `label` (under it when `wide`: lists and tables need the
        dock's whole width), with a reason label kept for field `key`."""
        if isinstance(widget, QComboBox):  # never wider than the dock for a long entry
            widget.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            widget.setMinimumContentsLength(10)
        if isinstance(widget, QLineEdit):
            _show_start_when_filled(widget)
        widget.setMinimumWidth(0)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        reason = ReasonLabel()
        column.addWidget(reason)
        self.reasons[key] = reason
        caption = QLabel(label)
        caption.setStyleSheet("color: palette(placeholder-text); padding-top: 4px;")
        if wide:
            self.form.addRow(caption)
            self.form.addRow(holder)
        else:
            self.form.addRow(caption, holder)
        return widget

    def note(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setStyleSheet("color: palette(placeholder-text);")
        self.form.addRow(label)
        return label

    def clear_reasons(self) -> None:
        for reason in self.reasons.values():
            reason.show_reason("")

    def refuse(self, key: str, reason: str) -> None:
        """Refuse a value at its field: show why, and show the model's value again."""
        self.refresh()
        self.show_starts()
        self.reasons[key].show_reason(reason)

    def show_starts(self) -> None:
        """Every one-line field the user is not typing in shows the start of its text.

        A form fills its fields with their signals blocked (`fields.blocked`), and
        `QLineEdit.setText` leaves the cursor after the text, so a long name showed
        only its end ("…er support to track the order"). Called after each fill.
        """
        for edit in self.findChildren(QLineEdit):
            if not edit.hasFocus():
                edit.setCursorPosition(0)

    def commit(self, key: str, edit: Edit) -> bool:
        self.reasons[key].show_reason("")
        refusal = self.document.push(edit)
        if refusal is None:
            return True
        self.refuse(key, _sentence(refusal) or "This value cannot be used.")
        return False

    def refresh(self) -> None:
        """Show the model's values (subclasses fill their fields under `blocked`)."""


def _show_start_when_filled(edit: QLineEdit) -> None:
    """Text set while the field's signals flow shows its beginning too (`show_starts`
    covers the fills under `blocked`); while the user types, the cursor stays theirs."""

    def to_start() -> None:
        if not edit.hasFocus():
            edit.setCursorPosition(0)

    edit.textChanged.connect(to_start)


def _sentence(reason: str) -> str:
    """A model error such as 'name: String should have at least 1 character' as a sentence."""
    where, _, message = reason.partition(": ")
    if not message:
        return reason[:1].upper() + reason[1:]
    field = where.split(".")[0].replace("_", " ")
    if "at least 1 character" in message or "should match pattern" in message:
        return f"The {field} cannot be empty or hold control characters."
    return f"The {field}: {message}."
