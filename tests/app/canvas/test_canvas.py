"""Drops from the palette, dragging cards across cells, connecting by drag, renaming."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from journeymapper.app.canvas.mime import touchpoint_mime
from journeymapper.layout.geometry import CELL_PAD
from tests.app.helpers import at, card_center, double_click, drag, drag_drop, key, type_text


def cell_point(window, stage: str, lane: str, dx: float = 0.0, dy: float = 0.0) -> QPoint:
    cell = window.scene.layout.cell(stage, lane)
    return at(window.view, cell.x + cell.w - 30 + dx, cell.y + cell.h - 20 + dy)


def test_palette_drop_creates_a_card_in_that_stage_and_lane(window, qtbot) -> None:
    journey = window.document.journey
    before = {tp.id for tp in journey.touchpoints()}
    pos = cell_point(window, "purchase", "human")
    moved, dropped = drag_drop(window.view.viewport(), touchpoint_mime("phone", "Phone"), pos)
    assert moved
    assert dropped
    (new_id,) = {tp.id for tp in journey.touchpoints()} - before
    tp = journey.touchpoint(new_id)
    assert (tp.stage, tp.lane, tp.channel, tp.name) == ("purchase", "human", "phone", "Phone")
    assert tp.category is not None  # the catalogue's default came with it
    qtbot.waitUntil(lambda: new_id in window.scene.cards)
    window.view.text_editing.close()
    window.document.undo_stack.undo()
    assert not journey.has_touchpoint(new_id)
    window.document.undo_stack.redo()
    assert journey.touchpoint(new_id).stage == "purchase"


def test_palette_drop_outside_a_touchpoints_lane_is_refused(window) -> None:
    count = window.document.journey.touchpoint_count()
    pos = cell_point(window, "purchase", "doing")
    moved, dropped = drag_drop(window.view.viewport(), touchpoint_mime("phone", "Phone"), pos)
    assert (moved, dropped) == (False, False)
    assert window.document.journey.touchpoint_count() == count


def test_dragging_a_card_across_a_column_changes_its_stage_in_one_step(window) -> None:
    journey, stack = window.document.journey, window.document.undo_stack
    steps = stack.count()
    start = card_center(window.view, "ad")
    target = window.scene.layout.cell("purchase", "human")
    end = at(window.view, target.x + CELL_PAD + 80, target.y + CELL_PAD + 35)
    start = card_center(window.view, "ad")
    drag(window.view, start, end)
    tp = journey.touchpoint("ad")
    assert (tp.stage, tp.lane) == ("purchase", "human")
    assert stack.count() == steps + 1
    assert stack.undoText().startswith("Move")
    stack.undo()
    assert (journey.touchpoint("ad").stage, journey.touchpoint("ad").lane) == (
        "pre-purchase",
        "touchpoints",
    )
    stack.redo()
    assert journey.touchpoint("ad").stage == "purchase"


def test_dragging_several_cards_is_one_undo_step(window) -> None:
    journey, stack = window.document.journey, window.document.undo_stack
    window.scene.select_ids(["ad", "site"])
    steps = stack.count()
    target = window.scene.layout.cell("post-purchase", "human")
    start = card_center(window.view, "site")
    end = at(window.view, target.x + CELL_PAD + 80, target.y + CELL_PAD + 35)
    start = card_center(window.view, "site")
    drag(window.view, start, end)
    assert stack.count() == steps + 1
    assert journey.touchpoint("site").stage == "post-purchase"
    assert (
        journey.touchpoint("ad").stage != "pre-purchase"
        or journey.touchpoint("ad").lane != "touchpoints"
    )
    stack.undo()
    assert journey.touchpoint("site").stage == "pre-purchase"
    assert journey.touchpoint("ad").lane == "touchpoints"


def test_a_card_dropped_outside_a_touchpoints_lane_goes_back(window, qtbot) -> None:
    journey, stack = window.document.journey, window.document.undo_stack
    steps = stack.count()
    doing = window.scene.layout.cell("purchase", "doing")
    start = card_center(window.view, "ad")
    end = at(window.view, doing.x + 60, doing.y + doing.h / 2)
    start = card_center(window.view, "ad")
    drag(window.view, start, end)
    assert stack.count() == steps
    assert journey.touchpoint("ad").stage == "pre-purchase"
    home = window.scene.layout.cards["ad"].rect
    qtbot.waitUntil(lambda: window.scene.cards["ad"].pos().x() == home.x)


def test_connect_by_dragging_from_the_handle(window, qtbot) -> None:
    journey, stack = window.document.journey, window.document.undo_stack
    assert journey.connection_between("ad", "review") is None
    rect = window.scene.layout.cards["ad"].rect
    handle = at(window.view, rect.right, rect.y + rect.h / 2)
    from tests.app.helpers import move

    move(window.view, card_center(window.view, "ad"), held=False)
    qtbot.waitUntil(lambda: window.scene.handle.isVisible())
    handle = window.view.mapFromScene(window.scene.handle.scenePos())
    target = card_center(window.view, "review")
    handle = window.view.mapFromScene(window.scene.handle.scenePos())
    drag(window.view, handle, target, steps=12)
    conn = journey.connection_between("ad", "review")
    assert conn is not None
    assert stack.undoText().startswith("Connect")
    stack.undo()
    assert journey.connection_between("ad", "review") is None
    stack.redo()
    assert journey.connection_between("ad", "review") is not None


def test_rename_in_place_with_double_click_enter_and_escape(window, qtbot) -> None:
    journey, stack = window.document.journey, window.document.undo_stack
    double_click(window.view, card_center(window.view, "site"))
    editor = window.view.text_editing.field
    qtbot.waitUntil(editor.isVisible)
    type_text(editor, "Browses the spring catalogue")
    key(editor, Qt.Key.Key_Return)
    assert journey.touchpoint("site").name == "Browses the spring catalogue"
    assert not editor.isVisible()
    assert stack.undoText().startswith("Rename")
    stack.undo()
    assert journey.touchpoint("site").name == "Browse the catalogue"
    stack.redo()
    window.scene.select_ids(["site"])
    key(window.view, Qt.Key.Key_F2)
    qtbot.waitUntil(editor.isVisible)
    type_text(editor, "Something else")
    key(editor, Qt.Key.Key_Escape)
    assert journey.touchpoint("site").name == "Browses the spring catalogue"


def test_an_empty_name_is_refused_in_place_with_a_reason(window, qtbot) -> None:
    journey = window.document.journey
    double_click(window.view, card_center(window.view, "site"))
    editor = window.view.text_editing.field
    qtbot.waitUntil(editor.isVisible)
    key(editor, Qt.Key.Key_Delete)
    key(editor, Qt.Key.Key_Return)
    assert editor.isVisible()
    assert editor.reason.isVisible()
    assert "empty" in editor.reason.text()
    assert journey.touchpoint("site").name == "Browse the catalogue"
    key(editor, Qt.Key.Key_Escape)
