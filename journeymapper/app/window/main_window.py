"""The main window: canvas in the centre, docks around it, menus, status bar.

One window shows one document. The window builds the `EditorContext` (document,
canvas, operations, actions, and itself as the `Shell`), creates each feature from it
(`window/assembly.py`) and places what the features make: their menus, docks and bars.
"Modified" is the undo stack's clean state; the title carries `[*]` and closing
unsaved work asks Save / Discard / Cancel. The window's geometry and dock layout are
restored from the settings next time.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, QPointF, Qt
from PySide6.QtGui import QCloseEvent, QContextMenuEvent, QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QVBoxLayout, QWidget

from journeymapper.app.actions import ActionRegistry
from journeymapper.app.canvas.scene import JourneyScene
from journeymapper.app.canvas.view import JourneyView, journey_paths
from journeymapper.app.context import BarPlace, EditorContext, MenuName
from journeymapper.app.document import Document
from journeymapper.app.files import windows
from journeymapper.app.look.app_icon import app_icon
from journeymapper.app.operations import MapOperations
from journeymapper.app.safety.recovery import offer_when_started
from journeymapper.app.settings import settings
from journeymapper.app.window.actions import MenuBar
from journeymapper.app.window.assembly import Features
from journeymapper.app.window.context_menu import build_context_menu
from journeymapper.io.disk_state import DiskState
from journeymapper.layout.engine import LayoutEngine
from journeymapper.model.document import Journey

log = logging.getLogger(__name__)


class _Canvas(JourneyView):
    """The view, with the window's context menu."""

    context: EditorContext | None = None

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if self.context is None or self.in_overview:
            return
        pos = self.mapToScene(event.pos())
        build_context_menu(self.context, QPointF(pos)).exec(event.globalPos())


class MainWindow(QMainWindow):
    def __init__(
        self, document: Document | None = None, engine: LayoutEngine | None = None
    ) -> None:
        """A window on `document`; `engine`, when given, is its map already laid out."""
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        document = document or Document(Journey.default())
        scene = JourneyScene(document, engine)
        view = _Canvas(scene)
        operations = MapOperations(document, scene, view, self)
        self._context = EditorContext(
            document, scene, view, operations, ActionRegistry(self), shell=self
        )
        view.context = self._context
        self._shown = False
        self._body = QVBoxLayout()
        self._bars_above = 0
        self._build_central(view)
        self._menus = MenuBar(self)
        self.features = Features(self._context, self, MainWindow)
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self._restore_layout()
        document.undo_stack.cleanChanged.connect(self._update_title)
        document.path_changed.connect(self._update_title)
        document.signals.info_changed.connect(self._update_title)
        document.replaced.connect(self._update_title)
        self._update_title()
        windows.opened(self)

    # ----- the context and the shell (see app/context.py) ---------------------------

    @property
    def context(self) -> EditorContext:
        return self._context

    @property
    def main_window(self) -> QMainWindow:
        return self

    def menu(self, name: MenuName) -> QMenu:
        return self._menus[name]

    def add_menu(self, menu: QMenu, name: MenuName, before: str = "") -> None:
        self._menus.menus[name] = menu
        titles = {a.text().replace("&", ""): a for a in self.menuBar().actions()}
        anchor = titles.get(before)
        self.menuBar().insertMenu(anchor, menu) if anchor else self.menuBar().addMenu(menu)

    def add_dock(self, dock: QDockWidget, area: Qt.DockWidgetArea) -> None:
        self.addDockWidget(area, dock)
        self._menus["panels"].addAction(dock.toggleViewAction())

    def add_bar(self, widget: QWidget, place: BarPlace) -> None:
        if place == "top":
            self._body.insertWidget(self._bars_above, widget)
            self._bars_above += 1
        else:
            self._body.addWidget(widget)

    def add_status_widget(self, widget: QWidget) -> None:
        self.statusBar().addPermanentWidget(widget)

    def say(self, text: str, ms: int = 4000) -> None:
        self.statusBar().showMessage(text, ms)

    def adopt_recovery_copy(self, base: DiskState | None) -> None:
        """This window now shows a recovery copy: its file watch starts from `base`
        and the copy is written again as this run's own (see safety/recovery.py)."""
        self.features.safety.adopt(base)

    def offer_recovery(self) -> None:
        """At start-up: offer the maps a run that did not close cleanly left unsaved."""
        offer_when_started(self.features.opener)

    # ----- what tests and the benchmarks reach ---------------------------------------

    @property
    def document(self) -> Document:
        return self._context.document

    @property
    def scene(self) -> JourneyScene:
        return self._context.scene

    @property
    def view(self) -> JourneyView:
        return self._context.view

    @property
    def operations(self) -> MapOperations:
        return self._context.operations

    @property
    def acts(self) -> ActionRegistry:
        return self._context.actions

    # ----- building -------------------------------------------------------------------

    def _build_central(self, view: JourneyView) -> None:
        body = QWidget()
        body.setLayout(self._body)
        self._body.setContentsMargins(0, 0, 0, 0)
        self._body.setSpacing(0)
        self._body.addWidget(view, 1)
        self.setCentralWidget(body)

    def _update_title(self, *_: object) -> None:
        doc = self.document
        name = doc.path.name if doc.path else "Untitled"
        self.setWindowTitle(f"{name}[*] — {doc.journey.title} — JourneyMapper")
        self.setWindowFilePath(str(doc.path) if doc.path else "")
        self.setWindowModified(doc.modified)

    # ----- window events --------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown:
            self._shown = True
            self.view.fit_all()  # a map opens whole; zoom in from there

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.features.closing():
            event.ignore()
            return
        self._save_layout()
        self.scene.blockSignals(True)  # its items go with the window; nobody must hear it
        windows.closed(self)
        event.accept()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if journey_paths(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = journey_paths(event)
        if paths:
            event.acceptProposedAction()
            for path in paths:
                self.features.opener.open_path(path)

    def _restore_layout(self) -> None:
        store = settings()
        geometry = store.value("window/geometry")
        state = store.value("window/state")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)

    def _save_layout(self) -> None:
        store = settings()
        store.setValue("window/geometry", self.saveGeometry())
        store.setValue("window/state", self.saveState())
