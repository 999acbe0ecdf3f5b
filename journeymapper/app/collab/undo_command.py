"""The undo command of a shared map: it undoes our own changes in the Y document.

While a map is shared, undo must not apply a stored inverse (that would revert what a
collaborator changed since); it asks the Y undo manager to undo our last transactions
(`SyncBinding.undo_step`), which leaves others' later changes standing. One command
covers the Y steps its edit made; merged commands (typing, nudges) add their steps up.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from journeymapper.app.commands import merge_id
from journeymapper.model.edits import Edit


class SharedEditCommand(QUndoCommand):
    def __init__(
        self,
        edit: Edit,
        text: str,
        steps: int,
        undo: Callable[[int], None],
        redo: Callable[[int], None],
    ) -> None:
        super().__init__(text)
        self.edit = edit
        self.steps = steps
        self._undo, self._redo = undo, redo
        self._applied = True  # the edit was applied before the push

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._redo(self.steps)

    def undo(self) -> None:
        self._undo(self.steps)

    def id(self) -> int:
        return merge_id(self.edit.merge_key)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SharedEditCommand):
            return False
        merged = self.edit.merge_with(other.edit)
        if merged is None:
            return False
        self.edit = merged
        self.steps += other.steps
        return True
