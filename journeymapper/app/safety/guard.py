"""What keeps one window's work safe: autosave, the file watcher and its message bar.

`install_safety(window)` gives the window a `Safety`: its `Autosaver` keeps a recovery
copy while the map has unsaved changes; its `FileWatch` notices another program
changing the file and shows, without a modal dialog, “map.journey changed on disk —
Reload / Keep Mine” in a bar above the canvas. Reloading unsaved work keeps a copy of
it first, offered for recovery the next time the editor starts. `confirm_save_over`
asks before a Save would overwrite such a change.
"""

from __future__ import annotations

import logging
import os
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from journeymapper.app.safety.autosave import Autosaver
from journeymapper.app.safety.file_watch import FileWatch
from journeymapper.app.safety.info_bar import InfoBar
from journeymapper.app.safety.recovery_session import current_session, keep_copy
from journeymapper.io.errors import JourneyFileError
from journeymapper.io.recovery_store import RecoveryInfo

if TYPE_CHECKING:
    from journeymapper.app.window.main_window import MainWindow

log = logging.getLogger(__name__)

SaveAnswer = Literal["save", "save_as", "cancel"]


class Safety(QObject):
    def __init__(
        self, window: MainWindow, *, idle_ms: int | None = None, max_ms: int | None = None
    ) -> None:
        super().__init__(window)
        self.window = window
        document = window.document
        self.watch = FileWatch(document, self)
        self.autosave = Autosaver(
            document, lambda: self.watch.baseline, idle_ms=idle_ms, max_ms=max_ms
        )
        self.bar = InfoBar()
        central = window.centralWidget()
        layout = central.layout() if central is not None else None
        if layout is not None:
            layout.insertWidget(0, self.bar)  # type: ignore[attr-defined]
        self.watch.changed_on_disk.connect(self._changed_on_disk)
        self.watch.removed_from_disk.connect(self._removed_from_disk)
        self.autosave.failed.connect(self._autosave_failed)
        document.replaced.connect(self.bar.hide)

    def _name(self) -> str:
        path = self.window.document.path
        return path.name if path else "The map"

    # ----- the file changed on disk -----------------------------------------------------

    def _changed_on_disk(self) -> None:
        text = f"“{self._name()}” changed on disk (another program, or a git pull)."
        if self.window.document.modified:
            text += (
                " Reloading replaces your unsaved changes here; a copy of them is kept and "
                "offered the next time JourneyMapper starts."
            )
        self.bar.show_message(text, [("Reload", self.reload), ("Keep Mine", self.keep_mine)])

    def _removed_from_disk(self) -> None:
        self.bar.show_message(
            f"“{self._name()}” was moved or deleted on disk. Your map is still open; "
            "Save writes it again.",
            [("OK", lambda: None)],
        )

    def reload(self) -> None:
        """Open the file again in place of the map on screen (unsaved work kept aside)."""
        document = self.window.document
        path = document.path
        if path is None:
            return
        if document.modified:
            self._keep_unsaved_work()
        try:
            document.load(path)
        except JourneyFileError as exc:
            self.bar.show_message(
                f"“{path.name}” cannot be reloaded: {exc.message or exc}",
                [("Keep Mine", self.keep_mine)],
            )
            return
        self.window.statusBar().showMessage(f"Reloaded {path.name} from disk", 4000)

    def keep_mine(self) -> None:
        self.watch.keep_mine()
        self.window.statusBar().showMessage(
            "Kept your map. Saving will ask before replacing the file on disk.", 6000
        )

    def _keep_unsaved_work(self) -> None:
        document = self.window.document
        data = document.journey.to_data()
        info = RecoveryInfo(
            title=data.title,
            original=document.path,
            saved_at=datetime.now(UTC),
            session=current_session().id,
            pid=os.getpid(),
            base=self.watch.baseline,
        )
        try:
            folder = keep_copy(data, info)
        except OSError as exc:
            log.warning("could not keep the unsaved map before reloading: %s", exc)
            return
        log.info("kept the unsaved map in %s before reloading", folder)

    # ----- saving over it ---------------------------------------------------------------

    def confirm_save_over(self) -> SaveAnswer:
        """Before a Save: ask when the file holds changes made by another program."""
        if not self.watch.differs():
            return "save"
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("The file changed on disk")
        box.setText(
            f"“{self._name()}” was changed on disk since you opened or saved it (by another "
            "program, or a git pull).\n\nSaving now replaces those changes with your map."
        )
        overwrite = box.addButton("Overwrite", QMessageBox.ButtonRole.DestructiveRole)
        save_as = box.addButton("Save As…", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(save_as)
        box.exec()
        clicked = box.clickedButton()
        if clicked is overwrite:
            return "save"
        return "save_as" if clicked is save_as else "cancel"

    # ----- the rest ---------------------------------------------------------------------

    def _autosave_failed(self, message: str) -> None:
        self.window.statusBar().showMessage(f"Could not write the recovery copy: {message}", 8000)

    def window_closed(self) -> None:
        """The window closed after its work was saved or discarded: its copy goes."""
        self.autosave.discard()
        watched = self.watch.watcher.files() + self.watch.watcher.directories()
        if watched:
            self.watch.watcher.removePaths(watched)


def install_safety(window: MainWindow) -> Safety:
    return Safety(window)
