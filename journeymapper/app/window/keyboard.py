"""Keys on the canvas that are not menu shortcuts: capture, emotions, nudges, the cell cursor.

- Typing with a cell (or a card) selected starts live capture with that character.
- Enter renames the selected card, or starts capture in the selected cell.
- 1…5 set the emotion of the selected cards (−2…+2 on the default scale); 0 clears it.
- Arrow keys nudge the selected cards (merged into one undo step), or move the cell.
- Tab / Shift+Tab move the cell between stages, Ctrl+Up / Ctrl+Down between lanes;
  with no cell yet, Tab or an arrow key picks the first one (the keyboard alone starts).
- Esc cancels a gesture, then clears the selection and the cell.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent

from journeymapper.app.operations import MapOperations

_ARROWS = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
}
_DIGITS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(10)}


class CanvasKeys:
    """The canvas's own keys, as one handler in the view's list (`JourneyView.key_handlers`)."""

    def __init__(self, ops: MapOperations) -> None:
        self.ops = ops

    def handle(self, event: QKeyEvent) -> bool:
        """Act on `event`; False lets the view (and the scene) have it."""
        scene = self.ops.scene
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        if key == Qt.Key.Key_Escape:
            return self._escape()
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            if scene.cell is None:  # keyboard alone reaches a cell: the first Tab picks one
                scene.set_cell(scene.default_cell())
                if not scene.selected_card_ids():
                    return True
            back = key == Qt.Key.Key_Backtab or bool(mods & Qt.KeyboardModifier.ShiftModifier)
            scene.move_cell(-1 if back else 1, 0)
            return True
        if key in _ARROWS:
            return self._arrow(key, ctrl, mods)
        no_mods = mods == Qt.KeyboardModifier.NoModifier
        if key in _DIGITS and no_mods and scene.selected_card_ids():
            return self._emotion(_DIGITS[key])
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and mods == Qt.KeyboardModifier.NoModifier:
            return self._enter()
        text = event.text()
        plain = not (mods & ~Qt.KeyboardModifier.ShiftModifier)
        typing = text and text.isprintable() and not text.isspace() and plain
        if typing and (scene.cell is not None or scene.selected_card_ids()):
            self.ops.view.text_editing.start_capture(text)
            return True
        return False

    def _escape(self) -> bool:
        scene = self.ops.scene
        if scene.interaction is not None:
            scene.interaction.cancel()
        elif scene.selectedItems() or scene.cell is not None:
            scene.clearSelection()
            scene.set_cell(None)
        else:
            return False
        return True

    def _arrow(self, key: Qt.Key, ctrl: bool, mods: Qt.KeyboardModifier) -> bool:
        scene = self.ops.scene
        dx, dy = _ARROWS[key]
        if ctrl:
            if dy and (scene.cell is not None or scene.selected_card_ids()):
                if scene.cell is None:
                    scene.set_cell(scene.default_cell())
                scene.move_cell(0, dy)
                return True
            return False
        if mods != Qt.KeyboardModifier.NoModifier:
            return False
        if scene.selected_card_ids():
            self.ops.nudge(dx, dy)
            return True
        if scene.cell is None:
            scene.set_cell(scene.default_cell())
        else:
            scene.move_cell(dx, dy)
        return True

    def _emotion(self, digit: int) -> bool:
        scale = self.ops.journey.info.emotion_scale
        if digit == 0:
            self.ops.set_emotion(None)
            return True
        value = scale.minimum + digit - 1
        if scale.contains(value):
            self.ops.set_emotion(value)
            return True
        return False

    def _enter(self) -> bool:
        scene = self.ops.scene
        if len(scene.selectedItems()) == 1:
            self.ops.rename_selected()
            return True
        if scene.cell is not None:
            self.ops.view.text_editing.start_capture("")
            return True
        return False
