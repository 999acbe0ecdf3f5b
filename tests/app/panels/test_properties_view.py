"""What the Properties dock shows when a selection loads, and how its spin boxes apply
(issue 16, items 10–12): long texts from their start, the emotion applied as it changes
in one undo step per visit, a new selection from the top, KPI names whole."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QScrollArea

from journeymapper.model.edits import UpdateInfo, UpdateTouchpoint
from journeymapper.model.schema import EmotionScale, Kpi
from tests.app.helpers import card_center, click, key, type_text

LONG_NAME = "Calls customer support to track the order and ask about the battery"
LONG_TITLE = "Buying a smartphone from an electronics retailer, online and in the store"


def _select(window, qtbot, card_id: str):  # type: ignore[no-untyped-def]
    """Click a card on the canvas; the dock shows its form (after its coalescing timer)."""
    click(window.view, card_center(window.view, card_id))
    dock = window.features.properties_dock
    qtbot.waitUntil(lambda: getattr(dock.current, "tp_id", None) == card_id, timeout=2000)
    return dock.current


def _shows_start(edit: QLineEdit) -> bool:
    """The field shows its text's first characters: its cursor sits before them, and the
    text is longer than the field, so showing the start means not showing the end."""
    return (
        edit.cursorPosition() == 0
        and edit.fontMetrics().horizontalAdvance(edit.text()) > edit.width()
    )


def test_a_selected_cards_long_name_shows_its_start(window, qtbot) -> None:
    window.document.push(UpdateTouchpoint("cart", {"name": LONG_NAME, "owner": "E-commerce " * 6}))
    _select(window, qtbot, "site")
    form = _select(window, qtbot, "cart")
    assert form.name.text() == LONG_NAME
    assert _shows_start(form.name)
    assert _shows_start(form.owner)
    assert form.owner.cursorPosition() == 0


def test_the_maps_title_and_emotion_labels_show_their_start(window, qtbot) -> None:
    labels = ("Very frustrated", "Frustrated", "Neutral", "Pleased", "Completely delighted")
    window.document.push(
        UpdateInfo({"title": LONG_TITLE, "emotion_scale": EmotionScale(labels=labels)})
    )
    _select(window, qtbot, "site")
    window.scene.clearSelection()
    dock = window.features.properties_dock
    qtbot.waitUntil(lambda: dock.current is dock.map, timeout=2000)
    assert dock.map.title.text() == LONG_TITLE
    assert _shows_start(dock.map.title)
    assert dock.map.labels.text().startswith("Very frustrated")
    assert _shows_start(dock.map.labels)


def test_the_emotion_applies_as_it_changes_in_one_step_per_visit(window, qtbot) -> None:
    journey, stack = window.document.journey, window.document.undo_stack
    form = _select(window, qtbot, "site")
    assert journey.touchpoint("site").emotion == 0
    steps = stack.count()
    form.emotion.setFocus()
    qtbot.waitUntil(form.emotion.hasFocus, timeout=1000)
    key(form.emotion, Qt.Key.Key_Down)  # no Enter: it applies at once
    assert journey.touchpoint("site").emotion == -1
    unhappy = journey.info.emotion_scale.label(-1)
    qtbot.waitUntil(lambda: form.emotion_label.text() == unhappy, timeout=1000)
    key(form.emotion, Qt.Key.Key_Down)
    form.emotion.lineEdit().selectAll()
    type_text(form.emotion, "1")  # typed, still without Enter
    assert journey.touchpoint("site").emotion == 1
    assert stack.count() == steps + 1  # the whole visit is one undo step
    stack.undo()
    assert journey.touchpoint("site").emotion == 0
    stack.redo()
    form.name.setFocus()  # leave the field, come back: a new step
    qtbot.waitUntil(form.name.hasFocus, timeout=1000)
    form.emotion.setFocus()
    qtbot.waitUntil(form.emotion.hasFocus, timeout=1000)
    key(form.emotion, Qt.Key.Key_Up)
    assert journey.touchpoint("site").emotion == 2
    assert stack.count() == steps + 2


def test_a_new_selection_shows_its_form_from_the_top(window, qtbot) -> None:
    window.resize(1280, 520)  # a short dock: the form scrolls
    form = _select(window, qtbot, "site")
    scroll = window.features.properties_dock.pages.currentWidget()
    assert isinstance(scroll, QScrollArea)
    bar = scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=2000)
    bar.setValue(bar.maximum())
    form = _select(window, qtbot, "cart")
    assert bar.value() == 0
    assert form.name.visibleRegion().boundingRect().height() == form.name.height()
    bar.setValue(bar.maximum())  # an edit of the shown card keeps the place
    window.document.push(UpdateTouchpoint("cart", {"votes": 2}))
    qtbot.wait(50)
    assert bar.value() == bar.maximum() > 0


def test_kpi_names_are_whole_and_the_numbers_sized_to_fit(window, qtbot) -> None:
    kpis = (
        Kpi(name="First-contact resolution", target=80, actual=72.5, unit="%"),
        Kpi(name="Average wait time", target=120, actual=95, unit="seconds"),
    )
    window.document.push(UpdateTouchpoint("cart", {"kpis": kpis}))
    form = _select(window, qtbot, "cart")
    table = form.kpis.table
    qtbot.waitUntil(lambda: table.rowCount() == 2, timeout=1000)
    metrics = table.fontMetrics()
    for row, kpi in enumerate(kpis):
        name = table.item(row, 0)
        rect = table.visualItemRect(name)
        lines = rect.height() // metrics.lineSpacing()
        assert metrics.horizontalAdvance(kpi.name) <= rect.width() * max(1, lines)
        unit = table.item(row, 3)
        assert metrics.horizontalAdvance(unit.text()) <= table.columnWidth(3)
        assert name.toolTip() == kpi.name
        assert table.item(row, 1).toolTip() == f"{kpi.target:g}"
    assert table.columnWidth(0) >= table.columnWidth(1)
