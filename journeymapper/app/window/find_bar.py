"""The find bar above the canvas: type to select every matching card; Enter visits each."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from journeymapper.app.look import glyphs
from journeymapper.app.operations import MapOperations


class _Field(QLineEdit):
    escaped = Signal()
    back = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.back.emit()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    def __init__(self, ops: MapOperations) -> None:
        super().__init__()
        self.ops = ops
        self.matches: list[str] = []
        self.index = -1
        self.field = _Field()
        self.field.setPlaceholderText("Find touchpoints by name, description, channel, owner, tag")
        self.field.setClearButtonEnabled(True)
        self.field.addAction(
            glyphs.icon("search", glyphs.MUTED), QLineEdit.ActionPosition.LeadingPosition
        )
        self.count = QLabel()
        self.count.setStyleSheet("color: palette(placeholder-text);")
        self.count.setMinimumWidth(90)
        done = QToolButton()
        done.setText("Done")
        done.setAutoRaise(True)
        done.clicked.connect(self.close_bar)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.field, 1)
        row.addWidget(self.count)
        row.addWidget(done)
        self.setStyleSheet(
            "FindBar { background: palette(alternate-base);"
            " border-bottom: 1px solid palette(mid); }"
        )
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.field.textChanged.connect(self.search)
        self.field.returnPressed.connect(self.next_match)
        self.field.back.connect(self.previous_match)
        self.field.escaped.connect(self.close_bar)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.ops.view.setFocus()

    def search(self, text: str) -> None:
        self.matches = self.ops.find(text)
        self.index = -1
        if self.matches:
            self.ops.show_ids(self.matches[:1])
            self.ops.scene.select_ids(self.matches)
            self.index = 0
        self._count()

    def next_match(self) -> None:
        self._step(1)

    def previous_match(self) -> None:
        self._step(-1)

    def _step(self, step: int) -> None:
        if not self.matches:
            if self.field.text():
                self.search(self.field.text())
            return
        self.index = (self.index + step) % len(self.matches)
        self.ops.scene.select_ids(self.matches)
        self.ops.centre_on(self.matches[self.index])
        self._count()

    def _count(self) -> None:
        if not self.field.text():
            self.count.setText("")
        elif not self.matches:
            self.count.setText("No matches")
        else:
            self.count.setText(f"{self.index + 1} of {len(self.matches)}")
