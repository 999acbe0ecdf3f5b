"""Confirm or change which touchpoint each log activity stands for.

One row per activity, most frequent first: its case count and a touchpoint chooser
pre-set to the stored mapping or the name suggestion (with its similarity), or to
"no touchpoint". OK returns the mapping the user confirmed; the caller stores it with
one undoable edit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journeymapper.analytics.mapping import Suggestion
from journeymapper.model.document import Journey

NO_TOUCHPOINT = "— no touchpoint —"
MAX_ROWS = 500


class MappingDialog(QDialog):
    def __init__(
        self,
        journey: Journey,
        suggestions: Sequence[Suggestion],
        cases: Mapping[str, int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Map log activities to touchpoints")
        self.suggestions = sorted(
            suggestions, key=lambda s: (-cases.get(s.activity, 0), s.activity)
        )
        self.suggestions = self.suggestions[:MAX_ROWS]
        touchpoints = sorted(journey.touchpoints(), key=lambda t: t.name.casefold())
        self.choices = [(NO_TOUCHPOINT, None), *((t.name, t.id) for t in touchpoints)]
        self.table = QTableWidget(len(self.suggestions), 4)
        self.table.setHorizontalHeaderLabels(["Activity", "Cases", "Touchpoint", "Match"])
        self.combos: list[QComboBox] = []
        for row, s in enumerate(self.suggestions):
            self.table.setItem(row, 0, QTableWidgetItem(s.activity))
            self.table.setItem(row, 1, QTableWidgetItem(f"{cases.get(s.activity, 0):,}"))
            combo = QComboBox()
            for name, ident in self.choices:
                combo.addItem(name, ident)
            combo.setCurrentIndex(max(0, combo.findData(s.touchpoint)) if s.touchpoint else 0)
            self.table.setCellWidget(row, 2, combo)
            self.combos.append(combo)
            how = "kept" if s.confirmed else (f"{s.score:.0f} %" if s.touchpoint else "")
            self.table.setItem(row, 3, QTableWidgetItem(how))
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Suggested by name similarity; change any that are wrong."))
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(720, 480)

    def mapping(self) -> dict[str, str]:
        chosen = {}
        for s, combo in zip(self.suggestions, self.combos, strict=True):
            ident = combo.currentData()
            if ident:
                chosen[s.activity] = str(ident)
        return chosen
