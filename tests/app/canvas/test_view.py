"""Zoom, pan, fit, rubber band, the overview when far out, find, notes and connections."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from journeymapper.app.canvas.style import OVERVIEW_LOD
from journeymapper.app.window.status import zoom_text
from tests.app.helpers import at, double_click, drag, key, type_text


def wheel(view, pos: QPoint, delta: int, mods=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    event = QWheelEvent(
        QPointF(pos),
        QPointF(view.viewport().mapToGlobal(pos)),
        QPoint(),
        QPoint(0, delta),
        Qt.MouseButton.NoButton,
        mods,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), event)


def test_ctrl_wheel_zooms_around_the_pointer(window) -> None:
    view = window.view
    view.set_zoom(1.0)  # room to scroll all round, so the point can stay put
    rect = window.scene.layout.cards["cart"].rect
    view.centerOn(rect.x, rect.y)
    pos = view.mapFromScene(QPointF(rect.x, rect.y))
    before = view.mapToScene(pos)
    zoom = view.zoom
    wheel(view, pos, 240, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom > zoom
    after = view.mapToScene(pos)
    assert abs(after.x() - before.x()) < 2
    assert abs(after.y() - before.y()) < 2
    assert window.features.status.zoom.text() == zoom_text(view.zoom)


def test_zoom_actions_fit_and_zoom_to_selection(window) -> None:
    view = window.view
    window.acts.zoom_100.trigger()
    assert view.zoom == 1.0
    window.acts.zoom_in.trigger()
    assert view.zoom == 1.25
    window.acts.fit.trigger()
    layout = window.scene.layout
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.width() >= layout.width - 1
    window.scene.select_ids(["cart"])
    window.acts.zoom_selection.trigger()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(window.scene.cards["cart"].sceneBoundingRect())
    assert view.zoom > 0.9


def test_far_out_the_view_shows_the_overview_and_keeps_the_selection(window) -> None:
    view = window.view
    window.scene.select_ids(["cart", "pay"] if "pay" in window.scene.cards else ["cart"])
    selected = set(window.scene.selected_card_ids())
    view.set_zoom(OVERVIEW_LOD / 2)
    assert view.in_overview
    assert view.scene() is view.overview
    view.set_zoom(1.0)
    assert not view.in_overview
    assert set(window.scene.selected_card_ids()) == selected


def test_rubber_band_selects_the_cards_it_touches(window) -> None:
    layout = window.scene.layout
    a, b = layout.cards["ad"].rect, layout.cards["site"].rect
    start = at(window.view, a.x - 6, a.bottom + 6)
    end = at(window.view, b.x + 20, a.y + 20)
    drag(window.view, start, end)
    assert set(window.scene.selected_card_ids()) == {"ad", "site"}


def test_space_drag_pans(window) -> None:
    view = window.view
    view.set_zoom(1.0)
    view.centerOn(400, 300)
    view.setFocus()
    bar = view.horizontalScrollBar().value()
    from PySide6.QtTest import QTest

    QTest.keyPress(view, Qt.Key.Key_Space)
    drag(view, QPoint(400, 300), QPoint(300, 300))
    QTest.keyRelease(view, Qt.Key.Key_Space)
    assert view.horizontalScrollBar().value() == bar + 100
    assert window.document.undo_stack.count() == 0


def test_find_selects_matching_cards(window, qtbot) -> None:
    window.acts.find.trigger()
    bar = window.features.find_bar
    assert bar.isVisible()
    type_text(bar.field, "checkout")
    assert set(window.scene.selected_card_ids()) == {"cart"}
    assert bar.count.text() == "1 of 1"
    key(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_notes_cell_edits_in_place(window, qtbot) -> None:
    journey = window.document.journey
    cell = window.scene.layout.cell("post-purchase", "doing")
    double_click(window.view, at(window.view, cell.x + 40, cell.y + cell.h / 2))
    editor = window.view.text_editing.field
    qtbot.waitUntil(editor.isVisible)
    type_text(editor, "Waits for the parcel")
    key(editor, Qt.Key.Key_Return)
    assert journey.lane("doing").notes["post-purchase"] == "Waits for the parcel"
    window.document.undo_stack.undo()
    assert "post-purchase" not in journey.lane("doing").notes


def test_label_and_delete_a_connection(window, qtbot) -> None:
    journey = window.document.journey
    conn = journey.connection_between("site", "news")
    assert conn is not None
    window.scene.select_ids([conn.id])
    window.view.setFocus()
    key(window.view, Qt.Key.Key_F2)
    editor = window.view.text_editing.field
    qtbot.waitUntil(editor.isVisible)
    type_text(editor, "wants a discount")
    key(editor, Qt.Key.Key_Return)
    assert journey.connection(conn.id).label == "wants a discount"
    window.scene.select_ids([conn.id])
    window.acts.delete.trigger()
    assert not journey.has_connection(conn.id)
    window.document.undo_stack.undo()
    assert journey.connection(conn.id).label == "wants a discount"


def test_capture_opens_a_gap_for_the_card_being_typed(window, qtbot) -> None:
    scene = window.scene
    before = scene.layout.stages["purchase"].w
    scene.set_cell(("purchase", "touchpoints"))
    window.view.text_editing.start_capture("A")
    assert scene.layout.stages["purchase"].w > before
    editor_rect = window.view.text_editing.target.rect
    assert scene.layout.stages["purchase"].contains(editor_rect.x + 1, editor_rect.y + 1)
    key(window.view.text_editing.field, Qt.Key.Key_Escape)
    assert scene.layout.stages["purchase"].w == before


def test_personas_dock_adds_and_highlights(window, qtbot) -> None:
    dock = window.features.personas_dock
    count = len(window.document.journey.personas)
    dock.add_persona()
    assert len(window.document.journey.personas) == count + 1
    dock.list.setCurrentRow(0)
    first = window.document.journey.personas[0].id
    assert window.scene.style.highlighted_persona == first
    dock.list.setCurrentRow(-1)
    assert window.scene.style.highlighted_persona is None


def test_palette_search_filters_channels(window) -> None:
    palette = window.features.palette_dock
    palette.search.setText("chat")
    labels = [
        palette.model.item(r).child(c).text()
        for r in range(palette.model.rowCount())
        for c in range(palette.model.item(r).rowCount())
    ]
    assert labels == ["Live chat"]


def test_the_zoom_reads_right_however_far_out() -> None:
    assert [zoom_text(z) for z in (4.0, 1.0, 0.5, 0.1, 0.05, 0.0042, 0.0001)] == [
        "400%",
        "100%",
        "50%",
        "10%",
        "5.0%",
        "0.4%",
        "<0.1%",
    ]
