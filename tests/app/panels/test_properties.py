"""The properties dock edits every field through the undo stack and refuses bad values."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journeymapper.model.schema import Category, Ownership
from tests.app.helpers import key, type_text


def show(window, *ids: str):  # type: ignore[no-untyped-def]
    window.scene.select_ids(ids)
    window.features.properties_dock.show_selection()
    return window.features.properties_dock.current


def test_name_edit_is_one_undo_step_and_the_field_follows_undo(window) -> None:
    form = show(window, "site")
    journey, stack = window.document.journey, window.document.undo_stack
    form.name.setFocus()
    form.name.selectAll()
    type_text(form.name, "Browses on mobile")
    key(form.name, Qt.Key.Key_Return)
    assert journey.touchpoint("site").name == "Browses on mobile"
    stack.undo()
    window.features.properties_dock.show_selection()
    assert form.name.text() == "Browse the catalogue"


def test_an_empty_name_is_refused_at_the_field_with_a_reason(window) -> None:
    form = show(window, "site")
    form.name.setFocus()
    form.name.selectAll()
    key(form.name, Qt.Key.Key_Delete)
    key(form.name, Qt.Key.Key_Return)
    assert window.document.journey.touchpoint("site").name == "Browse the catalogue"
    assert not form.reasons["name"].isHidden()
    assert "name" in form.reasons["name"].text()
    assert form.name.text() == "Browse the catalogue"


def test_an_emotion_outside_the_scale_is_refused_with_a_reason(window) -> None:
    form = show(window, "site")
    form.emotion.setFocus()
    form.emotion.lineEdit().selectAll()
    type_text(form.emotion, "7")
    key(form.emotion, Qt.Key.Key_Return)
    assert window.document.journey.touchpoint("site").emotion == 0
    assert "outside" in form.reasons["emotion"].text()
    form.emotion.lineEdit().selectAll()
    type_text(form.emotion, "-2")
    key(form.emotion, Qt.Key.Key_Return)
    assert window.document.journey.touchpoint("site").emotion == -2
    assert form.reasons["emotion"].isHidden()


def test_choices_lists_kpis_personas_and_votes(window) -> None:
    form = show(window, "site")
    journey = window.document.journey
    form.category.setCurrentIndex(form.category.findData(Category.HUMAN))
    form.category.activated.emit(form.category.currentIndex())
    form.ownership.setCurrentIndex(form.ownership.findData(Ownership.EARNED))
    form.ownership.activated.emit(form.ownership.currentIndex())
    form.pains.list.item(0).setText("Size guide is buried")
    form.kpis.set_rows([("Conversion", "4", "3,1", "%")])
    form.kpis.edited.emit(form.kpis.rows())
    form.persona_checks["tom"].setChecked(True)
    form.votes.setValue(3)
    form.votes.editingFinished.emit()
    form.tags.setText("mobile, sizes, mobile")
    form.tags.editingFinished.emit()
    tp = journey.touchpoint("site")
    assert tp.category is Category.HUMAN
    assert tp.ownership is Ownership.EARNED
    assert tp.pain_points == ("Size guide is buried",)
    assert (tp.kpis[0].name, tp.kpis[0].target, tp.kpis[0].actual) == ("Conversion", 4.0, 3.1)
    assert tp.personas == ("tom",)
    assert tp.votes == 3
    assert tp.tags == ("mobile", "sizes")


def test_a_kpi_with_a_bad_number_is_refused(window) -> None:
    form = show(window, "site")
    form.kpis.set_rows([("Conversion", "four", "", "%")])
    form.kpis.edited.emit(form.kpis.rows())
    assert window.document.journey.touchpoint("site").kpis == ()
    assert "not a number" in form.reasons["kpis"].text()


def test_stage_lane_and_map_forms(window) -> None:
    journey = window.document.journey
    form = show(window, "purchase")
    form.name.setText("Buying")
    form.name.editingFinished.emit()
    assert journey.stage("purchase").name == "Buying"
    form = show(window, "human")
    form.hidden.setChecked(True)
    assert journey.lane("human").hidden
    form = show(window)
    form.title.setText("")
    form.title.editingFinished.emit()
    assert journey.title == "Online clothing store"
    assert not form.reasons["title"].isHidden()


def test_several_cards_share_an_emotion(window) -> None:
    form = show(window, "ad", "site", "news")
    form.emotion.setCurrentIndex(form.emotion.findData(-1))
    form.emotion.activated.emit(form.emotion.currentIndex())
    journey = window.document.journey
    assert {journey.touchpoint(i).emotion for i in ("ad", "site", "news")} == {-1}
    assert window.document.undo_stack.undoText() == "Change emotion of 3 touchpoints"
