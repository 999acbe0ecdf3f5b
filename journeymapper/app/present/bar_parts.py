"""The facilitator bar's look and its small parts: buttons that never take the keyboard,
fields that give it back on Esc, menus in the bar's large type, and the votes-each box.

Everything is sized for a projector: 18 px bold, white on near-black whatever the
appearance, so the bar reads from the back of a room.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSpinBox,
    QToolButton,
    QWidget,
)

BAR_BG = "#0B1220"
INK = "#F8FAFC"
MUTED = "#A8B3C4"
BUTTON = "#1E293B"
BUTTON_HOVER = "#334155"
TEXT_PX = 18

SHEET = f"""
QFrame#facilitator_bar {{ background: {BAR_BG}; border-top: 1px solid #000; }}
QFrame#facilitator_bar QLabel {{ color: {INK}; font-size: {TEXT_PX}px; }}
QFrame#facilitator_bar QLabel[muted="true"] {{ color: {MUTED}; }}
QFrame#facilitator_bar QPushButton, QFrame#facilitator_bar QToolButton {{
    background: {BUTTON}; color: {INK}; border: 1px solid #475569; border-radius: 6px;
    padding: 5px 12px; font-size: {TEXT_PX}px; font-weight: bold;
}}
QFrame#facilitator_bar QPushButton:hover, QFrame#facilitator_bar QToolButton:hover {{
    background: {BUTTON_HOVER};
}}
QFrame#facilitator_bar QPushButton:checked, QFrame#facilitator_bar QToolButton:checked {{
    background: {INK}; color: #0B1220; border: 1px solid {INK};
}}
QFrame#facilitator_bar QPushButton:disabled {{ color: #64748B; }}
QFrame#facilitator_bar QLineEdit, QFrame#facilitator_bar QSpinBox {{
    background: #F8FAFC; color: #0B1220; border: 2px solid #94A3B8; border-radius: 5px;
    padding: 3px 6px; font-size: {TEXT_PX}px;
}}
QFrame#facilitator_bar QLabel#voter_name {{ font-size: 22px; font-weight: bold; color: #FDE68A; }}
QFrame#facilitator_bar QToolButton::menu-indicator {{ image: none; width: 0; }}
"""

MENU_SHEET = f"""
QMenu {{ background: {BAR_BG}; color: {INK}; font-size: {TEXT_PX}px; font-weight: bold;
         border: 1px solid #475569; padding: 4px; }}
QMenu::item {{ padding: 8px 28px 8px 14px; border-radius: 4px; }}
QMenu::item:selected {{ background: {BUTTON_HOVER}; }}
QMenu::item:checked {{ color: #FDE68A; }}
QMenu::separator {{ height: 1px; background: #334155; margin: 4px 8px; }}
"""


def button(text: str, slot: Callable[[], object], tip: str = "") -> QPushButton:
    made = QPushButton(text)
    made.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    made.setToolTip(tip)
    made.clicked.connect(lambda *_: slot())
    return made


def label(text: str = "", muted: bool = False) -> QLabel:
    made = QLabel(text)
    made.setProperty("muted", muted)
    made.setTextFormat(Qt.TextFormat.PlainText)  # a voter's name is never markup
    return made


def menu_button(text: str, tip: str) -> QToolButton:
    """A bar button that opens a menu (in the bar's large type) on a click."""
    made = QToolButton()
    made.setText(text)
    made.setToolTip(tip)
    made.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    made.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(made)
    menu.setStyleSheet(MENU_SHEET)
    made.setMenu(menu)
    return made


class Field(QLineEdit):
    """A bar field: Enter submits, Esc gives the keyboard back to the canvas."""

    escaped = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        super().keyPressEvent(event)


class VotesEach(QWidget):
    """How many dots each voter has: − [3 votes each] +. The spin box draws no arrows of
    its own (in the bar's style they showed as a stray "—"); the buttons say what they
    do, and Up / Down or the wheel over the number still count."""

    def __init__(self) -> None:
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        self.spin = QSpinBox()
        self.spin.setRange(1, 99)
        self.spin.setValue(3)
        self.spin.setSuffix(" votes each")
        self.spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        self.spin.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.less = button("−", lambda: self.spin.stepBy(-1), "One vote fewer each")
        self.more = button("+", lambda: self.spin.stepBy(1), "One vote more each")
        for widget in (self.less, self.spin, self.more):
            row.addWidget(widget)

    def buttons(self) -> tuple[QPushButton, QPushButton]:
        return self.less, self.more
