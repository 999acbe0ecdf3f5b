"""Analytics in one window: File ▸ New from Event Log…, Workshop-free View ▸ Analytics
Overlay, an Analyse Event Log… command, the overlay on the canvas and the Analytics
panel — all built from the window's context (`app/context.py`)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from journeymapper.analytics.mapping import analytics_edit, stored
from journeymapper.app.analytics.overlay import AnalyticsOverlay
from journeymapper.app.analytics.panel import AnalyticsPanel
from journeymapper.app.context import EditorContext
from journeymapper.app.files.opening import Opener
from journeymapper.model.document import Journey


class Analytics:
    def __init__(self, context: EditorContext, opener: Opener) -> None:
        self.context = context
        self.opener = opener
        doc, scene = context.document, context.scene
        self.overlay = AnalyticsOverlay(scene, doc.journey)
        self.panel = AnalyticsPanel(doc.journey, doc.push, scene.select_ids)
        self.dock = QDockWidget("Analytics")
        self.dock.setObjectName("AnalyticsDock")
        self.dock.setWidget(self.panel)
        context.shell.add_dock(self.dock, Qt.DockWidgetArea.RightDockWidgetArea)
        context.parent.tabifyDockWidget(self._problems_dock(), self.dock)
        self._actions()
        scene.layout_changed.connect(self._refresh)
        doc.signals.info_changed.connect(self._refresh)
        doc.signals.changed.connect(self.panel.refresh)
        doc.replaced.connect(self._replaced)
        self._refresh()

    def _problems_dock(self) -> QDockWidget:
        docks = [d for d in self.context.parent.findChildren(QDockWidget) if d is not self.dock]
        right = [
            d
            for d in docks
            if self.context.parent.dockWidgetArea(d) == Qt.DockWidgetArea.RightDockWidgetArea
        ]
        return right[-1] if right else docks[0]

    def _actions(self) -> None:
        acts, shell = self.context.actions, self.context.shell
        tip = "Draft a map from an event log (CSV, XES, Parquet): touchpoints, stages, flow"
        new = acts.add("new_from_log", "New from &Event Log…", self.new_from_log, tip=tip)
        tip = "Lay an event log over this map: reach, flows, times, drop-off, conformance"
        analyse = acts.add("analyse_log", "Analyse &Event Log…", self.analyse_log, tip=tip)
        file_menu = shell.menu("file")
        entries = file_menu.actions()
        anchor = next((a for a in entries if a.objectName() == "new_from_template"), None)
        after = entries.index(anchor) + 1 if anchor in entries else 1
        file_menu.insertAction(entries[after] if after < len(entries) else None, new)
        shell.menu("import").addAction(analyse)
        self.toggle = acts.add("analytics_overlay", "Analytics &Overlay", self.toggle_overlay)
        self.toggle.setCheckable(True)
        view = shell.menu("view")
        view.addSeparator()
        view.addAction(self.toggle)

    # ----- commands --------------------------------------------------------------------

    def new_from_log(self) -> None:
        from journeymapper.app.analytics.log_actions import new_from_event_log  # (DuckDB)

        data = new_from_event_log(self.context.parent)
        if data is not None:
            self.opener.open_journey(Journey(data))

    def analyse_log(self) -> None:
        from journeymapper.app.analytics.log_actions import analyse_event_log  # (DuckDB)

        doc = self.context.document
        result = analyse_event_log(self.context.parent, doc.journey, doc.push)
        if result is not None:
            info, stage_of = result
            self.panel.set_log_activities(info.activities, stage_of)
            self.dock.show()
            self.dock.raise_()

    def toggle_overlay(self) -> None:
        journey = self.context.document.journey
        on = self.toggle.isChecked()
        if stored(journey).figures is None:
            self.toggle.setChecked(False)
            self.context.say("No log figures in this map yet: File ▸ Import ▸ Analyse Event Log…")
            return
        label = "Show log figures" if on else "Hide log figures"
        self.context.document.push(analytics_edit(journey, label, shown=on))

    # ----- following the map -----------------------------------------------------------

    def _refresh(self) -> None:
        self.overlay.refresh(self.context.scene.layout)
        journey = self.context.document.journey
        self.toggle.setChecked(stored(journey).shown and stored(journey).figures is not None)

    def _replaced(self) -> None:
        journey = self.context.document.journey
        self.overlay.set_journey(journey)
        self.panel.set_journey(journey)
        self._refresh()
        self.panel.refresh()
