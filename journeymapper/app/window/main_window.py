"""The main window: canvas in the centre, docks around it, menus, status bar, files.

One window shows one document. "Modified" is the undo stack's clean state; the title
carries `[*]` and closing unsaved work asks Save / Discard / Cancel. The window's
geometry and dock layout are restored from the settings next time.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QByteArray, QPointF, Qt, QTimer
from PySide6.QtGui import (
    QCloseEvent,
    QContextMenuEvent,
    QDragEnterEvent,
    QDropEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QVBoxLayout, QWidget
from shiboken6 import isValid

from journeymapper.app.canvas.scene import JourneyScene
from journeymapper.app.canvas.view import JourneyView, journey_paths
from journeymapper.app.document import Document
from journeymapper.app.files import saving as files
from journeymapper.app.look.app_icon import app_icon
from journeymapper.app.operations import MapOperations
from journeymapper.app.panels.palette import PaletteDock
from journeymapper.app.panels.personas import PersonasDock
from journeymapper.app.panels.problems import ProblemsDock
from journeymapper.app.panels.properties import PropertiesDock
from journeymapper.app.present import install_facilitator
from journeymapper.app.safety.guard import install_safety
from journeymapper.app.settings import recent_files, settings
from journeymapper.app.window.actions import Actions, build_menus, build_toolbar
from journeymapper.app.window.context_menu import build_context_menu
from journeymapper.app.window.find_bar import FindBar
from journeymapper.app.window.keyboard import KeyboardController
from journeymapper.app.window.status import StatusBar
from journeymapper.layout.engine import LayoutEngine
from journeymapper.model.document import Journey

log = logging.getLogger(__name__)

WINDOWS: list[MainWindow] = []


class _Canvas(JourneyView):
    """The view, with the window's context menu."""

    window_ref: MainWindow | None = None

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if self.window_ref is None or self.in_overview:
            return
        pos = self.mapToScene(event.pos())
        build_context_menu(self.window_ref, QPointF(pos)).exec(event.globalPos())


