"""What keeps one window's work safe: autosave, the file watcher and its message bar.

`Safety(context)` gives a window: its `Autosaver` keeps a recovery
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

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from journeymapper.app.context import EditorContext
from journeymapper.app.files.saving import SaveAnswer
from journeymapper.app.safety.autosave import Autosaver
from journeymapper.app.safety.file_watch import FileWatch
from journeymapper.app.safety.info_bar import InfoBar
from journeymapper.app.safety.recovery_session import current_session, keep_copy
from journeymapper.io.disk_state import DiskState
from journeymapper.io.errors import JourneyFileError
from journeymapper.io.recovery_store import RecoveryInfo

log = logging.getLogger(__name__)


class Safety(QObject):
    def __init__(
        self, context: EditorContext, *, idle_ms: int | None = None, max_ms: int | None = None
    ) -> None:
        super().__init__(context.parent)
        self.context = context
        document = context.document
        self.watch = FileWatch(document, self)
        self.autosave = Autosaver(
            document, lambda: self.watch.baseline, idle_ms=idle_ms, max_ms=max_ms
        )
        self.bar = InfoBar()
        context.shell.add_bar(self.bar, "top")
        self.watch.changed_on_disk.connect(self._changed_on_disk)
        self.watch.removed_from_disk.connect(self._removed_from_disk)
        self.autosave.failed.connect(self._autosave_failed)
        document.replaced.connect(self.bar.hide)

    def _name(self) -> str:
        path = self.context.document.path
        return path.name if path else "The map"

    # ----- the file changed on disk -----------------------------------------------------

    def _changed_on_disk(self) -> None:
        text = f"“{self._name()}” changed on disk (another program, or a git pull)."
        if self.context.document.modified:
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
        document = self.context.document
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
        self.context.say(f"Reloaded {path.name} from disk", 4000)

    def keep_mine(self) -> None:
        self.watch.keep_mine()
        self.context.say("Kept your map. Saving will ask before replacing the file on disk.", 6000)

    def _keep_unsaved_work(self) -> None:
        document = self.context.document
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
        box = QMessageBox(self.context.parent)
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
        self.context.say(f"Could not write the recovery copy: {message}", 8000)

    def window_closed(self) -> None:
        """The window closed after its work was saved or discarded: its copy goes."""
        self.autosave.discard()
        watched = self.watch.watcher.files() + self.watch.watcher.directories()
        if watched:
            self.watch.watcher.removePaths(watched)

    def adopt(self, base: DiskState | None) -> None:
        """The map shown is a recovery copy: the file watch starts from `base` (the file
        as its edits began), and the copy is written at once as this run's own."""
        self.watch.set_baseline(base)
        self.autosave.save_now(wait=True)
