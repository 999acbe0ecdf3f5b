"""Opening a map file into a window (placeholder: synchronous)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from journeymapper.app.main_window import MainWindow


def open_and_wait(path: Path) -> MainWindow:
    from journeymapper.app import files

    window = files.open_window(path)
    window.resize(1280, 800)
    window.show()
    QApplication.processEvents()
    return window
