"""Undo that undoes only your own changes: a Y undo manager tracking our origin only.

Yjs's undo manager (pycrdt's `UndoManager`, after Yjs's `Y.UndoManager`) records the
transactions whose origin it tracks and undoes them by writing the reverse as a new
transaction; a field someone else changed after us is left as they set it (it skips an
item that a later, untracked change already overwrote). Every local commit is its own
stack item (no time-based grouping: the editor's undo stack groups steps itself).
"""

from __future__ import annotations

from pycrdt import Map, UndoManager

from journeymapper.sync import layout
from journeymapper.sync.layout import YDoc


class UndoScope:
    """The undo history of one replica's own changes in one document."""

    def __init__(self, doc: YDoc, origin: str) -> None:
        self.manager = UndoManager(
            scopes=[doc.get(name, type=Map) for name in layout.CONTENT_ROOTS],
            capture_timeout_millis=0,
        )
        self.manager.include_origin(origin)

    @property
    def depth(self) -> int:
        """How many steps can be undone (the editor's undo commands count them)."""
        return len(self.manager.undo_stack)

    def undo(self) -> bool:
        return self.manager.undo()

    def redo(self) -> bool:
        return self.manager.redo()

    def clear(self) -> None:
        self.manager.clear()
