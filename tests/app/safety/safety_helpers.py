"""Helpers for the never-lose-work tests: answering a modal dialog from a timer."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget


def click_when_modal(button_text: str, seen: list[str] | None = None, tries: int = 200) -> None:
    """Click the button `button_text` of the next modal dialog (it runs its own loop, so
    the click is scheduled before the code that opens it); its texts go to `seen`."""

    def attempt(left: int) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            if left:
                QTimer.singleShot(10, lambda: attempt(left - 1))
            return
        if seen is not None:
            seen.append(_texts(dialog))
        for button in dialog.findChildren(QAbstractButton):
            if button.text().replace("&", "") == button_text and button.isVisible():
                button.click()
                return
        raise AssertionError(f"no button {button_text!r} in {_texts(dialog)!r}")

    QTimer.singleShot(0, lambda: attempt(tries))


def _texts(dialog: QWidget) -> str:
    from PySide6.QtWidgets import QLabel, QListWidget

    parts = [label.text() for label in dialog.findChildren(QLabel)]
    for listing in dialog.findChildren(QListWidget):
        parts += [listing.item(i).text() for i in range(listing.count())]
    return "\n".join(parts)
