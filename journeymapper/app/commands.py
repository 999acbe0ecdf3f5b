"""The one undo command: it applies a Qt-free model edit and keeps its inverse.

Commands never touch canvas items; the scene redraws from the model's signals. The
edit is applied before the command is pushed (see `Document.push`), so a refused edit
never reaches the stack and its error can be shown where the user made it.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from journeymapper.model.document import Journey
from journeymapper.model.edits import Edit

_MERGE_IDS: dict[str, int] = {}


def merge_id(key: str | None) -> int:
    """A stable small integer per merge key for `QUndoCommand.id()`; -1 never merges."""
    if key is None:
        return -1
    return _MERGE_IDS.setdefault(key, len(_MERGE_IDS) + 1)


class EditCommand(QUndoCommand):
    """Undo/redo of one `Edit`; `id()`/`mergeWith()` delegate to the edit's merge rules."""

    def __init__(self, journey: Journey, edit: Edit, inverse: Edit, text: str) -> None:
        super().__init__(text)
        self.journey = journey
        self.edit = edit
        self.inverse = inverse
        self._applied = True  # the edit was applied before the push

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self.inverse = self.journey.apply(self.edit)

    def undo(self) -> None:
        self.edit = self.journey.apply(self.inverse)

    def id(self) -> int:
        return merge_id(self.edit.merge_key)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditCommand) or other.journey is not self.journey:
            return False
        edit = self.edit.merge_with(other.edit)
        inverse = other.inverse.merge_with(self.inverse)
        if edit is None or inverse is None:
            return False
        self.edit, self.inverse = edit, inverse
        return True
