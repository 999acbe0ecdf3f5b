"""The analytics panel: the log's figures and where reality departs from the map.

Rows list the touchpoints with the cases that reached them, the flows with their
counts and times, drop-off per stage, and the conformance findings: steps not on the
map, connections nobody took, moments of truth skipped, activities without a
touchpoint. Clicking a row selects what it names on the canvas (through `select_ids`);
the buttons change the map only through `push_edit`, so each is one undo step.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journeymapper.analytics.conformance import Conformance, conformance, connect_edit
from journeymapper.analytics.mapping import add_activities_edit, analytics_edit, stored
from journeymapper.analytics.report import duration, percent
from journeymapper.model.document import Journey
from journeymapper.model.edits import Edit
from journeymapper.model.log_figures import LogFigures

IDS_ROLE = Qt.ItemDataRole.UserRole + 1
PushEdit = Callable[[Edit], object]
SelectIds = Callable[[list[str]], object]
SECTIONS = (
    "Touchpoints",
    "Flows",
    "Stages",
    "Steps not on the map",
    "Connections nobody took",
    "Moments of truth skipped",
    "Activities without a touchpoint",
)


class AnalyticsPanel(QWidget):
    """Figures and conformance of the journey's stored log figures."""

    selection_requested = Signal(list)  # ids of touchpoints, connections or stages

    def __init__(
        self,
        journey: Journey,
        push_edit: PushEdit,
        select_ids: SelectIds,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.journey = journey
        self.push_edit = push_edit
        self.select_ids = select_ids
        self.activities: dict[str, int] = {}
        self.stage_of: dict[str, str] = {}
        self.conformance: Conformance | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.shown = QCheckBox("Show on the map")
        self.shown.toggled.connect(self._toggle_shown)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["", "Count", "Share / median", "90 %"])
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setRootIsDecorated(True)
        self.tree.itemClicked.connect(self._clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.shown)
        layout.addWidget(self.tree, 1)
        layout.addLayout(self._buttons())
        self.refresh()

    def _buttons(self) -> QVBoxLayout:
        """One above the other: a dock beside the canvas is narrow (side by side, they
        made it half a window wide)."""
        self.connect_button = QPushButton("Add steps as connections")
        self.connect_button.clicked.connect(self._add_steps)
        self.add_button = QPushButton("Add activities as touchpoints")
        self.add_button.clicked.connect(self._add_activities)
        self.forget_button = QPushButton("Remove figures")
        self.forget_button.clicked.connect(self._forget)
        buttons = QVBoxLayout()
        for button in (self.connect_button, self.add_button, self.forget_button):
            buttons.addWidget(button)
        return buttons

    # ----- what the window calls ------------------------------------------------

    def set_journey(self, journey: Journey) -> None:
        self.journey = journey
        self.activities, self.stage_of = {}, {}
        self.refresh()

    def set_log_activities(
        self, activities: Mapping[str, int], stage_of: Mapping[str, str] | None = None
    ) -> None:
        """The activities of a log just read (case counts), for the unmapped list, and
        the stage each would go to when added as a touchpoint."""
        self.activities = dict(activities)
        self.stage_of = dict(stage_of or {})
        self.refresh()

    @property
    def figures(self) -> LogFigures | None:
        return stored(self.journey).figures

    def refresh(self) -> None:
        figures = self.figures
        self.tree.clear()
        self.shown.blockSignals(True)
        self.shown.setChecked(stored(self.journey).shown)
        self.shown.blockSignals(False)
        self.shown.setEnabled(figures is not None)
        self.forget_button.setEnabled(figures is not None)
        if figures is None:
            self.conformance = None
            self.summary.setText(
                "No log figures in this map. Analyse an event log to see "
                "how customers really move through it."
            )
            self.connect_button.setEnabled(False)
            self.add_button.setEnabled(False)
            return
        conf = conformance(self.journey, figures, self.activities, stored(self.journey).mapping)
        self.conformance = conf
        self.summary.setText(_summary(figures, conf))
        self._fill(figures, conf)
        self.connect_button.setEnabled(bool(conf.undesigned))
        self.add_button.setEnabled(bool(conf.unmapped))

    # ----- rows -------------------------------------------------------------------

    def section(self, title: str) -> QTreeWidgetItem:
        return next(
            self.tree.topLevelItem(i)
            for i in range(self.tree.topLevelItemCount())
            if self.tree.topLevelItem(i).text(0).startswith(title)
        )

    def _fill(self, figures: LogFigures, conf: Conformance) -> None:
        journey = self.journey
        name = self._name
        rows: dict[str, list[tuple[list[str], list[str]]]] = {s: [] for s in SECTIONS}
        for r in sorted(figures.reach, key=lambda r: -r.cases):
            if journey.has_touchpoint(r.touchpoint):
                rows["Touchpoints"].append(
                    (
                        [name(r.touchpoint), f"{r.cases:,}", percent(r.cases, figures.cases)],
                        [r.touchpoint],
                    )
                )
        for f in figures.flows:
            if journey.has_touchpoint(f.source) and journey.has_touchpoint(f.target):
                rows["Flows"].append(
                    self._flow_row(f.source, f.target, f.count, f.median_seconds, f.p90_seconds)
                )
        stage_ids = {s.id: s.name for s in journey.stages}
        for s in figures.stages:
            if s.stage in stage_ids:
                rows["Stages"].append(
                    ([stage_ids[s.stage], f"{s.cases:,}", f"{s.dropped:,} drop off"], [s.stage])
                )
        for f in conf.undesigned:
            rows["Steps not on the map"].append(
                ([f"{name(f.source)} → {name(f.target)}", f"{f.count:,}"], [f.source, f.target])
            )
        ends = journey.connection_ends()
        for c in conf.unused:
            rows["Connections nobody took"].append(
                ([f"{name(ends[c][0])} → {name(ends[c][1])}"], [c])
            )
        for s in conf.skipped:
            rows["Moments of truth skipped"].append(
                ([name(s.touchpoint), f"{s.cases:,}"], [s.touchpoint])
            )
        for activity, cases in conf.unmapped:
            rows["Activities without a touchpoint"].append(([activity, f"{cases:,}"], []))
        for title in SECTIONS:
            _add_section(self.tree, title, rows[title])

    def _flow_row(
        self, source: str, target: str, count: int, median: float | None, p90: float | None
    ) -> tuple[list[str], list[str]]:
        conn = self.journey.connection_between(source, target)
        ids = [conn.id] if conn else [source, target]
        text = f"{self._name(source)} → {self._name(target)}"
        return [text, f"{count:,}", duration(median), duration(p90)], ids

    def _name(self, tp_id: str) -> str:
        return self.journey.touchpoint(tp_id).name if self.journey.has_touchpoint(tp_id) else tp_id

    # ----- actions ----------------------------------------------------------------

    def _clicked(self, item: QTreeWidgetItem, column: int) -> None:
        ids = item.data(0, IDS_ROLE)
        if ids:
            self.selection_requested.emit(list(ids))
            self.select_ids(list(ids))

    def _push(self, edit: Edit) -> None:
        self.push_edit(edit)
        self.refresh()

    def _toggle_shown(self, on: bool) -> None:
        label = "Show log figures" if on else "Hide log figures"
        self._push(analytics_edit(self.journey, label, shown=on))

    def _add_steps(self) -> None:
        if self.conformance and self.conformance.undesigned:
            self._push(connect_edit(self.journey, self.conformance.undesigned))

    def _add_activities(self) -> None:
        if self.conformance and self.conformance.unmapped:
            activities = [a for a, _ in self.conformance.unmapped]
            self._push(add_activities_edit(self.journey, activities, self.stage_of))

    def _forget(self) -> None:
        self._push(analytics_edit(self.journey, "Remove log figures", figures=None))


def _summary(figures: LogFigures, conf: Conformance) -> str:
    period = ""
    if figures.period_start and figures.period_end:
        period = f", {figures.period_start:%Y-%m-%d} – {figures.period_end:%Y-%m-%d}"
    fit = (
        "no case reaches the map"
        if conf.fit_share is None
        else f"{100 * conf.fit_share:.1f} % of cases follow the map"
    )
    only = f" ({figures.filter})" if figures.filter else ""
    return f"<b>{_escape(figures.log)}</b>{period}{only}: {figures.cases:,} cases; {fit}"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _add_section(
    tree: QTreeWidget, title: str, rows: Iterable[tuple[list[str], list[str]]]
) -> None:
    rows = list(rows)
    top = QTreeWidgetItem([f"{title} ({len(rows):,})"])
    tree.addTopLevelItem(top)
    for texts, ids in rows[:2000]:
        child = QTreeWidgetItem(texts)
        child.setData(0, IDS_ROLE, ids)
        top.addChild(child)
    top.setExpanded(title in {"Steps not on the map", "Touchpoints"})
