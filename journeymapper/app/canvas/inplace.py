"""The in-place text editor the view lays over the canvas (rename, labels, notes, capture).

Enter commits, Esc cancels, Shift+Enter starts a new line where the text allows it.
A refused text stays in the editor with the reason shown right under it, so nothing
the user typed is lost. In capture mode Tab, Shift+Tab and Ctrl+Up/Down also commit
and ask to move to the neighbouring cell.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QLabel, QPlainTextEdit, QWidget

from journeymapper.app.look.colors import theme
from journeymapper.look import palette

_STYLE = """
QPlainTextEdit {{
    background: {t.card}; color: {t.ink};
    border: 2px solid {t.selection}; border-radius: 4px; padding: 0px;
    selection-background-color: {t.editor_selection}; selection-color: {t.ink};
}}
QPlainTextEdit[invalid="true"] {{ border-color: {t.pain}; }}
"""
_REASON_STYLE = f"background: {palette.PAIN}; color: white; border-radius: 3px; padding: 3px 7px;"


class InPlaceEditor(QPlainTextEdit):
    submitted = Signal(str)
    cancelled = Signal()
    navigated = Signal(int, int, str)  # stage step, lane step, the text typed so far
    focus_lost = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.multiline = False
        self.capture = False
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setStyleSheet(_STYLE.format(t=theme()))
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTabChangesFocus(False)
        self.document().setDocumentMargin(3)
        self.reason = QLabel(parent)
        self.reason.setStyleSheet(_REASON_STYLE)
        self.reason.hide()
        self.textChanged.connect(self._clear_reason)
        self.hide()

    @property
    def text(self) -> str:
        return self.toPlainText()

    def showEvent(self, event: QShowEvent) -> None:
        sheet = _STYLE.format(t=theme())  # the theme may have changed since the last edit
        if sheet != self.styleSheet():
            self.setStyleSheet(sheet)
        super().showEvent(event)

    def show_reason(self, reason: str) -> None:
        """Refuse the text at the field: red border and the reason just below it."""
        self.setProperty("invalid", True)
        self.style().unpolish(self)
        self.style().polish(self)
        self.reason.setText(reason)
        self.reason.adjustSize()
        self.reason.move(self.x(), self.y() + self.height() + 3)
        self.reason.show()
        self.reason.raise_()

    def _clear_reason(self) -> None:
        if self.reason.isVisible():
            self.reason.hide()
            self.setProperty("invalid", False)
            self.style().unpolish(self)
            self.style().polish(self)

    def place(self, rect: QRect) -> None:
        self.setGeometry(rect)
        self.reason.move(rect.x(), rect.bottom() + 4)

    def close_editor(self) -> None:
        self.reason.hide()
        self.hide()

    def event(self, event: QEvent) -> bool:
        # Tab must reach keyPressEvent instead of moving the focus away.
        tab = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and (event.key() in tab)
        ):
            self.keyPressEvent(event)
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        if key == Qt.Key.Key_Escape:
            self.cancelled.emit()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (shift and self.multiline):
            self.submitted.emit(self.text)
        elif self.capture and key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self.navigated.emit(-1 if key == Qt.Key.Key_Backtab or shift else 1, 0, self.text)
        elif (
            self.capture
            and mods & Qt.KeyboardModifier.ControlModifier
            and key in (Qt.Key.Key_Up, Qt.Key.Key_Down)
        ):
            self.navigated.emit(0, -1 if key == Qt.Key.Key_Up else 1, self.text)
        elif key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self.submitted.emit(self.text)
        else:
            super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if self.isVisible() and event.reason() != Qt.FocusReason.PopupFocusReason:
            self.focus_lost.emit(self.text)
