"""Shows in-place editors over the view and runs capture sessions.

The host turns a `TextTarget` into an editor placed over its scene rectangle at the
current zoom, checks the text (an empty name is refused at the field, with the
reason), commits it through the target, and keeps the editor open after each card in
a capture session.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QGraphicsView

from journeymapper.app.canvas.capture import CaptureSession
from journeymapper.app.canvas.inplace import InPlaceEditor
from journeymapper.app.canvas.text_targets import TextTarget, name_reason
from journeymapper.app.look.fonts import scene_font

if TYPE_CHECKING:
    from journeymapper.app.canvas.scene import JourneyScene


class TextEditing(QObject):
    def __init__(self, view: QGraphicsView, scene: JourneyScene) -> None:
        super().__init__(view)
        self.view = view
        self.scene = scene
        self.field = InPlaceEditor(view.viewport())
        self.target: TextTarget | None = None
        self.session: CaptureSession | None = None
        self.connect_flow = False
        self.field.submitted.connect(self._submitted)
        self.field.cancelled.connect(self.close)
        self.field.focus_lost.connect(self._focus_lost)
        self.field.navigated.connect(self._navigated)

    @property
    def active(self) -> bool:
        return self.target is not None

    def take_typed_ahead(self, event: QKeyEvent) -> bool:
        """A plain key typed while the editor is open but delivered to the canvas (typed
        before the editor had the focus): it goes on to the editor, before any of the
        canvas's own keys (a space would pan, a V would vote), so no key is lost."""
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        plain = not (mods & ~Qt.KeyboardModifier.ShiftModifier)
        if not plain or not self.active or not self.field.isVisible():
            return False
        copy = QKeyEvent(
            event.type(), event.key(), event.modifiers(), event.text(), event.isAutoRepeat()
        )
        QApplication.sendEvent(self.field, copy)
        self.field.setFocus()
        return True

    # ----- opening ----------------------------------------------------------------------

    def open(self, target: TextTarget) -> None:
        """Edit `target` in place, its text selected."""
        self.close()
        self.session = None
        self._show(target, target.text)

    def start_capture(self, text: str = "") -> None:
        """Start typing cards into the current cell (or the default one). With "connect
        as you type" the first card comes from the selected card, or else from the one
        before it in its cell (the cell's last card)."""
        scene = self.scene
        scene.ensure_layout()
        if scene.cell is None:
            scene.set_cell(scene.default_cell())
        selected = scene.selected_card_ids()
        previous = selected[-1] if len(selected) == 1 else scene.last_card_in(scene.cell)
        self.close()
        self.session = CaptureSession(scene, previous, self.connect_flow)
        self._reopen(text)

    def _reopen(self, text: str = "") -> None:
        self.scene.set_reserve(self.scene.cell if self.session else None)
        target = self.session.target() if self.session else None
        if target is None:
            self.close()
            return
        self._show(target, text, select=False)
        self.view.ensureVisible(
            QRectF(target.rect.x, target.rect.y, target.rect.w, target.rect.h), 40, 40
        )
        self._place(target)

    def _show(self, target: TextTarget, text: str, select: bool = True) -> None:
        self.target = target
        field = self.field
        field.multiline = target.multiline
        field.capture = self.session is not None
        field.setPlaceholderText(target.placeholder)
        field.setPlainText(text)
        self._place(target)
        field.show()
        field.raise_()
        field.setFocus()
        cursor = field.textCursor()
        if select:
            cursor.select(cursor.SelectionType.Document)
        else:
            cursor.movePosition(cursor.MoveOperation.End)
        field.setTextCursor(cursor)

    def _place(self, target: TextTarget) -> None:
        zoom = self.view.transform().m11()
        font = scene_font(target.size * zoom, target.bold, self.view.viewport().logicalDpiY())
        self.field.setFont(font)
        r = target.rect
        box = self.view.mapFromScene(QRectF(r.x, r.y, r.w, r.h)).boundingRect()
        line = self.field.fontMetrics().height() + 12
        box.setHeight(max(box.height(), line if not target.multiline else 3 * line))
        box.setWidth(max(box.width(), 120))
        self.field.place(box)

    def reposition(self) -> None:
        if self.target is not None:
            self._place(self.target)

    # ----- finishing --------------------------------------------------------------------

    def close(self) -> None:
        was_open = self.target is not None
        self.target = None
        if self.session is not None:
            self.session = None
            self.scene.set_reserve(None)
        self.field.close_editor()
        if was_open:
            self.view.setFocus()

    def _commit(self, text: str) -> bool:
        target = self.target
        if target is None:
            return True
        reason = name_reason(text, target.what) if target.required else None
        if reason is None:
            refusal = target.commit(text)
            if refusal is None:
                return True
            reason = refusal or "This text cannot be used here."
        self.field.show_reason(reason)
        return False

    def _submitted(self, text: str) -> None:
        if self.session is not None and not text.strip():
            self.close()  # Enter on an empty line ends the capture
            return
        if not self._commit(text):
            return
        if self.session is not None:
            self._reopen()
        else:
            self.close()

    def _navigated(self, stage_step: int, lane_step: int, text: str) -> None:
        if self.session is None or (text.strip() and not self._commit(text)):
            return
        self.session.move(stage_step, lane_step)
        self._reopen()

    def _focus_lost(self, text: str) -> None:
        if self.target is None:
            return
        target = self.target
        valid = not target.required or name_reason(text, target.what) is None
        if valid and (self.session is None or text.strip()):
            target.commit(text)
        self.close()
