"""Saving a window's map: Save, Save As, the question before unsaved work is lost, and
the canvas as a PNG image.

Errors never escape as tracebacks: a file that cannot be written is reported in a
message box naming the file and what to do (`save_errors`), and Save As is offered.
Before Save writes over a file that another program changed since, it asks the
`confirm_save_over` it was given (the safety feature's file watch).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from PySide6.QtWidgets import QFileDialog, QMessageBox

from journeymapper.app.context import EditorContext
from journeymapper.app.files import save_errors
from journeymapper.app.files.opening import FILTER
from journeymapper.app.settings import add_recent_file
from journeymapper.io.atomic import write_atomic
from journeymapper.io.errors import JourneyFileError
from journeymapper.io.journey_file import SUFFIX

log = logging.getLogger(__name__)

SaveAnswer = Literal["save", "save_as", "cancel"]


def _always_save() -> SaveAnswer:
    return "save"


class Saving:
    """The saving commands of one window."""

    def __init__(
        self,
        context: EditorContext,
        confirm_save_over: Callable[[], SaveAnswer] = _always_save,
    ) -> None:
        self.context = context
        self.confirm_save_over = confirm_save_over

    def save(self) -> bool:
        document = self.context.document
        if document.path is None:
            return self.save_as()
        answer = self.confirm_save_over()  # the file changed on disk?
        if answer != "save":
            return self.save_as() if answer == "save_as" else False
        return self._write(document.path)

    def save_as(self) -> bool:
        doc = self.context.document
        start = str(doc.path) if doc.path else f"{safe_name(doc.journey.title)}{SUFFIX}"
        name, _ = QFileDialog.getSaveFileName(
            self.context.parent, "Save Journey Map", start, FILTER
        )
        if not name:
            return False
        path = Path(name)
        if path.suffix.lower() != SUFFIX:
            path = path.with_suffix(SUFFIX)
        return self._write(path)

    def _write(self, path: Path) -> bool:
        try:
            self.context.document.save(path)
        except (OSError, JourneyFileError) as exc:
            log.warning("saving %s failed: %s", path, exc)
            return save_errors.report(self.context.parent, path, exc) and self.save_as()
        add_recent_file(path.resolve())
        self.context.say(f"Saved {path.name}")
        return True

    def maybe_save(self) -> bool:
        """Ask before unsaved work is lost: True when the window may close."""
        doc = self.context.document
        if not doc.modified:
            return True
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.warning(
            self.context.parent,
            "Unsaved changes",
            f"Save the changes to “{doc.display_name}” before closing?\n\n"
            "Your changes will be lost if you don't save them.",
            buttons.Save | buttons.Discard | buttons.Cancel,
            buttons.Save,
        )
        if answer == buttons.Save:
            return self.save()
        return answer == buttons.Discard

    def export_png(self) -> None:
        context = self.context
        doc = context.document
        start = (
            doc.path.with_suffix(".png")
            if doc.path
            else Path(f"{safe_name(doc.journey.title)}.png")
        )
        name, _ = QFileDialog.getSaveFileName(
            context.parent, "Export Canvas as PNG", str(start), "PNG images (*.png)"
        )
        if not name:
            return
        from journeymapper.app.canvas.image import ImageError, scene_image_bytes

        try:
            write_atomic(Path(name), scene_image_bytes(context.scene, "png"))
        except (OSError, ImageError) as exc:
            QMessageBox.critical(context.parent, "Cannot export the image", str(exc))
            return
        context.say(f"Exported {Path(name).name}")


def safe_name(title: str) -> str:
    """A file name from a map's title."""
    cleaned = "".join(ch if ch.isalnum() or ch in " -_" else " " for ch in title)
    return "-".join(cleaned.lower().split()) or "journey"
