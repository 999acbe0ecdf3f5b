"""The two things a user does with a log: draft a new map from it, or lay it over this one.

*File ▸ New from Event Log…* is `new_from_event_log`: choose a log, name its columns
if they are not the usual ones, and get a discovered draft (the window opens it as a
new, untitled map). *Analyse Event Log…* is `analyse_event_log`: choose a log, confirm
which touchpoint each activity stands for, and the mapping and figures go into the map
as one undoable edit, with the overlay on. A log that cannot be read is one message
naming the file and the line; nothing changes.

The dialogs are parameters (`choose_columns`, `confirm_mapping`) so tests and other
callers can answer them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from journeymapper.analytics.columns import ColumnMap
from journeymapper.analytics.discover import DiscoverOptions, discover, placed_activities
from journeymapper.analytics.flows import LogSummary, summary
from journeymapper.analytics.mapping import Suggestion, analytics_edit, suggest
from journeymapper.analytics.on_map import map_figures
from journeymapper.analytics.open_log import SUFFIXES, open_log
from journeymapper.analytics.preview import Preview, preview
from journeymapper.analytics.store import EventLog
from journeymapper.app.analytics.column_dialog import ColumnDialog
from journeymapper.app.analytics.mapping_dialog import MappingDialog
from journeymapper.io.errors import FileFormatError
from journeymapper.model.document import Journey
from journeymapper.model.edits import Edit
from journeymapper.model.schema import JourneyData

LOG_FILTER = "Event logs (" + " ".join(f"*{s}" for s in SUFFIXES) + ");;All files (*)"
ChooseColumns = Callable[[QWidget | None, Preview, str], ColumnMap | None]
ConfirmMapping = Callable[
    [QWidget | None, Journey, Sequence[Suggestion], Mapping[str, int]], dict[str, str] | None
]


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


@contextmanager
def _busy() -> Iterator[None]:
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


def read_log(
    parent: QWidget | None, path: str, choose_columns: ChooseColumns, optional: str = "Segment"
) -> EventLog | None:
    """The log at `path`, asking for its columns when needed; None if refused or cancelled."""
    try:
        shown = preview(path)
        columns = ColumnMap()
        if shown.needs_columns:
            chosen = choose_columns(parent, shown, optional)
            if chosen is None:
                return None
            columns = chosen
        with _busy():
            return open_log(path, columns)
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
    log = read_log(parent, path, choose_columns, optional="Stage")
    if log is None:
        return None
    with log, _busy():
        chosen = options or DiscoverOptions()
        staged = DiscoverOptions(**{**_fields(chosen), "by_stage_column": log.has_segment})
        return discover(log, staged)


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
    panel's "Add activities as touchpoints"); None if cancelled or unreadable."""
    path = path or choose_log(parent)
    if path is None:
        return None
    log = read_log(parent, path, choose_columns)
    if log is None:
        return None
    with log:
        with _busy():
            info = summary(log)
            suggestions = suggest(info.activities, journey)
        mapping = confirm_mapping(parent, journey, suggestions, info.activities)
        if mapping is None:
            return None
        with _busy():
            figures = map_figures(log, journey, mapping, info)
            stage_of = _stage_of(log, journey)
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
