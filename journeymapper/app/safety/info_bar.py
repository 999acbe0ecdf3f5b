"""A message bar across the top of the canvas: news that needs an answer, without a modal
dialog in the middle of a workshop. It stays until a button answers it or it is closed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton

from journeymapper.look import palette


class InfoBar(QFrame):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("infoBar")
        self.setStyleSheet(
            "#infoBar { background: #FEF3C7; border-bottom: 1px solid #F59E0B; }"
            f" QLabel {{ color: {palette.INK}; }}"
        )
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(12, 6, 6, 6)
        self.row.addWidget(self.label, 1)
        self.buttons: dict[str, QPushButton] = {}
        close = QToolButton()
        close.setText("×")
        close.setToolTip("Close this message")
        close.setAutoRaise(True)
        close.clicked.connect(self.hide)
        self._close = close
        self.row.addWidget(close)
        self.hide()

    def show_message(self, text: str, actions: list[tuple[str, Callable[[], None]]]) -> None:
        """Show `text` with a button per action; a button hides the bar, then acts."""
        for button in self.buttons.values():
            self.row.removeWidget(button)
            button.deleteLater()
        self.buttons = {}
        self.label.setText(text)
        for label, act in actions:
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, act=act: (self.hide(), act()))
            self.row.insertWidget(self.row.count() - 1, button)
            self.buttons[label] = button
        self.show()
