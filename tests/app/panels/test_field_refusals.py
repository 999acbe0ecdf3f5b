"""Every properties field refuses a bad value where it was typed: a visible reason under
the field, the model unchanged, nothing stored (and no exception in the slot).

Each case selects an object, puts a bad value in one field as the user would leave it
(text set, then editing finished), and checks the map, the undo stack and the reason.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from journeymapper.model.schema import LaneKind
from tests.sample import clothing_store

LONG = "x" * 201  # names and short texts hold 200 characters
CONTROL = "Bell\x07ringing"
HUGE = "y" * 20_001  # long texts hold 20,000


def _text(field: str) -> Callable[[Any, str], None]:
    def enter(form: Any, value: str) -> None:
        widget = getattr(form, field)
        if hasattr(widget, "setPlainText"):
            widget.setPlainText(value)
        else:
            widget.setText(value)
        widget.editingFinished.emit()

    return enter


def _channel(form: Any, value: str) -> None:
    form.channel.setEditText(value)
    form.channel.lineEdit().editingFinished.emit()


def _items(field: str) -> Callable[[Any, str], None]:
    def enter(form: Any, value: str) -> None:
        editor = getattr(form, field)
        editor.set_items((value,))
        editor.edited.emit(editor.items())

    return enter


def _kpi(row: tuple[str, str, str, str]) -> Callable[[Any, str], None]:
    def enter(form: Any, _: str) -> None:
        form.kpis.set_rows([row])
        form.kpis.edited.emit(form.kpis.rows())

    return enter


def _lane_kind(form: Any, value: str) -> None:
    form.kind.setCurrentIndex(form.kind.findData(LaneKind(value)))
    form.kind.activated.emit(form.kind.currentIndex())


def _emotion(form: Any, value: str) -> None:
    form.emotion.setValue(int(value))
    form.emotion.editingFinished.emit()


def _state(journey: Any, kind: str, ident: str) -> Any:
    if kind == "touchpoint":
        return journey.touchpoint(ident)
    if kind == "connection":
        return journey.connection(ident)
    if kind == "stage":
        return journey.stage(ident)
    if kind == "lane":
        return journey.lane(ident)
    if kind == "persona":
        return journey.persona(ident)
    return journey.info


def _kpi_number(target: str, actual: str = "") -> Callable[[Any, str], None]:
    return _kpi(("Conversion", target, actual, "%"))


# (what is selected, its id, field key, how the value is entered, the value, a word of the reason)
CASES: list[tuple[str, str, str, Callable[[Any, str], None], str, str]] = [
    ("touchpoint", "site", "name", _text("name"), "   ", "needs a name"),
    ("touchpoint", "site", "name", _text("name"), LONG, "200"),
    ("touchpoint", "site", "name", _text("name"), CONTROL, "control"),
    ("touchpoint", "site", "description", _text("description"), HUGE, "20000"),
    ("touchpoint", "site", "description", _text("description"), CONTROL, "control"),
    ("touchpoint", "site", "channel", _channel, LONG, "200"),
    ("touchpoint", "site", "emotion", _emotion, "3", "outside"),
    ("touchpoint", "site", "emotion", _emotion, "-7", "outside"),
    ("touchpoint", "site", "pain_points", _items("pains"), "p" * 2001, "2000"),
    ("touchpoint", "site", "opportunities", _items("gains"), CONTROL, "control"),
    ("touchpoint", "site", "kpis", _kpi(("", "4", "", "%")), "", "needs a name"),
    ("touchpoint", "site", "kpis", _kpi_number("four"), "", "“four” is not a number"),
    ("touchpoint", "site", "kpis", _kpi_number("4", "lots"), "", "“lots” is not a number"),
    ("touchpoint", "site", "kpis", _kpi_number("nan"), "", "“nan” is not a number"),
    ("touchpoint", "site", "kpis", _kpi_number("1e999"), "", "too large"),
    ("touchpoint", "site", "kpis", _kpi((LONG, "4", "", "%")), "", "KPI name"),
    ("touchpoint", "site", "kpis", _kpi(("Conversion", "4", "", LONG)), "", "unit"),
    ("touchpoint", "site", "feedback", _text("feedback"), HUGE, "20000"),
    ("touchpoint", "site", "owner", _text("owner"), LONG, "200"),
    ("touchpoint", "site", "tags", _text("tags"), CONTROL, "control"),
    ("connection", "c1", "label", _text("label"), LONG, "200"),
    ("connection", "c1", "label", _text("label"), CONTROL, "control"),
    ("stage", "purchase", "name", _text("name"), "", "needs a name"),
    ("stage", "purchase", "name", _text("name"), LONG, "200"),
    ("stage", "purchase", "description", _text("description"), CONTROL, "control"),
    ("lane", "human", "name", _text("name"), "", "needs a name"),
    ("lane", "human", "name", _text("name"), CONTROL, "control"),
    ("lane", "human", "kind", _lane_kind, "notes", "touchpoint"),
    ("map", "", "title", _text("title"), "", "needs a title"),
    ("map", "", "title", _text("title"), LONG, "200"),
    ("map", "", "description", _text("description"), HUGE, "20000"),
    ("map", "", "emotion_scale", _text("labels"), "a, b, c", "5 steps"),
    ("map", "", "emotion_scale", _text("labels"), f"a, b, c, d, {LONG}", "200"),
    ("map", "", "emotion_scale", _text("labels"), f"a, b, c, d, {CONTROL}", "control"),
    ("persona", "tom", "name", _text("name"), "", "needs a name"),
    ("persona", "tom", "name", _text("name"), LONG, "200"),
    ("persona", "tom", "description", _text("description"), HUGE, "20000"),
    ("persona", "tom", "goals", _items("goals"), CONTROL, "control"),
]  # fmt: skip


def _form(window: Any, kind: str, ident: str) -> Any:
    if kind == "persona":
        dock = window.features.personas_dock
        for row in range(dock.list.count()):
            if dock.current_id() != ident:
                dock.list.setCurrentRow(row)
        assert dock.current_id() == ident
        return dock.form
    window.scene.select_ids([ident] if ident else [])
    window.features.properties_dock.show_selection()
    return window.features.properties_dock.current


@pytest.mark.parametrize(
    ("kind", "ident", "key", "enter", "value", "reason"),
    CASES,
    ids=[f"{c[0]}.{c[2]}-{i}" for i, c in enumerate(CASES)],
)
def test_a_bad_value_is_refused_at_its_field(
    window, kind: str, ident: str, key: str, enter: Any, value: str, reason: str
) -> None:
    journey = window.document.journey
    if kind == "connection":
        ident = next(iter(journey.connections())).id
    before = clothing_store().to_data()
    assert journey.to_data() == before
    form = _form(window, kind, ident)
    steps = window.document.undo_stack.count()
    enter(form, value)  # an exception here would fail the test (pytest-qt catches slots)
    assert journey.to_data() == before  # nothing stored
    assert window.document.undo_stack.count() == steps
    label = form.reasons[key]
    assert not label.isHidden(), f"no reason shown under {key}"
    assert reason.lower() in label.text().lower(), label.text()


def test_a_long_name_shows_its_beginning(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLineEdit

    from journeymapper.app.panels.forms.base import Form

    form = Form(window.document)
    edit = form.row("name", "Name", QLineEdit())
    edit.setText("Gets a “complete the look” email a month later " * 3)
    assert edit.cursorPosition() == 0
