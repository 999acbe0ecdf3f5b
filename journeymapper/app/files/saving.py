"""Opening, saving and closing maps from a window.

An untitled, untouched window is reused for the next map opened; otherwise the map
opens in a new window. Errors never escape as tracebacks: a file that cannot be read
or written is reported in a message box naming the file and the reason.
"""

from __future__ import annotations

import importlib
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from journeymapper.app.files import opening
from journeymapper.app.safety import save_errors
from journeymapper.app.settings import add_recent_file, clear_recent_files
from journeymapper.io.atomic import write_atomic
from journeymapper.io.errors import JourneyFileError
from journeymapper.io.journey_file import SUFFIX
from journeymapper.model.document import Journey

if TYPE_CHECKING:
    from journeymapper.app.window.main_window import MainWindow

log = logging.getLogger(__name__)

FILTER = "Journey maps (*.journey);;All files (*)"
OPTIONAL_DIALOGS = (
    "journeymapper.app.dialogs.poster_export",
    "journeymapper.app.dialogs.interchange",
)


def open_window(path: Path | None) -> MainWindow:
    """A new window, on the map at `path` or on a new map."""
    from journeymapper.app.document import Document
    from journeymapper.app.window.main_window import MainWindow

    if path is None:
        return MainWindow(Document(Journey.default()))
    window = opening.open_window(path)  # a progress dialog for a big file
    add_recent_file(path.resolve())
    return window


def new_map(window: MainWindow) -> None:
    if window.document.pristine:
        window.document.set_journey(Journey.default(), None)
    else:
        open_window(None).show()


def open_dialog(window: MainWindow) -> None:
    start = str(window.document.path.parent) if window.document.path else ""
    name, _ = QFileDialog.getOpenFileName(window, "Open Journey Map", start, FILTER)
    if name:
        open_path(window, Path(name))


def open_path(window: MainWindow, path: Path) -> MainWindow | None:
    """Open `path` in `window` when it is untouched, else in a new window."""
    from journeymapper.app.window.main_window import WINDOWS

    resolved = path.resolve()
    for other in WINDOWS:
        if other.document.path == resolved:
            other.raise_()
            other.activateWindow()
            return other
    try:
        if window.document.pristine:
            opening.open_into(window, path)
            add_recent_file(resolved)
            return window
        other = open_window(path)
    except JourneyFileError as exc:
        QMessageBox.critical(window, "Cannot open the map", str(exc))
        return None
    except opening.OpeningCancelledError:
        window.statusBar().showMessage(f"Opening {path.name} was cancelled", 4000)
        return None
    other.show()
    return other


def save(window: MainWindow) -> bool:
    if window.document.path is None:
        return save_as(window)
    answer = window.safety.confirm_save_over()  # the file changed on disk? (app/safety.py)
    if answer != "save":
        return save_as(window) if answer == "save_as" else False
    return _write(window, window.document.path)


def save_as(window: MainWindow) -> bool:
    doc = window.document
    start = str(doc.path) if doc.path else f"{_safe_name(doc.journey.title)}{SUFFIX}"
    name, _ = QFileDialog.getSaveFileName(window, "Save Journey Map", start, FILTER)
    if not name:
        return False
    path = Path(name)
    if path.suffix.lower() != SUFFIX:
        path = path.with_suffix(SUFFIX)
    return _write(window, path)


def _write(window: MainWindow, path: Path) -> bool:
    try:
        window.document.save(path)
    except (OSError, JourneyFileError) as exc:
        log.warning("saving %s failed: %s", path, exc)
        return save_errors.report(window, path, exc) and save_as(window)  # app/save_errors.py
    add_recent_file(path.resolve())
    window.statusBar().showMessage(f"Saved {path.name}", 4000)
    return True


def maybe_save(window: MainWindow) -> bool:
    """Ask before unsaved work is lost: True when the window may close."""
    doc = window.document
    if not doc.modified:
        return True
    buttons = QMessageBox.StandardButton
    answer = QMessageBox.warning(
        window,
        "Unsaved changes",
        f"Save the changes to “{doc.display_name}” before closing?\n\n"
        "Your changes will be lost if you don't save them.",
        buttons.Save | buttons.Discard | buttons.Cancel,
        buttons.Save,
    )
    if answer == buttons.Save:
        return save(window)
    return answer == buttons.Discard


def clear_recent() -> None:
    clear_recent_files()


def export_png(window: MainWindow) -> None:
    doc = window.document
    start = (
        doc.path.with_suffix(".png") if doc.path else Path(f"{_safe_name(doc.journey.title)}.png")
    )
    name, _ = QFileDialog.getSaveFileName(
        window, "Export Canvas as PNG", str(start), "PNG images (*.png)"
    )
    if not name:
        return
    from journeymapper.app.canvas.image import ImageError, scene_image_bytes

    try:
        write_atomic(Path(name), scene_image_bytes(window.scene, "png"))
    except (OSError, ImageError) as exc:
        QMessageBox.critical(window, "Cannot export the image", str(exc))
        return
    window.statusBar().showMessage(f"Exported {Path(name).name}", 4000)


def install_optional_dialogs(window: MainWindow) -> None:
    """Let the export and import dialogs (their own modules) add their menu entries.

    Each module, when present, defines `install(window)`, which adds actions to
    `window.export_menu` or `window.import_menu`.
    """
    for name in OPTIONAL_DIALOGS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        install = getattr(module, "install", None)
        if callable(install):
            install(window)


def _safe_name(title: str) -> str:
    cleaned = "".join(ch if ch.isalnum() or ch in " -_" else " " for ch in title)
    return "-".join(cleaned.lower().split()) or "journey"
