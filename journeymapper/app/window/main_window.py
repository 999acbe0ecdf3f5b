"""The main window: canvas in the centre, docks around it, menus, status bar.

One window shows one document. The window builds the `EditorContext` (document,
canvas, operations, actions, and itself as the `Shell`), creates each feature from it
(`window/assembly.py`) and places what the features make: their menus, docks and bars.
"Modified" is the undo stack's clean state; the title carries `[*]` and closing
unsaved work asks Save / Discard / Cancel. The window's geometry and dock layout are
restored from the settings next time.

The window paints before it is whole: the docks and the workshop, analytics and
co-editing features come right after its first paint (see `window/assembly.py`), and
their saved places are restored then. What reaches the window from outside (its
menus, its actions, `features.X`) finds it whole: asking finishes the assembly.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, QEvent, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import (
    QCloseEvent,
    QContextMenuEvent,
    QDragEnterEvent,
    QDropEvent,
    QShowEvent,
    QTransform,
)
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QVBoxLayout, QWidget

from journeymapper.app.actions import ActionRegistry
from journeymapper.app.canvas.scene import JourneyScene
from journeymapper.app.canvas.view import JourneyView, journey_paths
from journeymapper.app.context import BarPlace, EditorContext, MenuName
from journeymapper.app.document import Document
from journeymapper.app.files import windows
from journeymapper.app.look.app_icon import app_icon
from journeymapper.app.operations import MapOperations
from journeymapper.app.settings import settings
from journeymapper.app.window.actions import MenuBar
from journeymapper.app.window.assembly import Features
from journeymapper.app.window.context_menu import build_context_menu
from journeymapper.io.disk_state import DiskState
from journeymapper.layout.engine import LayoutEngine
from journeymapper.model.document import Journey

log = logging.getLogger(__name__)

ASSEMBLE_ANYWAY_MS = 1000  # a window that is shown but never painted (minimised) still gets whole


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
        self._first_fit: tuple[QTransform, QPointF] | None = None
        self._docks_in_place = False
        self._body = QVBoxLayout()
        self._bars_above = 0
        self._build_central(view)
        self._menus = MenuBar(self)
        self.features = Features(self._context, self, MainWindow, self._docks_placed)
        view.viewport().installEventFilter(self)  # until the first paint
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
        self._whole()
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
        from journeymapper.app.safety.recovery import offer_when_started

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
        self._whole()
        return self._context.actions

    def _whole(self) -> None:
        """Finish the assembly for a caller outside it (no-op while it is under way)."""
        features = getattr(self, "features", None)
        if features is not None:
            features.finish()

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
            self._first_fit = (self.view.transform(), self.view.center())
            QTimer.singleShot(ASSEMBLE_ANYWAY_MS, self, self.features.finish_soon)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The canvas's first paint: the rest of the window is made after it."""
        if event.type() == QEvent.Type.Paint and watched is self.view.viewport():
            watched.removeEventFilter(self)
            self.features.finish_soon()
        return super().eventFilter(watched, event)

    def _docks_placed(self) -> None:
        """The docks came after the first paint: put them where they were last time, and
        fit the map again to the smaller canvas unless it has been zoomed or moved. Called
        once the panels are made, and again once the features' docks are."""
        self._docks_in_place = True
        state = settings().value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        if self._as_first_fitted():
            QTimer.singleShot(0, self, self._fit_again)

    def _fit_again(self) -> None:
        if self._as_first_fitted():
            self.view.fit_all()
            self._first_fit = (self.view.transform(), self.view.center())  # (for the next)

    def _as_first_fitted(self) -> bool:
        """The view shows what the first fit showed (nobody zoomed or scrolled since)."""
        if self._first_fit is None:
            return False
        transform, center = self._first_fit
        moved = (self.view.center() - center).manhattanLength() * self.view.zoom
        return self.view.transform() == transform and moved < 2

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
        if self._docks_in_place:  # (closed before they came: the last places stay)
            store.setValue("window/state", self.saveState())
