"""Real input for the canvas: mouse and key events on the view's viewport, drops.

QTest cannot run a real `QDrag` (it blocks in a nested event loop), so `drag_drop`
sends the drag-enter, drag-move and drop events a drag would, to the same widget.
Mouse drags send presses, moves with the button held, and a release, so Qt's own
item moving, rubber band and the scene's gestures run as they do for a user.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from journeymapper.app.canvas.view import JourneyView

LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier


def at(view: JourneyView, x: float, y: float) -> QPoint:
    """The viewport point showing scene point (x, y); scrolls it into view first."""
    view.ensureVisible(x - 1, y - 1, 2, 2, 60, 60)
    return view.mapFromScene(QPointF(x, y))


def card_center(view: JourneyView, card_id: str) -> QPoint:
    view.journey_scene.ensure_layout()
    rect = view.journey_scene.layout.cards[card_id].rect
    return at(view, rect.x + rect.w / 2, rect.y + rect.h / 2)


def _mouse(
    widget: QWidget,
    kind: QMouseEvent.Type,
    pos: QPoint,
    button: Qt.MouseButton,
    buttons: Qt.MouseButton,
    mods: Qt.KeyboardModifier = NONE,
) -> None:
    local = QPointF(pos)
    event = QMouseEvent(kind, local, QPointF(widget.mapToGlobal(pos)), button, buttons, mods)
    QApplication.sendEvent(widget, event)


def press(view: JourneyView, pos: QPoint, mods: Qt.KeyboardModifier = NONE) -> None:
    _mouse(view.viewport(), QMouseEvent.Type.MouseButtonPress, pos, LEFT, LEFT, mods)


def move(view: JourneyView, pos: QPoint, held: bool = True) -> None:
    buttons = LEFT if held else Qt.MouseButton.NoButton
    _mouse(view.viewport(), QMouseEvent.Type.MouseMove, pos, Qt.MouseButton.NoButton, buttons)


def release(view: JourneyView, pos: QPoint) -> None:
    _mouse(view.viewport(), QMouseEvent.Type.MouseButtonRelease, pos, LEFT, Qt.MouseButton.NoButton)


def drag(view: JourneyView, start: QPoint, end: QPoint, steps: int = 8) -> None:
    """Press at `start`, move in steps with the button held, release at `end`."""
    move(view, start, held=False)
    press(view, start)
    for i in range(1, steps + 1):
        move(view, start + (end - start) * i / steps)
    release(view, end)


def click(view: JourneyView, pos: QPoint, mods: Qt.KeyboardModifier = NONE) -> None:
    QTest.mouseClick(view.viewport(), LEFT, mods, pos)


def double_click(view: JourneyView, pos: QPoint) -> None:
    QTest.mouseDClick(view.viewport(), LEFT, NONE, pos)


def drag_drop(widget: QWidget, mime: QMimeData, pos: QPoint) -> tuple[bool, bool]:
    """Drag `mime` onto `widget` at `pos` and drop it: (move accepted, drop accepted)."""
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(pos, actions, mime, Qt.MouseButton.LeftButton, NONE)
    QApplication.sendEvent(widget, enter)
    over = QDragMoveEvent(pos, actions, mime, Qt.MouseButton.LeftButton, NONE)
    QApplication.sendEvent(widget, over)
    if not over.isAccepted():
        return False, False
    drop = QDropEvent(QPointF(pos), actions, mime, Qt.MouseButton.LeftButton, NONE)
    QApplication.sendEvent(widget, drop)
    return True, drop.isAccepted()


def type_text(widget: QWidget, text: str) -> None:
    QTest.keyClicks(widget, text)


def type_as_user(start: QWidget, text: str) -> None:
    """Type `text` key by key into whichever widget has the focus after each key,
    starting with `start` (the first key may open an editor that takes the focus)."""
    target = start
    for char in text:
        QTest.keyClick(target, char)
        target = QApplication.focusWidget() or target


def key(widget: QWidget, key: Qt.Key, mods: Qt.KeyboardModifier = NONE) -> None:
    QTest.keyClick(widget, key, mods)
