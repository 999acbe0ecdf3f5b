"""Every feature of one window, made from its `EditorContext` and wired together.

This is the one place that knows all the features. Each is created from the context
and given, by name, the other features it needs (saving asks the file watch before
writing over a changed file; voting keeps its open round in the recovery copy); then
the window places what they made. A new feature (a panel, a dialog, a workshop
server) is one more line here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from shiboken6 import isValid

from journeymapper.app.analytics.feature import Analytics
from journeymapper.app.collab.feature import Collaboration
from journeymapper.app.context import EditorContext, EditorWindow, WindowFactory
from journeymapper.app.dialogs import interchange, poster_export
from journeymapper.app.files.commands import FileCommands
from journeymapper.app.files.opening import Opener
from journeymapper.app.files.saving import Saving
from journeymapper.app.panels.palette import PaletteDock
from journeymapper.app.panels.personas import PersonasDock
from journeymapper.app.panels.problems import ProblemsDock
from journeymapper.app.panels.properties import PropertiesDock
from journeymapper.app.present.facilitator import Facilitator
from journeymapper.app.safety.guard import Safety
from journeymapper.app.window.actions import add_window_actions, build_toolbar, fill_window_menus
from journeymapper.app.window.find_bar import FindBar
from journeymapper.app.window.keyboard import CanvasKeys
from journeymapper.app.window.status import StatusBar
from journeymapper.app.workshop.feature import WorkshopFeature

LEFT, RIGHT = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea


class Features:
    """The features of one window (`window.features.safety`, `.facilitator`, …)."""

    def __init__(self, context: EditorContext, home: EditorWindow, make: WindowFactory) -> None:
        self.context = context
        shell, main = context.shell, context.shell.main_window
        self.safety = Safety(context)  # its message bar goes above everything
        self.opener = Opener(context, home, make)
        self.saving = Saving(context, self.safety.confirm_save_over)
        self.find_bar = FindBar(context.operations)
        shell.add_bar(self.find_bar, "top")
        self.keys = CanvasKeys(context.operations)
        context.view.add_key_handler("canvas", self.keys.handle)
        self.files = FileCommands(context, self.opener, self.saving, main.close)
        add_window_actions(
            context,
            self.find_bar.open_bar,
            self.find_bar.next_match,
            self.set_capture_flow,
            self.show_shortcuts,
            self.show_about,
        )
        self._docks()
        fill_window_menus(context)
        self.toolbar = build_toolbar(context)
        main.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        shell.menu("panels").addAction(self.toolbar.toggleViewAction())
        self.status = StatusBar(
            context.document, context.view.set_zoom, context.view.fit_all, self.show_problems
        )
        main.setStatusBar(self.status)
        self._canvas_shortcuts()
        poster_export.install(context)
        interchange.install(context, self.opener)
        self.analytics = Analytics(context, self.opener)
        self.facilitator = Facilitator(context, self.safety.autosave)
        self.workshop = WorkshopFeature(context, self.facilitator.say)
        self.collab = Collaboration(context, self.workshop.room_url)
        context.actions.resolve_conflicts()
        self._wire()
        self.status.show_counts()

    def _docks(self) -> None:
        context, shell = self.context, self.context.shell
        self.palette_dock = PaletteDock(
            lambda channel, name: context.operations.add_touchpoint(name, channel)
        )
        self.properties_dock = PropertiesDock(context.document, context.scene)
        self.problems_dock = ProblemsDock(context.document)
        self.personas_dock = PersonasDock(context.document, self.highlight_persona)
        main = shell.main_window
        shell.add_dock(self.palette_dock, LEFT)
        shell.add_dock(self.personas_dock, LEFT)
        main.tabifyDockWidget(self.palette_dock, self.personas_dock)
        self.palette_dock.raise_()
        shell.add_dock(self.properties_dock, RIGHT)
        shell.add_dock(self.problems_dock, RIGHT)
        horizontal, vertical = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
        main.resizeDocks([self.palette_dock, self.properties_dock], [210, 330], horizontal)
        main.resizeDocks([self.properties_dock, self.problems_dock], [480, 220], vertical)

    def _canvas_shortcuts(self) -> None:
        """Keys that act on the canvas selection work only while the canvas has the focus:
        Delete in a dock's list or field must never delete cards."""
        a = self.context.actions
        for action in (a.cut, a.copy, a.paste, a.duplicate, a.delete, a.select_all, a.rename):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.context.view.addAction(action)

    def _wire(self) -> None:
        context = self.context
        doc, scene, view, say = context.document, context.scene, context.view, context.say
        doc.replaced.connect(self._replaced)
        doc.edit_refused.connect(lambda reason: say(reason, 6000))
        context.operations.message.connect(say)
        scene.message.connect(say)
        self._counts_timer = QTimer(context.parent)
        self._counts_timer.setSingleShot(True)
        self._counts_timer.setInterval(0)
        self._counts_timer.timeout.connect(self.status.show_counts)
        doc.signals.changed.connect(self._counts_timer.start)
        view.zoom_changed.connect(self.status.show_zoom)
        view.files_dropped.connect(lambda paths: [self.opener.open_path(p) for p in paths])
        self.problems_dock.count_changed.connect(self.status.show_findings)
        self.problems_dock.show_subjects.connect(context.operations.show_ids)
        scene.selectionChanged.connect(self._selection_changed)
        self._selection_changed()

    # ----- what the features do together -------------------------------------------

    def closing(self) -> bool:
        """The window is asked to close: True when it may (unsaved work saved or given up)."""
        self.facilitator.window_closing()
        self.workshop.stop()  # every phone is told; a running round is stored
        self.collab.leave()
        if not self.saving.maybe_save():
            return False
        self.safety.window_closed()  # saved or discarded: its recovery copy goes
        return True

    def _replaced(self) -> None:
        self.status.show_counts()
        self.status.show_findings(None)
        QTimer.singleShot(0, self.context.view.fit_all)

    def _selection_changed(self) -> None:
        scene = self.context.scene
        if not isValid(scene):  # the scene went first while the window is torn down
            return
        a = self.context.actions
        has_cards = bool(scene.selected_card_ids())
        anything = bool(scene.selectedItems())
        for action in (a.cut, a.copy, a.duplicate):
            action.setEnabled(has_cards)
        a.delete.setEnabled(anything)
        a.rename.setEnabled(len(scene.selectedItems()) == 1)
        a.zoom_selection.setEnabled(anything)

    def highlight_persona(self, persona_id: str | None) -> None:
        scene = self.context.scene
        scene.style.highlighted_persona = persona_id
        scene.update()
        self.context.view.viewport().update()

    def set_capture_flow(self) -> None:
        on = self.context.actions.capture_flow.isChecked()
        editing = self.context.view.text_editing
        editing.connect_flow = on
        if editing.session is not None:
            editing.session.connect_flow = on
        self.context.say(
            "Connect as you type: each new card is connected from the one before."
            if on
            else "Connect as you type is off."
        )

    def show_problems(self) -> None:
        self.problems_dock.show()
        self.problems_dock.raise_()

    def show_shortcuts(self) -> None:
        from journeymapper.app.dialogs.shortcuts import ShortcutsDialog

        ShortcutsDialog(self.context).exec()

    def show_about(self) -> None:
        from journeymapper.app.dialogs.about import show_about

        show_about(self.context.parent)
