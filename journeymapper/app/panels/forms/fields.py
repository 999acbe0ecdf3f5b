"""Small editing widgets the property forms share.

Each emits one signal when the user has finished a change (never while typing), so a
form pushes exactly one edit per change; `set_*` methods never emit, so a form can
refresh from the model without looping back into it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from journeymapper.app.look import glyphs
from journeymapper.look import palette


@contextmanager
def blocked(*widgets: QWidget) -> Iterator[None]:
    """Refresh widgets from the model without their change signals firing."""
    blockers = [QSignalBlocker(w) for w in widgets]
    try:
        yield
    finally:
        for blocker in blockers:
            blocker.unblock()


class ReasonLabel(QLabel):
    """Why the value just typed was refused, shown right under its field."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setStyleSheet(f"color: {palette.PAIN}; font-size: 8.5pt;")
        self.setObjectName("reason")
        self.hide()

    def show_reason(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


class TextBox(QPlainTextEdit):
    """A multi-line field that reports `editingFinished` when it loses the focus."""

    editingFinished = Signal()

    def __init__(self, lines: int = 3) -> None:
        super().__init__()
        self.setTabChangesFocus(True)
        height = self.fontMetrics().lineSpacing() * lines + 14
        self.setFixedHeight(height)

    def set_text(self, text: str) -> None:
        if text != self.toPlainText():
            self.setPlainText(text)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.editingFinished.emit()


def _tool(icon: str, tip: str) -> QToolButton:
    button = QToolButton()
    button.setText(tip)
    button.setToolTip(tip)
    button.setAutoRaise(True)
    button.setIcon(glyphs.icon(icon, glyphs.MUTED))
    return button


class ItemList(QWidget):
    """An editable list of short texts (pain points, opportunities, goals)."""

    edited = Signal(tuple)

    def __init__(self, placeholder: str) -> None:
        super().__init__()
        self.placeholder = placeholder
        self.list = QListWidget()
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.list.setWordWrap(True)
        self.list.setMaximumHeight(110)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemChanged.connect(self._emit)
        add, remove = QToolButton(), QToolButton()
        add.setText("+")
        add.setToolTip(f"Add ({placeholder})")
        remove.setText("−")
        remove.setToolTip("Remove the selected line")
        add.clicked.connect(self._add)
        remove.clicked.connect(self._remove)
        buttons = QVBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.list, 1)
        row.addLayout(buttons)

    def items(self) -> tuple[str, ...]:
        texts = (self.list.item(i).text().strip() for i in range(self.list.count()))
        return tuple(" ".join(t.split()) for t in texts if t)

    def set_items(self, items: tuple[str, ...]) -> None:
        with blocked(self.list):
            self.list.clear()
            for text in items:
                self._append(text)

    def _append(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.list.addItem(item)
        return item

    def _add(self) -> None:
        with blocked(self.list):
            item = self._append("")
        self.list.setCurrentItem(item)
        self.list.editItem(item)

    def _remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self._emit()

    def _emit(self, *_: object) -> None:
        self.edited.emit(self.items())


class KpiTable(QWidget):
    """KPIs as a small table: name, target, actual, unit.

    The numbers and the unit take the width they need; the name takes the rest and
    wraps onto more lines rather than being cut ("First-conta…"), and every cell's
    tooltip holds its whole text. The table grows with its rows up to a limit."""

    edited = Signal(list)
    HEADERS = ("KPI", "Target", "Actual", "Unit")
    MAX_HEIGHT = 180

    def __init__(self) -> None:
        super().__init__()
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(self.HEADERS)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.sectionResized.connect(lambda *_: self._fit_rows())
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSizeAdjustPolicy(QTableWidget.SizeAdjustPolicy.AdjustToContents)
        self.table.setMaximumHeight(self.MAX_HEIGHT)
        self.table.cellChanged.connect(self._tooltip)
        self.table.cellChanged.connect(self._emit)
        add, remove = QToolButton(), QToolButton()
        add.setText("+")
        add.setToolTip("Add a KPI")
        remove.setText("−")
        remove.setToolTip("Remove the selected KPI")
        add.clicked.connect(self._add)
        remove.clicked.connect(self._remove)
        buttons = QVBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.table, 1)
        row.addLayout(buttons)

    def set_rows(self, rows: list[tuple[str, str, str, str]]) -> None:
        with blocked(self.table):
            self.table.setRowCount(0)
            for values in rows:
                self._append(values)

    def _append(self, values: tuple[str, str, str, str]) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            self.table.setItem(row, column, item)

    def _tooltip(self, row: int, column: int) -> None:
        cell = self.table.item(row, column)
        if cell is not None:
            with blocked(self.table):
                cell.setToolTip(cell.text())

    def _fit_rows(self) -> None:
        """Wrapped names need taller rows when the name column narrows or widens."""
        self.table.resizeRowsToContents()

    def rows(self) -> list[tuple[str, str, str, str]]:
        result = []
        for row in range(self.table.rowCount()):
            name, target, actual, unit = (self._text(row, c) for c in range(4))
            result.append((name, target, actual, unit))
        return result

    def _text(self, row: int, column: int) -> str:
        cell = self.table.item(row, column)
        return cell.text().strip() if cell is not None else ""

    def _add(self) -> None:
        with blocked(self.table):
            self._append(("", "", "", ""))
        row = self.table.rowCount() - 1
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self.table.item(row, 0))

    def _remove(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self._emit()

    def _emit(self, *_: object) -> None:
        self.edited.emit(self.rows())


class ColorButton(QToolButton):
    """A swatch that opens the colour dialog and reports the colour chosen."""

    color_chosen = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.color = "#000000"
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.clicked.connect(self._choose)

    def set_color(self, color: str) -> None:
        self.color = color
        self.setIcon(QIcon(glyphs.dot_pixmap(color, 14)))
        self.setText(color.upper())

    def _choose(self) -> None:
        chosen = QColorDialog.getColor(QColor(self.color), self, "Choose a colour")
        if chosen.isValid() and chosen.name().upper() != self.color.upper():
            self.color_chosen.emit(chosen.name().upper())


def section(title: str) -> QLabel:
    label = QLabel(title.upper())
    label.setStyleSheet(
        "color: palette(placeholder-text); font-weight: bold; font-size: 8pt;"
        " padding-top: 10px; letter-spacing: 0.5px;"
    )
    return label
