"""On start: offer the maps a run that did not close cleanly left unsaved.

`offer_recovery(opener)` claims the copies of runs that are gone (see
`recovery_session`), lists them in a dialog — Restore / Discard / Later — and acts:

- Restore opens each map as it was last autosaved, modified (`[*]`, the undo stack not
  clean) and with its original path when it had one, so Save writes there (asking
  first if the file changed on disk meanwhile). Its copy moves into this run's session
  before the old one is removed, so a second crash loses nothing.
- Discard removes the copies. Later keeps them, to be offered next time.

A copy that cannot be read is kept on disk and named, never silently deleted.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Literal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journeymapper.app.context import EditorWindow
from journeymapper.app.files.opening import Opener
from journeymapper.app.safety.recovery_session import claim_orphans, current_session
from journeymapper.io.errors import JourneyFileError
from journeymapper.io.recovery_store import RecoveryCopy, remove_copy

log = logging.getLogger(__name__)

Choice = Literal["restore", "discard", "later"]


def describe(copy: RecoveryCopy) -> str:
    info = copy.info
    when = info.saved_at.astimezone().strftime("%d %b %Y, %H:%M")
    where = str(info.original) if info.original else "never saved"
    return f"{info.title}\n{where} — changes of {when}"


class RecoveryDialog(QDialog):
    def __init__(self, copies: list[RecoveryCopy], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Recover unsaved maps")
        self.choice: Choice = "later"
        count = len(copies)
        text = QLabel(
            "JourneyMapper did not close properly last time. "
            + (
                "This map had changes that were not saved:"
                if count == 1
                else f"These {count} maps had changes that were not saved:"
            )
        )
        text.setWordWrap(True)
        self.list = QListWidget()
        for copy in copies:
            self.list.addItem(describe(copy))
            self.list.item(self.list.count() - 1).setToolTip(describe(copy))
        self.list.setMinimumWidth(560)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # long paths keep their name
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        rows = self.list.sizeHintForRow(0) if copies else 0
        self.list.setMaximumHeight(min(len(copies), 6) * rows + 2 * self.list.frameWidth() + 4)
        note = QLabel(
            "Restore opens them as they were at the last autosave. Later keeps them for "
            "the next start; Discard deletes them."
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.restore = buttons.addButton("Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        self.discard = buttons.addButton("Discard", QDialogButtonBox.ButtonRole.DestructiveRole)
        self.later = buttons.addButton("Later", QDialogButtonBox.ButtonRole.RejectRole)
        self.restore.setDefault(True)
        for button, choice in (
            (self.restore, "restore"),
            (self.discard, "discard"),
            (self.later, "later"),
        ):
            button.clicked.connect(lambda _=False, c=choice: self._choose(c))
        column = QVBoxLayout(self)
        column.addWidget(text)
        column.addWidget(self.list)
        column.addWidget(note)
        column.addWidget(buttons)

    def _choose(self, choice: Choice) -> None:
        self.choice = choice
        if choice == "later":
            self.reject()
        else:
            self.accept()

    @property
    def buttons(self) -> dict[Choice, QPushButton]:
        buttons: dict[Choice, QPushButton] = {
            "restore": self.restore,
            "discard": self.discard,
            "later": self.later,
        }
        return buttons


def ask_with_dialog(parent: QWidget | None, copies: list[RecoveryCopy]) -> Choice:
    dialog = RecoveryDialog(copies, parent)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.exec()
    return dialog.choice


def offer_recovery(
    opener: Opener,
    ask: Callable[[QWidget | None, list[RecoveryCopy]], Choice] = ask_with_dialog,
) -> list[EditorWindow]:
    """Offer what runs that are gone left unsaved; the windows restored, if any."""
    session = current_session()
    orphans = claim_orphans(session.root, session.id)
    if not orphans.copies:
        orphans.release(remove_empty=True)
        return []
    choice: Choice = "later"
    restored: list[EditorWindow] = []
    try:
        choice = ask(opener.context.parent, orphans.copies)
        if choice == "restore":
            restored = restore(opener, orphans.copies)
        elif choice == "discard":
            for copy in orphans.copies:
                remove_copy(copy.folder, copy.key)
    finally:  # whatever happens, the folders are let go for the next start
        orphans.release(remove_empty=choice != "later")
    return restored


def restore(opener: Opener, copies: list[RecoveryCopy]) -> list[EditorWindow]:
    """Open each copy as a modified map; the first in the opener's window if untouched."""
    restored: list[EditorWindow] = []
    unreadable: list[str] = []
    for copy in copies:
        try:
            journey = copy.load()
        except JourneyFileError as exc:
            log.warning("recovery copy %s cannot be read: %s", copy.map_path, exc)
            unreadable.append(f"{copy.info.title}: {exc}")
            continue
        target = opener.open_journey(journey, copy.info.original)  # modified: never saved
        target.adopt_recovery_copy(copy.info.base)  # ours now, before the old copy goes
        remove_copy(copy.folder, copy.key)
        restored.append(target)
    if unreadable:
        QMessageBox.warning(
            opener.context.parent,
            "Some maps could not be restored",
            "These recovery copies cannot be read; they were kept in "
            f"{copies[0].folder.parent}:\n\n" + "\n".join(unreadable),
        )
    return restored


def offer_when_started(opener: Opener) -> None:
    """The start-up call: offer, and never let a problem here stop the editor opening."""
    try:
        offer_recovery(opener)
    except OSError as exc:
        log.warning("recovery copies could not be checked: %s", exc)