class MainWindow(QMainWindow):
    def __init__(
        self, document: Document | None = None, engine: LayoutEngine | None = None
    ) -> None:
        """A window on `document`; `engine`, when given, is its map already laid out."""
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.document = document or Document(Journey.default())
        self.scene = JourneyScene(self.document, engine)
        self.view = _Canvas(self.scene)
        self.view.window_ref = self
        self.operations = MapOperations(self.document, self.scene, self.view)
        self.operations.parent_widget = self
        self.keyboard = KeyboardController(self.operations)
        self.view.key_handler = self.keyboard.handle
        self.find_bar = FindBar(self.operations)
        self._shown = False
        self.recent_menu: QMenu
        self.import_menu: QMenu
        self.export_menu: QMenu
        self.lanes_menu: QMenu
        self.docks_menu: QMenu
        self._build_central()
        self._build_docks()
        self.acts = Actions(self)
        build_menus(self, self.acts)
        self.toolbar = build_toolbar(self, self.acts)
        self.status = StatusBar(
            self.document, self.view.set_zoom, self.view.fit_all, self.show_problems
        )
        self.setStatusBar(self.status)
        self._wire()
        self._canvas_shortcuts()
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self._restore_layout()
        files.install_optional_dialogs(self)
        self.safety = install_safety(self)  # autosave, file watcher (app/safety.py)
        self.facilitator = install_facilitator(self)  # present, vote, time (app/present/)
        self._update_title()
        self.status.show_counts()
        WINDOWS.append(self)

    # ----- building -------------------------------------------------------------------

    def _build_central(self) -> None:
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.find_bar)
        column.addWidget(self.view, 1)
        self.setCentralWidget(body)

    def _build_docks(self) -> None:
        self.palette_dock = PaletteDock(self._add_channel)
        self.properties_dock = PropertiesDock(self.document, self.scene)
        self.problems_dock = ProblemsDock(self.document)
        self.personas_dock = PersonasDock(self.document, self.highlight_persona)
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self.addDockWidget(left, self.palette_dock)
        self.addDockWidget(left, self.personas_dock)
        self.tabifyDockWidget(self.palette_dock, self.personas_dock)
        self.palette_dock.raise_()
        self.addDockWidget(right, self.properties_dock)
        self.addDockWidget(right, self.problems_dock)
        horizontal, vertical = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
        self.resizeDocks([self.palette_dock, self.properties_dock], [210, 330], horizontal)
        self.resizeDocks([self.properties_dock, self.problems_dock], [480, 220], vertical)

    def _wire(self) -> None:
        doc = self.document
        doc.undo_stack.cleanChanged.connect(self._update_title)
        doc.path_changed.connect(self._update_title)
        doc.signals.info_changed.connect(self._update_title)
        doc.replaced.connect(self._replaced)
        doc.edit_refused.connect(lambda reason: self.statusBar().showMessage(reason, 6000))
        self.operations.message.connect(lambda text: self.statusBar().showMessage(text, 4000))
        self.scene.message.connect(lambda text: self.statusBar().showMessage(text, 4000))
        self._counts_timer = QTimer(self)
        self._counts_timer.setSingleShot(True)
        self._counts_timer.setInterval(0)
        self._counts_timer.timeout.connect(self.status.show_counts)
        doc.signals.changed.connect(self._counts_timer.start)
        self.view.zoom_changed.connect(self.status.show_zoom)
        self.view.files_dropped.connect(lambda paths: [self.open_path(p) for p in paths])
        self.problems_dock.count_changed.connect(self.status.show_findings)
        self.problems_dock.show_subjects.connect(self.operations.show_ids)
        self.scene.selectionChanged.connect(self._selection_changed)
        for dock in (
            self.palette_dock,
            self.personas_dock,
            self.properties_dock,
            self.problems_dock,
        ):
            self.docks_menu.addAction(dock.toggleViewAction())
        self.docks_menu.addAction(self.toolbar.toggleViewAction())
        self._selection_changed()

    def _canvas_shortcuts(self) -> None:
        """Keys that act on the canvas selection work only while the canvas has the focus:
        Delete in a dock's list or field must never delete cards."""
        a = self.acts
        for action in (a.cut, a.copy, a.paste, a.duplicate, a.delete, a.select_all, a.rename):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.view.addAction(action)

    # ----- state ------------------------------------------------------------------------

    def _update_title(self, *_: object) -> None:
        doc = self.document
        name = doc.path.name if doc.path else "Untitled"
        self.setWindowTitle(f"{name}[*] — {doc.journey.title} — JourneyMapper")
        self.setWindowFilePath(str(doc.path) if doc.path else "")
        self.setWindowModified(doc.modified)

    def _replaced(self) -> None:
        self._update_title()
        self.status.show_counts()
        self.status.show_findings(None)
        QTimer.singleShot(0, self.view.fit_all)

    def _selection_changed(self) -> None:
        if not isValid(self.scene):  # the scene went first while the window is torn down
            return
        has_cards = bool(self.scene.selected_card_ids())
        anything = bool(self.scene.selectedItems())
        for action in (self.acts.cut, self.acts.copy, self.acts.duplicate):
            action.setEnabled(has_cards)
        self.acts.delete.setEnabled(anything)
        self.acts.rename.setEnabled(len(self.scene.selectedItems()) == 1)
        self.acts.zoom_selection.setEnabled(anything)

    def highlight_persona(self, persona_id: str | None) -> None:
        self.scene.style.highlighted_persona = persona_id
        self.scene.update()
        self.view.viewport().update()

    def set_capture_flow(self) -> None:
        on = self.acts.capture_flow.isChecked()
        self.view.text_editing.connect_flow = on
        if self.view.text_editing.session is not None:
            self.view.text_editing.session.connect_flow = on
        self.statusBar().showMessage(
            "Connect as you type: each new card is connected from the one before."
            if on
            else "Connect as you type is off.",
            4000,
        )

    def show_problems(self) -> None:
        self.problems_dock.show()
        self.problems_dock.raise_()

    def show_find(self) -> None:
        self.find_bar.open_bar()

    def _add_channel(self, channel: str, name: str) -> None:
        self.operations.add_touchpoint(name, channel)

    def fill_lanes_menu(self) -> None:
        self.lanes_menu.clear()
        for lane in self.document.journey.lanes:
            action = self.lanes_menu.addAction(lane.name)
            action.setCheckable(True)
            action.setChecked(not lane.hidden)
            action.toggled.connect(
                lambda on, lid=lane.id: self.operations.set_lane_hidden(lid, not on)
            )

    def fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = recent_files()
        for path in paths:
            action = self.recent_menu.addAction(path.name, lambda p=path: self.open_path(p))
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
        if not paths:
            self.recent_menu.addAction("No recent files").setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction("Clear Menu", files.clear_recent)

    # ----- files (see files.py) -----------------------------------------------------

    def new_map(self) -> None:
        files.new_map(self)

    def new_window(self) -> None:
        files.open_window(None).show()

    def open_dialog(self) -> None:
        files.open_dialog(self)

    def open_path(self, path: Path) -> MainWindow | None:
        return files.open_path(self, Path(path))

    def save(self) -> bool:
        return files.save(self)

    def save_as(self) -> bool:
        return files.save_as(self)

    def export_png(self) -> None:
        files.export_png(self)

    def show_shortcuts(self) -> None:
        from journeymapper.app.dialogs.shortcuts import ShortcutsDialog

        ShortcutsDialog(self).exec()

    def show_about(self) -> None:
        from journeymapper.app.dialogs.about import show_about

        show_about(self)

    def quit_all(self) -> None:
        for window in list(WINDOWS):
            if not window.close():
                return
        QApplication.quit()

    # ----- window events --------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown:
            self._shown = True
            self.view.fit_all()  # a map opens whole; zoom in from there

    def closeEvent(self, event: QCloseEvent) -> None:
        if not files.maybe_save(self):
            event.ignore()
            return
        self._save_layout()
        self.safety.window_closed()  # saved or discarded: its recovery copy goes
        self.scene.blockSignals(True)  # its items go with the window; nobody must hear it
        if self in WINDOWS:
            WINDOWS.remove(self)
        event.accept()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if journey_paths(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = journey_paths(event)
        if paths:
            event.acceptProposedAction()
            for path in paths:
                self.open_path(path)

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
