"""Help ▸ Keyboard Shortcuts: every key the editor answers to, in one table."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

Std = QKeySequence.StandardKey


def _key(key: Std | str) -> str:
    sequence = QKeySequence(key)
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


def shortcuts() -> tuple[tuple[str, str], ...]:
    """(action, keys) rows in this platform's notation (needs the QApplication)."""
    return (
        ("New map", _key(Std.New)),
        ("Open", _key(Std.Open)),
        ("New window", "Ctrl+Shift+N"),
        ("Close window / Quit", f"{_key(Std.Close)} / {_key(Std.Quit)}"),
        ("Save / Save As", f"{_key(Std.Save)} / {_key(Std.SaveAs)}"),
        ("Undo / Redo", f"{_key(Std.Undo)} / {_key(Std.Redo)}"),
        ("Cut / Copy / Paste", f"{_key(Std.Cut)} / {_key(Std.Copy)} / {_key(Std.Paste)}"),
        ("Duplicate", "Ctrl+D"),
        ("Delete", f"{_key(Std.Delete)} or Backspace"),
        ("Select all", _key(Std.SelectAll)),
        ("Find / next match", f"{_key(Std.Find)} / {_key(Std.FindNext)}"),
        ("Rename in place", "F2, double-click or Enter"),
        ("Add a touchpoint", "Ctrl+T"),
        ("Add a stage", "Ctrl+Shift+T"),
        ("Connect the selected cards in order", "Ctrl+L"),
        ("Connect as you type (on/off)", "Ctrl+Shift+L"),
        ("Type a card into the selected cell", "just type, then Enter"),
        ("Next / previous stage (cell)", "Tab / Shift+Tab"),
        ("Lane below / above (cell)", "Ctrl+Down / Ctrl+Up"),
        ("Set the emotion of the selected cards", "1 … 5 (0 clears)"),
        ("Nudge the selected cards", "Arrow keys"),
        ("Zoom in / out", f"{_key(Std.ZoomIn)} / {_key(Std.ZoomOut)}, Ctrl+wheel, pinch"),
        ("Actual size", "Ctrl+0"),
        ("Fit to window / zoom to selection", "Shift+1 / Shift+2"),
        ("Pan", "Space+drag, middle-drag, wheel, Shift+wheel"),
        ("Cancel, clear the selection", "Esc"),
    )


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard Shortcuts")
        rows = shortcuts()
        table = QTableWidget(len(rows), 2)
        table.setHorizontalHeaderLabels(["Action", "Keys"])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for row, (action, keys) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(action))
            table.setItem(row, 1, QTableWidgetItem(keys))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(table)
        column.addWidget(buttons)
        self.resize(560, 640)
