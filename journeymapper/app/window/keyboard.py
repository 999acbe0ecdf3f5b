"""Keys on the canvas that are not menu shortcuts: capture, emotions, nudges, the cell
cursor, and walking from card to card.

- Typing starts live capture with that character: in the selected cell, or the selected
  card's; with neither, in the first touchpoints cell of the first stage (of the focused
  stage: the facilitator sees to that). Keys that reach the canvas while an editor is
  open (typed faster than the focus moved) go on to the editor (`TextEditing`).
- Enter renames the selected card, or starts capture in the selected cell.
- 1…5 set the emotion of the selected cards (−2…+2 on the default scale); 0 clears it.
- Arrow keys nudge the selected cards (merged into one undo step), or move the cell.
- Tab / Shift+Tab with a card (or an arrow) selected walk to the next / previous one in
  reading order; Alt+arrows walk along the flow (`canvas/walk.py`).
- Tab / Shift+Tab otherwise move the cell between stages, Ctrl+Up / Ctrl+Down between
  lanes; with no cell yet, Tab or an arrow key picks the first one (the keyboard alone
  starts).
- Esc cancels a gesture, then clears the selection and the cell.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QKeyEvent

from journeymapper.app.canvas import walk
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
        self.backward = False  # the last walk along the flow went against it

    def handle(self, event: QKeyEvent) -> bool:
        """Act on `event`; False lets the view (and the scene) have it."""
        scene = self.ops.scene
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        if key == Qt.Key.Key_Escape:
            return self._escape()
        if key in _ARROWS and mods == Qt.KeyboardModifier.AltModifier:
            return self._walk_flow(key)
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            back = key == Qt.Key.Key_Backtab or bool(mods & Qt.KeyboardModifier.ShiftModifier)
            if scene.selected_ids() and self._walk_reading(-1 if back else 1):
                return True
            if scene.cell is None:  # keyboard alone reaches a cell: the first Tab picks one
                scene.set_cell(scene.default_cell())
                if not scene.selected_card_ids():
                    return True
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
        if typing and scene.cell is None and not scene.selected_card_ids():
            scene.set_cell(scene.default_cell())  # a blank map: the first touchpoints cell
        if typing and (scene.cell is not None or scene.selected_card_ids()):
            self.ops.view.text_editing.start_capture(text)
            return True
        return False

    # ----- walking from card to card ------------------------------------------------------

    def _current(self, delta: int) -> str | None:
        """What a walk starts from: the one item selected, or of several the last (first,
        walking back) in reading order."""
        scene = self.ops.scene
        selected = set(scene.selected_card_ids()) or set(scene.selected_connection_ids())
        if not selected:
            return None
        layout, journey = scene.layout, self.ops.journey
        arrows = not scene.selected_card_ids()
        order = walk.arrow_order(journey, layout) if arrows else walk.reading_order(journey, layout)
        ranked = [i for i in order if i in selected]
        return (ranked[-1] if delta > 0 else ranked[0]) if ranked else None

    def _walk_reading(self, delta: int) -> bool:
        """Tab / Shift+Tab: the next card (or arrow) in reading order."""
        scene = self.ops.scene
        scene.ensure_layout()
        current = self._current(delta)
        if current is None:
            return False
        arrow = current in scene.layout.connection_ends
        journey, layout = self.ops.journey, scene.layout
        order = walk.arrow_order(journey, layout) if arrow else walk.reading_order(journey, layout)
        self._go(walk.step(order, current, delta))
        return True

    def _walk_flow(self, key: Qt.Key) -> bool:
        """Alt+arrows: along the flow (Right, Left) or to another branch (Down, Up)."""
        scene = self.ops.scene
        scene.ensure_layout()
        journey, layout = self.ops.journey, scene.layout
        dx, dy = _ARROWS[key]
        current = self._current(dx or dy)
        if current is None:
            self._go(walk.step(walk.reading_order(journey, layout), None, 1))
            return True
        if dx:
            self.backward = dx < 0
            found = walk.along(journey, layout, current, forward=dx > 0)
            self._go(found, "The flow ends here." if dx > 0 else "The flow starts here.")
        elif current in layout.connection_ends:
            self._go(walk.branch(journey, layout, current, dy, forward=not self.backward))
        else:
            self.ops.message.emit("Alt+Down / Alt+Up choose between arrows: Alt+Right first.")
        return True

    def _go(self, target: str | None, dead_end: str = "") -> None:
        """Select `target`, bring it into view and say what it is."""
        if target is None:
            if dead_end:
                self.ops.message.emit(dead_end)
            return
        scene, view, journey = self.ops.scene, self.ops.view, self.ops.journey
        scene.select_ids([target])
        ends = scene.layout.connection_ends.get(target)
        if ends is None:
            rect = scene.layout.cards[target].rect
            view.ensureVisible(QRectF(rect.x, rect.y, rect.w, rect.h), 60, 60)
            order = walk.reading_order(journey, scene.layout)
            name = journey.touchpoint(target).name
            self.ops.message.emit(f"{name}  ({order.index(target) + 1} of {len(order)})")
        else:
            route = scene.layout.routing.current(target)
            if route is not None:
                x, y = route.label
                view.ensureVisible(QRectF(x - 40, y - 20, 80, 40), 80, 80)
            label = journey.connection(target).label
            names = " → ".join(journey.touchpoint(e).name for e in ends)
            self.ops.message.emit(f"Arrow: {names}" + (f"  “{label}”" if label else ""))
        view.walked.emit(target)

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
