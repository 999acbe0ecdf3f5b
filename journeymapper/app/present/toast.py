"""A line of news for the room ("Chloé's turn.", "Time's up."), large, at the top of
the canvas for a few seconds; never a dialog, never the keyboard focus."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel

from journeymapper.app.canvas.view import JourneyView

_SHEET = """
QLabel#toast { background: rgba(11, 18, 32, 235); color: #FDE68A; border: 2px solid #F59E0B;
               border-radius: 10px; padding: 10px 22px; font-size: 22px; font-weight: bold; }
"""


class Toast(QLabel):
    def __init__(self, view: JourneyView) -> None:
        super().__init__(view)  # over the viewport: scrolling moves the viewport's children
        self.view = view
        self.setObjectName("toast")
        self.setStyleSheet(_SHEET)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.timeout.connect(self.hide)
        self.hide()

    def say(self, text: str, ms: int = 4000) -> None:
        self.setText(text)
        self.adjustSize()
        port = self.view.viewport().geometry()
        width = min(self.width(), port.width() - 40)
        self.setGeometry(
            port.left() + (port.width() - width) // 2, port.top() + 24, width, self.height()
        )
        self.show()
        self.raise_()
        self._quiet.start(ms)
