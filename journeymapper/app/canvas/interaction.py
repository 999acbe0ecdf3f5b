"""Gestures that take the scene's events until they end, as small objects.

An interaction is installed as the scene's `interaction` and receives the mouse and
drag-and-drop events the scene would otherwise handle; it draws its own feedback,
pushes at most one edit, and ends itself on release, on a drop or on Esc (`cancel`).
The scene has one dispatch: every event goes to the interaction when there is one.

A `native` interaction (a drag of cards, which Qt moves itself) lets Qt handle each
mouse event first and follows it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGraphicsItem, QGraphicsSceneDragDropEvent, QGraphicsSceneMouseEvent

from journeymapper.app.canvas.protocol import Canvas

FEEDBACK_Z = 30.0


class Interaction:
    native = False

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas

    def mouse_press(self, event: QGraphicsSceneMouseEvent) -> None:
        event.accept()

    def mouse_move(self, event: QGraphicsSceneMouseEvent) -> None:
        event.accept()

    def mouse_release(self, event: QGraphicsSceneMouseEvent) -> None:
        self.finish()

    def drag_enter(self, event: QGraphicsSceneDragDropEvent) -> None:
        event.ignore()

    def drag_move(self, event: QGraphicsSceneDragDropEvent) -> None:
        event.ignore()

    def drag_leave(self, event: QGraphicsSceneDragDropEvent) -> None:
        self.finish()

    def drop(self, event: QGraphicsSceneDragDropEvent) -> None:
        event.ignore()
        self.finish()

    def cancel(self) -> None:
        self.finish()

    def finish(self) -> None:
        self.canvas.end_interaction(self)


def is_feedback(item: QGraphicsItem) -> bool:
    """An interaction's own drawing (a rubber arrow, a drop marker)."""
    return item.zValue() >= FEEDBACK_Z
