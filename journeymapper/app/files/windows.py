"""The open windows of this run: a map already open is raised, not opened twice, and
Quit closes them one by one (each asks about its unsaved work)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from journeymapper.app.context import EditorWindow

OPEN: list[EditorWindow] = []


def opened(window: EditorWindow) -> None:
    if window not in OPEN:
        OPEN.append(window)


def closed(window: EditorWindow) -> None:
    if window in OPEN:
        OPEN.remove(window)


def showing(path: Path) -> EditorWindow | None:
    """The window that has the file at `path` open, if any."""
    resolved = path.resolve()
    return next((w for w in OPEN if w.context.document.path == resolved), None)


def quit_all() -> None:
    for window in list(OPEN):
        if not window.close():
            return
    QApplication.quit()
