"""Keys pressed while the window is still being assembled (see `window/assembly.py`).

The window takes keys as soon as it is painted, before the features of its second stage
(presenting, the workshop, analytics) exist. A key that is already some action's
shortcut does its work at once; any other key may belong to a feature still to come
(F11 presents), so it finishes the assembly first. The key then goes on as usual: Qt
sends the override event before it looks the key up among the shortcuts, so the
shortcut the assembly has just made is found.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

MODIFIER_KEYS = {Qt.Key.Key_Control, Qt.Key.Key_Shift, Qt.Key.Key_Alt, Qt.Key.Key_Meta}


class EarlyKeys(QObject):
    """Watches the application's key overrides for `window` until `stop()`."""

    def __init__(
        self, window: QWidget, actions: Iterable[QAction], finish: Callable[[], None]
    ) -> None:
        super().__init__(window)
        self._window, self._actions, self._finish = window, actions, finish
        self._watching = False
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
            self._watching = True

    def stop(self) -> None:
        app = QApplication.instance()
        if self._watching and app is not None:
            app.removeEventFilter(self)
        self._watching = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QWidget)
            and watched.window() is self._window
            and not self._known(event)
        ):
            self.stop()
            self._finish()
        return False  # the key goes on, to its shortcut or its widget

    def _known(self, event: QKeyEvent) -> bool:
        """A modifier alone, or the shortcut of an action made in the first stage."""
        if Qt.Key(event.key()) in MODIFIER_KEYS:
            return True
        pressed = QKeySequence(event.keyCombination())
        return any(pressed in action.shortcuts() for action in self._actions)
