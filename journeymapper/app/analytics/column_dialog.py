"""Which column is which: the dialog a CSV or Parquet log without the usual names gets.

It shows the file's first rows and a choice per role — case id, activity, timestamp,
and optionally a segment (channel, persona…) or a stage column — pre-set to the usual
names when the file has them. OK is enabled once the three required roles name three
different columns.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journeymapper.analytics.columns import ColumnMap
from journeymapper.analytics.preview import Preview

NONE = "— none —"


class ColumnDialog(QDialog):
    def __init__(
        self, shown: Preview, optional_label: str = "Segment", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Columns of {shown.path.name}")
        self.preview = shown
        guess = shown.guess()
        self.case = self._combo(guess.case)
        self.activity = self._combo(guess.activity)
        self.timestamp = self._combo(guess.timestamp)
        self.segment = self._combo(None, optional=True)
        self.time_format = QLineEdit()
        self.time_format.setPlaceholderText("ISO 8601 (e.g. 2024-03-01 14:05); or %d/%m/%Y %H:%M")
        form = QFormLayout()
        form.addRow("Case id", self.case)
        form.addRow("Activity", self.activity)
        form.addRow("Timestamp", self.timestamp)
        form.addRow("Timestamp format", self.time_format)
        form.addRow(f"{optional_label} (optional)", self.segment)
        self.problem = QLabel()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(_table(shown))
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        for combo in (self.case, self.activity, self.timestamp):
            combo.currentIndexChanged.connect(self._check)
        self._check()

    def _combo(self, chosen: str | None, optional: bool = False) -> QComboBox:
        combo = QComboBox()
        combo.addItem(NONE)
        combo.addItems(list(self.preview.header))
        if chosen is not None:
            combo.setCurrentText(chosen)
        return combo

    def _check(self) -> None:
        chosen = [c.currentText() for c in (self.case, self.activity, self.timestamp)]
        problem = ""
        if NONE in chosen:
            problem = "Choose the case id, activity and timestamp columns."
        elif len(set(chosen)) < 3:
            problem = "The case id, activity and timestamp must be three different columns."
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def columns(self) -> ColumnMap:
        segment = self.segment.currentText()
        return ColumnMap(
            case=self.case.currentText(),
            activity=self.activity.currentText(),
            timestamp=self.timestamp.currentText(),
            segment=None if segment == NONE else segment,
            timestamp_format=self.time_format.text().strip() or None,
        )


def _table(shown: Preview) -> QTableWidget:
    table = QTableWidget(len(shown.rows), len(shown.header))
    table.setHorizontalHeaderLabels(list(shown.header))
    for r, row in enumerate(shown.rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(value))
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    return table
