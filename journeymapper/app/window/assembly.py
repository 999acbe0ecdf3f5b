"""Every feature of one window, made from its `EditorContext` and wired together.

This is the one place that knows all the features. Each is created from the context
and given, by name, the other features it needs (saving asks the file watch before
writing over a changed file; voting keeps its open round in the recovery copy); then
the window places what they made. A new feature (a panel, a dialog, a workshop
server) is one more line here.

The window is assembled in two stages, so that it is on screen and takes keys sooner
(a cold start is mostly imports and widgets nobody has looked at yet). The first stage
makes what the first paint and the first keys need: the canvas's keys, the file
commands, the window's own actions, menus and toolbar, the status bar, the export and
import entries. The second makes the docks and the analytics, facilitator, workshop
and co-editing features, importing their modules then: the window starts it after its
first paint (`finish_soon`), one part per turn of the event loop, so a key pressed
meanwhile is not kept waiting for all of it. Whatever needs the second stage first
finishes it at once (`finish`): a menu about to open (so every menu is complete when
seen), a key that is no first-stage action's shortcut (`window/early_keys.py`), and the
properties below (`features.facilitator`, `.problems_dock`, …).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget
from shiboken6 import isValid

from journeymapper.app.context import EditorContext, EditorWindow, WindowFactory
from journeymapper.app.dialogs import interchange, poster_export
from journeymapper.app.files.commands import FileCommands
from journeymapper.app.files.opening import Opener
from journeymapper.app.files.saving import Saving
from journeymapper.app.safety.guard import Safety
from journeymapper.app.window.actions import add_window_actions, build_toolbar, fill_window_menus
from journeymapper.app.window.early_keys import EarlyKeys
from journeymapper.app.window.find_bar import FindBar
from journeymapper.app.window.keyboard import CanvasKeys
from journeymapper.app.window.status import StatusBar

if TYPE_CHECKING:  # the second stage's modules are imported when it runs
    from journeymapper.app.analytics.feature import Analytics
    from journeymapper.app.collab.feature import Collaboration
    from journeymapper.app.panels.palette import PaletteDock
    from journeymapper.app.panels.personas import PersonasDock
    from journeymapper.app.panels.problems import ProblemsDock
    from journeymapper.app.panels.properties import PropertiesDock
    from journeymapper.app.present.facilitator import Facilitator
    from journeymapper.app.workshop.feature import WorkshopFeature

LEFT, RIGHT = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
F = TypeVar("F")


class Features:
    """The features of one window (`window.features.safety`, `.facilitator`, …)."""

    def __init__(
        self,
        context: EditorContext,
        home: EditorWindow,
        make: WindowFactory,
        docks_placed: Callable[[], None] = lambda: None,
    ) -> None:
        """The first stage; `docks_placed` is called once the second has made the docks
        (the window restores their saved places then)."""
        self.context = context
        self._docks_placed = docks_placed
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
        fill_window_menus(context)
        self.toolbar = build_toolbar(context)
        main.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        self.status = StatusBar(
            context.document, context.view.set_zoom, context.view.fit_all, self.show_problems
        )
        main.setStatusBar(self.status)
        self._canvas_shortcuts()
        poster_export.install(context)
        interchange.install(context, self.opener)
        context.actions.resolve_conflicts()
        self._wire()
        self.status.show_counts()
        self._second_stage()

    # ----- the second stage ----------------------------------------------------------

    def _second_stage(self) -> None:
        self._palette: PaletteDock | None = None
        self._properties: PropertiesDock | None = None
        self._problems: ProblemsDock | None = None
        self._personas: PersonasDock | None = None
        self._analytics: Analytics | None = None
        self._facilitator: Facilitator | None = None
        self._workshop: WorkshopFeature | None = None
        self._collab: Collaboration | None = None
        self._later: list[Callable[[], None]] = [
            self._make_palette,
            self._make_properties,
            self._make_problems,
            self._make_personas,
            self._place_docks,
            self._make_analytics,
            self._make_facilitator,
            self._make_workshop,
            self._make_collab,
            self._docks_placed,  # again: the features' docks (Analytics, Participants…)
        ]
        self._afterwards: list[Callable[[], None]] = []
        self._stopped = self._started = self._chained = self._in_step = False
        for entry in self.context.shell.main_window.menuBar().actions():
            menu = entry.menu()
            if menu is not None:
                menu.aboutToShow.connect(self.finish)
        main = self.context.shell.main_window
        self._early_keys = EarlyKeys(main, self.context.actions, self.finish)  # F11 at once

    @property
    def assembled(self) -> bool:
        return not self._later

    def finish_soon(self) -> None:
        """Run the second stage from the event loop, a part per turn (after the first
        paint: the window calls this from it)."""
        if not self._started:
            self._started = True
            self._chain()

    def finish(self) -> None:
        """Run what is left of the second stage now (not from inside one of its parts:
        a feature being made may reach the shell, which finishes for its other callers)."""
        while self._later and not self._stopped and not self._in_step:
            self._step()

    def afterwards(self, job: Callable[[], None]) -> None:
        """Run `job` from the event loop once the second stage is done (the offer of
        recovery copies: a dialog, never run by `finish` from inside a menu)."""
        self._afterwards.append(job)
        if self._started and not self._chained:
            self._chain()

    def _chain(self) -> None:
        self._chained = True
        QTimer.singleShot(0, self.context.parent, self._next)

    def _next(self) -> None:
        self._chained = False
        if self._stopped or self._in_step:
            return
        if self._later:
            self._step()
        elif self._afterwards:
            self._afterwards.pop(0)()
        if self._later or self._afterwards:
            self._chain()

    def _step(self) -> None:
        self._in_step = True
        try:
            self._later.pop(0)()
        finally:
            self._in_step = False
        self._show_new_docks()
        if not self._later:
            self._early_keys.stop()

    def _show_new_docks(self) -> None:
        """Docks made after the window is shown stay hidden unless shown: show those that
        no one has shown or hidden (made before, they would have come with the window)."""
        explicit = Qt.WidgetAttribute.WA_WState_ExplicitShowHide
        for dock in self.context.shell.main_window.findChildren(QDockWidget):
            if not dock.testAttribute(explicit):
                dock.show()

    def _make_palette(self) -> None:
        from journeymapper.app.panels.palette import PaletteDock

        ops = self.context.operations
        self._palette = PaletteDock(lambda channel, name: ops.add_touchpoint(name, channel))

    def _make_properties(self) -> None:
        from journeymapper.app.panels.properties import PropertiesDock

        self._properties = PropertiesDock(self.context.document, self.context.scene)

    def _make_problems(self) -> None:
        from journeymapper.app.panels.problems import ProblemsDock

        self._problems = ProblemsDock(self.context.document)
        self._problems.count_changed.connect(self.status.show_findings)
        self._problems.show_subjects.connect(self.context.operations.show_ids)

    def _make_personas(self) -> None:
        from journeymapper.app.panels.personas import PersonasDock

        self._personas = PersonasDock(self.context.document, self.highlight_persona)

    def _place_docks(self) -> None:
        shell = self.context.shell
        main = shell.main_window
        palette, properties = self.palette_dock, self.properties_dock
        problems, personas = self.problems_dock, self.personas_dock
        shell.add_dock(palette, LEFT)
        shell.add_dock(personas, LEFT)
        shell.add_dock(properties, RIGHT)
        shell.add_dock(problems, RIGHT)
        self._show_new_docks()  # (before they are tabbed and sized: hidden ones are not)
        main.tabifyDockWidget(palette, personas)
        palette.raise_()
        horizontal, vertical = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
        main.resizeDocks([palette, properties], [210, 330], horizontal)
        main.resizeDocks([properties, problems], [480, 220], vertical)
        shell.menu("panels").addAction(self.toolbar.toggleViewAction())
        self._docks_placed()

    def _make_analytics(self) -> None:
        from journeymapper.app.analytics.feature import Analytics

        self._analytics = Analytics(self.context, self.opener)
        self.context.actions.resolve_conflicts()

    def _make_facilitator(self) -> None:
        from journeymapper.app.present.facilitator import Facilitator

        self._facilitator = Facilitator(self.context, self.safety.autosave)
        self.context.actions.resolve_conflicts()

    def _make_workshop(self) -> None:
        from journeymapper.app.workshop.feature import WorkshopFeature

        self._workshop = WorkshopFeature(self.context, self.facilitator.say)
        self.context.actions.resolve_conflicts()

    def _make_collab(self) -> None:
        from journeymapper.app.collab.feature import Collaboration

        self._collab = Collaboration(self.context, self.workshop.room_url)
        self.context.actions.resolve_conflicts()

    # ----- the second stage's features, made on first use ---------------------------

    @property
    def palette_dock(self) -> PaletteDock:
        return self._made(lambda: self._palette, "palette")

    @property
    def properties_dock(self) -> PropertiesDock:
        return self._made(lambda: self._properties, "properties dock")

    @property
    def problems_dock(self) -> ProblemsDock:
        return self._made(lambda: self._problems, "problems dock")

    @property
    def personas_dock(self) -> PersonasDock:
        return self._made(lambda: self._personas, "personas dock")

    @property
    def analytics(self) -> Analytics:
        return self._made(lambda: self._analytics, "analytics")

    @property
    def facilitator(self) -> Facilitator:
        return self._made(lambda: self._facilitator, "facilitator")

    @property
    def workshop(self) -> WorkshopFeature:
        return self._made(lambda: self._workshop, "workshop")

    @property
    def collab(self) -> Collaboration:
        return self._made(lambda: self._collab, "co-editing")

    def _made(self, feature: Callable[[], F | None], name: str) -> F:
        made = feature()
        if made is None:
            self.finish()
            made = feature()
        if made is None:
            raise RuntimeError(f"the window closed before its {name} was made")
        return made

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
        scene.selectionChanged.connect(self._selection_changed)
        self._selection_changed()

    # ----- what the features do together -------------------------------------------

    def closing(self) -> bool:
        """The window is asked to close: True when it may (unsaved work saved or given up).
        Features the second stage has not made yet have nothing to stop."""
        if self._facilitator is not None:
            self._facilitator.window_closing()
        if self._workshop is not None:
            self._workshop.stop()  # every phone is told; a running round is stored
        if self._collab is not None:
            self._collab.leave()
        if not self.saving.maybe_save():
            return False
        self.safety.window_closed()  # saved or discarded: its recovery copy goes
        self._early_keys.stop()
        self._stopped = True  # the window goes: what is left of the assembly never comes
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

        self.finish()  # every action is in the list
        ShortcutsDialog(self.context).exec()

    def show_about(self) -> None:
        from journeymapper.app.dialogs.about import show_about

        show_about(self.context.parent)
