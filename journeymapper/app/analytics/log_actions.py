"""The two things a user does with a log: draft a new map from it, or lay it over this one.

*File ▸ New from Event Log…* is `new_from_event_log`: choose a log, name its columns
if they are not the usual ones, and get a discovered draft (the window opens it as a
new, untitled map). *Analyse Event Log…* is `analyse_event_log`: choose a log, confirm
which touchpoint each activity stands for, and the mapping and figures go into the map
as one undoable edit, with the overlay on. A log that cannot be read is one message
naming the file and the line; nothing changes.

Reading and computing run on a worker thread behind a progress dialog that names the
step and can cancel (background.py); only the look at a table's first rows, for the
column dialog, and the dialogs themselves run on the UI thread. The worker computes
from a copy of the map, so an edit arriving meanwhile (a co-editor's) cannot change
what it reads.

The dialogs are parameters (`choose_columns`, `confirm_mapping`) so tests and other
callers can answer them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from journeymapper.analytics.columns import ColumnMap
from journeymapper.analytics.discover import DiscoverOptions, discover, placed_activities
from journeymapper.analytics.flows import LogSummary, summary
from journeymapper.analytics.mapping import Suggestion, analytics_edit, suggest
from journeymapper.analytics.on_map import map_figures
from journeymapper.analytics.open_log import SUFFIXES, open_log
from journeymapper.analytics.preview import Preview, preview
from journeymapper.analytics.progress import Progress
from journeymapper.analytics.store import EventLog
from journeymapper.app.analytics.background import run_in_background
from journeymapper.app.analytics.column_dialog import ColumnDialog
from journeymapper.app.analytics.mapping_dialog import MappingDialog
from journeymapper.io.errors import FileFormatError
from journeymapper.model.document import Journey
from journeymapper.model.edits import Edit
from journeymapper.model.log_figures import LogFigures
from journeymapper.model.schema import JourneyData

LOG_FILTER = "Event logs (" + " ".join(f"*{s}" for s in SUFFIXES) + ");;All files (*)"
ChooseColumns = Callable[[QWidget | None, Preview, str], ColumnMap | None]
ConfirmMapping = Callable[
    [QWidget | None, Journey, Sequence[Suggestion], Mapping[str, int]], dict[str, str] | None
]
T = TypeVar("T")
Counted = tuple[EventLog, LogSummary, list[Suggestion]]


def ask_columns(parent: QWidget | None, shown: Preview, optional: str) -> ColumnMap | None:
    dialog = ColumnDialog(shown, optional, parent)
    return dialog.columns() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_mapping(
    parent: QWidget | None,
    journey: Journey,
    suggestions: Sequence[Suggestion],
    cases: Mapping[str, int],
) -> dict[str, str] | None:
    dialog = MappingDialog(journey, suggestions, cases, parent)
    return dialog.mapping() if dialog.exec() == QDialog.DialogCode.Accepted else None


def choose_log(parent: QWidget | None) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, "Choose an event log", "", LOG_FILTER)
    return path or None


def log_columns(
    parent: QWidget | None, path: str, choose_columns: ChooseColumns, optional: str = "Segment"
) -> ColumnMap | None:
    """The columns of the log at `path`, asked for when they are not the usual ones
    (a look at its first rows: quick, on the UI thread); None if cancelled."""
    shown = preview(path)
    if not shown.needs_columns:
        return ColumnMap()
    return choose_columns(parent, shown, optional)


def _in_background(
    parent: QWidget | None,
    title: str,
    job: Callable[[Progress], T],
    discard: Callable[[T], object] | None = None,
) -> T | None:
    """`job` on a worker thread; a log that cannot be read is one message, then None."""
    try:
        return run_in_background(parent, title, job, discard)
    except FileFormatError as exc:
        QMessageBox.warning(parent, "Cannot read the event log", str(exc))
        return None


def new_from_event_log(
    parent: QWidget | None,
    path: str | None = None,
    options: DiscoverOptions | None = None,
    choose_columns: ChooseColumns = ask_columns,
) -> JourneyData | None:
    """A draft map discovered from a log the user chooses; None if cancelled or unreadable."""
    path = path or choose_log(parent)
    if path is None:
        return None
    try:
        columns = log_columns(parent, path, choose_columns, optional="Stage")
    except FileFormatError as exc:
        QMessageBox.warning(parent, "Cannot read the event log", str(exc))
        return None
    if columns is None:
        return None
    chosen = options or DiscoverOptions()

    def draft(progress: Progress) -> JourneyData:
        with open_log(path, columns, progress) as log:
            progress.step("Drafting a map: touchpoints, stages and flow")
            staged = DiscoverOptions(**{**_fields(chosen), "by_stage_column": log.has_segment})
            return discover(log, staged)

    return _in_background(parent, "New from Event Log", draft)


def analyse_event_log(
    parent: QWidget | None,
    journey: Journey,
    push_edit: Callable[[Edit], object],
    path: str | None = None,
    choose_columns: ChooseColumns = ask_columns,
    confirm_mapping: ConfirmMapping = ask_mapping,
) -> tuple[LogSummary, dict[str, str]] | None:
    """Lay a log over `journey`: mapping confirmed, figures stored, overlay on (one edit).

    Returns the log's summary and the stage each unmapped activity would go to (for the
    panel's "Add activities as touchpoints"); None if cancelled or unreadable. The log
    is read and the figures computed on a worker thread, from a copy of the map."""
    path = path or choose_log(parent)
    if path is None:
        return None
    try:
        columns = log_columns(parent, path, choose_columns)
    except FileFormatError as exc:
        QMessageBox.warning(parent, "Cannot read the event log", str(exc))
        return None
    if columns is None:
        return None
    snapshot = Journey(journey.to_data())
    title = "Analyse Event Log"
    counted = _in_background(
        parent, title, lambda p: _count(path, columns, snapshot, p), lambda c: c[0].close()
    )
    if counted is None:
        return None
    log, info, suggestions = counted
    with log:
        mapping = confirm_mapping(parent, journey, suggestions, info.activities)
        if mapping is None:
            return None
        computed = _in_background(
            parent, title, lambda p: _figures(log, snapshot, mapping, info, p)
        )
    if computed is None:
        return None
    figures, stage_of = computed
    push_edit(
        analytics_edit(journey, "Analyse event log", mapping=mapping, figures=figures, shown=True)
    )
    if not mapping:
        QMessageBox.information(
            parent,
            "No activity on the map",
            f"None of the {len(info.activities):,} activities of {log.name} is mapped to a "
            "touchpoint. Map them, add them as touchpoints from the analytics panel, or "
            "start from the log with File ▸ New from Event Log…",
        )
    return info, stage_of


def _count(path: str, columns: ColumnMap, journey: Journey, progress: Progress) -> Counted:
    """Read the log, count its cases and activities, suggest touchpoints (worker thread)."""
    log = open_log(path, columns, progress)
    try:
        progress.step("Counting cases and activities")
        info = summary(log)
        progress.step("Matching activities to touchpoints by name")
        suggestions = suggest(info.activities, journey)
        progress.check()
    except BaseException:
        log.close()
        raise
    return log, info, suggestions


def _figures(
    log: EventLog,
    journey: Journey,
    mapping: Mapping[str, str],
    info: LogSummary,
    progress: Progress,
) -> tuple[LogFigures, dict[str, str]]:
    """The figures on the map and where unmapped activities would go (worker thread)."""
    log.progress = progress
    progress.watch(log.con)
    progress.step("Computing reach, flows, times and drop-off on the map")
    figures = map_figures(log, journey, mapping, info)
    progress.step("Placing the unmapped activities in stages")
    stage_of = _stage_of(log, journey)
    progress.check()
    return figures, stage_of


def _stage_of(log: EventLog, journey: Journey) -> dict[str, str]:
    """Where each activity would go as a new touchpoint: the stage at its position."""
    stages = journey.stages
    if not stages:
        return {}
    return {
        p.activity: stages[min(int(p.position * len(stages)), len(stages) - 1)].id
        for p in placed_activities(log)
    }


def _fields(options: DiscoverOptions) -> dict[str, object]:
    return {name: getattr(options, name) for name in options.__dataclass_fields__}
