"""The editor context: what every feature of one window works with.

A feature — files, safety, the facilitator's tools, the dialogs, the panels — is built
from an `EditorContext`: the open document, the canvas (scene and view), the editing
operations, the window's actions by name, and the `Shell`, the window as a feature
sees it (its menus, where docks and bars go, its status messages). The feature makes
its own actions, menu entries, docks and bars and asks the shell to place them. No
feature reads the main window's attributes; the main window is the one module that
knows every feature, and it only creates them, hands each the others it needs, and
places what they give it.

This module is the app's protocol module: `Shell` and `EditorWindow` are the window's
side of the contract, so features never import the window (which imports them).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QWidget

from journeymapper.app.actions import ActionRegistry
from journeymapper.app.canvas.scene import JourneyScene
from journeymapper.app.canvas.view import JourneyView
from journeymapper.app.document import Document
from journeymapper.app.operations import MapOperations
from journeymapper.io.disk_state import DiskState

MenuName = Literal[
    "file", "recent", "import", "export", "edit", "view", "lanes", "panels", "insert",
    "workshop", "help",
]  # fmt: skip
BarPlace = Literal["top", "bottom"]


class Shell(Protocol):
    """The window, as its features see it: where things go, and what it says."""

    @property
    def main_window(self) -> QMainWindow:
        """The Qt window itself: a dialog's parent, the full screen of presentation mode."""
        ...

    def menu(self, name: MenuName) -> QMenu: ...

    def add_menu(self, menu: QMenu, name: MenuName, before: str = "") -> None:
        """A top-level menu of a feature's own (Workshop), before the one titled `before`;
        other features find it as `menu(name)`."""
        ...

    def add_dock(self, dock: QDockWidget, area: Qt.DockWidgetArea) -> None: ...

    def add_bar(self, widget: QWidget, place: BarPlace) -> None:
        """A bar above (`top`, first added nearest the top) or below the canvas."""
        ...

    def add_status_widget(self, widget: QWidget) -> None: ...

    def say(self, text: str, ms: int = 4000) -> None:
        """A message in the status bar."""
        ...


class EditorWindow(Protocol):
    """A window on one map, as the code that opens and closes maps sees it."""

    @property
    def context(self) -> EditorContext: ...

    def show(self) -> None: ...

    def raise_(self) -> None: ...

    def activateWindow(self) -> None: ...

    def close(self) -> bool: ...

    def adopt_recovery_copy(self, base: DiskState | None) -> None:
        """The map shown is a recovery copy whose edits began on the file as `base`."""
        ...


WindowFactory = Callable[..., EditorWindow]


@dataclass(eq=False)
class EditorContext:
    """One window's editor: handed to every feature of that window."""

    document: Document
    scene: JourneyScene
    view: JourneyView
    operations: MapOperations
    actions: ActionRegistry
    shell: Shell

    @property
    def parent(self) -> QMainWindow:
        """The parent for dialogs and message boxes."""
        return self.shell.main_window

    def say(self, text: str, ms: int = 4000) -> None:
        self.shell.say(text, ms)
