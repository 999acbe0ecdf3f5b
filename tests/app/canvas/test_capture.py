"""Live capture by keyboard alone: a flow typed as fast as a room calls it out."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt

from tests.app.helpers import at, click, key, type_as_user, type_text

FLOW = ["Sees a poster", "Scans the QR code", "Reads reviews", "Adds to basket", "Pays"]


def click_cell(window, stage: str, lane: str) -> None:
    cell = window.scene.layout.cell(stage, lane)
    click(window.view, at(window.view, cell.x + 6, cell.bottom - 6))  # the cell's empty edge


def test_typing_a_flow_of_five_cards_in_capture_mode(window, qtbot) -> None:
    journey, stack = window.document.journey, window.document.undo_stack
    before = {tp.id for tp in journey.touchpoints()}
    conns_before = journey.connection_count()
    steps = stack.count()
    window.acts.capture_flow.trigger()
    assert window.view.text_editing.connect_flow
    click_cell(window, "purchase", "human")
    assert window.scene.cell == ("purchase", "human")
    window.view.setFocus()
    type_text(window.view, FLOW[0][0])  # the first key starts the capture
    editor = window.view.text_editing.field
    qtbot.waitUntil(editor.isVisible)
    type_text(editor, FLOW[0][1:])
    key(editor, Qt.Key.Key_Return)
    for name in FLOW[1:]:
        assert editor.isVisible()
        type_text(editor, name)
        key(editor, Qt.Key.Key_Return)
    key(editor, Qt.Key.Key_Escape)
    new = [tp for tp in journey.touchpoints() if tp.id not in before]
    assert sorted(tp.name for tp in new) == sorted(FLOW)
    assert {(tp.stage, tp.lane) for tp in new} == {("purchase", "human")}
    assert journey.connection_count() == conns_before + 4
    by_name = {tp.name: tp.id for tp in new}
    for a, b in pairwise(FLOW):
        assert journey.connection_between(by_name[a], by_name[b]) is not None
    assert stack.count() == steps + 5  # one undo step per card, its arrow included
    for _ in range(5):
        stack.undo()
    assert journey.touchpoint_count() == len(before)
    assert journey.connection_count() == conns_before
    for _ in range(5):
        stack.redo()
    assert journey.touchpoint_count() == len(before) + 5
    assert journey.connection_count() == conns_before + 4


def test_capture_without_connecting_and_tab_to_the_next_stage(window, qtbot) -> None:
    journey = window.document.journey
    conns = journey.connection_count()
    click_cell(window, "pre-purchase", "human")
    window.view.setFocus()
    type_as_user(window.view, "Hears about it")
    editor = window.view.text_editing.field
    assert editor.text == "Hears about it"
    key(editor, Qt.Key.Key_Tab)  # commits, then moves to the next stage
    assert window.scene.cell == ("purchase", "human")
    type_text(editor, "Calls the shop")
    key(editor, Qt.Key.Key_Return)
    key(editor, Qt.Key.Key_Escape)
    names = {tp.name: tp for tp in journey.touchpoints()}
    assert names["Hears about it"].stage == "pre-purchase"
    assert names["Calls the shop"].stage == "purchase"
    assert journey.connection_count() == conns


def test_tab_and_ctrl_arrows_move_the_cell(window) -> None:
    click_cell(window, "pre-purchase", "touchpoints")
    view = window.view
    view.setFocus()
    key(view, Qt.Key.Key_Tab)
    assert window.scene.cell == ("purchase", "touchpoints")
    key(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert window.scene.cell == ("purchase", "human")
    key(view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert window.scene.cell == ("pre-purchase", "human")
    key(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert window.scene.cell == ("pre-purchase", "touchpoints")


def test_keys_one_to_five_set_the_emotion_of_the_selected_cards(window) -> None:
    journey, stack = window.document.journey, window.document.undo_stack
    window.scene.select_ids(["ad", "site"])
    window.view.setFocus()
    key(window.view, Qt.Key.Key_1)
    assert (journey.touchpoint("ad").emotion, journey.touchpoint("site").emotion) == (-2, -2)
    key(window.view, Qt.Key.Key_5)
    assert journey.touchpoint("site").emotion == 2
    key(window.view, Qt.Key.Key_0)
    assert journey.touchpoint("ad").emotion is None
    stack.undo()
    assert journey.touchpoint("ad").emotion == 2


def test_arrow_nudges_merge_into_one_undo_step(window) -> None:
    journey, stack = window.document.journey, window.document.undo_stack
    window.scene.select_ids(["site"])
    window.view.setFocus()
    steps = stack.count()
    column = journey.touchpoint("site").slot.column
    key(window.view, Qt.Key.Key_Right)
    window.scene.ensure_layout()
    key(window.view, Qt.Key.Key_Right)
    window.scene.ensure_layout()
    key(window.view, Qt.Key.Key_Left)
    assert stack.count() == steps + 1
    assert journey.touchpoint("site").slot.column == column + 1
    stack.undo()
    assert journey.touchpoint("site").slot.column == column
    assert journey.touchpoint("site").stage == "pre-purchase"


def test_nudging_past_the_last_column_moves_to_the_next_stage(window) -> None:
    journey = window.document.journey
    window.scene.select_ids(["news"])  # the last card of pre-purchase
    window.view.setFocus()
    key(window.view, Qt.Key.Key_Right)
    window.scene.ensure_layout()
    key(window.view, Qt.Key.Key_Right)
    assert journey.touchpoint("news").stage == "purchase"


def test_the_keyboard_alone_reaches_a_cell_and_types_a_card(window) -> None:
    journey = window.document.journey
    view = window.view
    view.setFocus()
    key(view, Qt.Key.Key_Tab)
    assert window.scene.cell == ("pre-purchase", "touchpoints")
    key(view, Qt.Key.Key_Tab)
    type_as_user(view, "Asks a friend")
    key(window.view.text_editing.field, Qt.Key.Key_Return)
    (card,) = [tp for tp in journey.touchpoints() if tp.name == "Asks a friend"]
    assert (card.stage, card.lane) == ("purchase", "touchpoints")


def _blank(make_window, qtbot):  # type: ignore[no-untyped-def]
    from journeymapper.model.document import Journey

    window = make_window(Journey.default())
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.view.setFocus()
    return window


def test_typing_on_a_blank_map_keeps_every_key(make_window, qtbot) -> None:
    """Issue 16, item 8: no cell chosen, nothing selected: typing starts the capture in
    the first touchpoints cell of the first stage, and no key is lost — not even those
    that reach the canvas before the editor has the focus."""
    window = _blank(make_window, qtbot)
    journey, scene = window.document.journey, window.scene
    assert scene.cell is None
    assert not scene.selectedItems()
    type_text(window.view, "Hears from a friend")  # every key sent to the canvas itself
    editor = window.view.text_editing.field
    assert editor.text == "Hears from a friend"
    key(editor, Qt.Key.Key_Return)
    key(editor, Qt.Key.Key_Escape)
    (card,) = journey.touchpoints()
    first_lane = next(lane.id for lane in journey.lanes if lane.kind.value == "touchpoints")
    assert (card.name, card.stage, card.lane) == (
        "Hears from a friend",
        journey.stages[0].id,
        first_lane,
    )


def test_typing_with_no_cell_goes_to_the_focused_stage(make_window, qtbot) -> None:
    window = _blank(make_window, qtbot)
    journey, view = window.document.journey, window.view
    key(view, Qt.Key.Key_PageDown)
    key(view, Qt.Key.Key_PageDown)  # the second stage in focus
    focused = window.features.facilitator.focus.stage_id
    assert focused == journey.stages[1].id
    key(view, Qt.Key.Key_Escape)  # no cell any more
    assert window.scene.cell is None
    type_text(view, "Pays at the till")
    key(window.view.text_editing.field, Qt.Key.Key_Return)
    (card,) = journey.touchpoints()
    assert (card.name, card.stage) == ("Pays at the till", focused)


def test_keys_typed_ahead_of_the_editor_reach_it_even_in_a_voting_round(window, qtbot) -> None:
    """V votes and Space pans on the canvas; typed while the card's editor opens, they
    are the card's name."""
    facilitator = window.features.facilitator
    facilitator.acts["vote_start"].trigger()
    type_text(facilitator.bar.voters, "Ana, Ben")
    key(facilitator.bar.voters, Qt.Key.Key_Return)
    assert facilitator.voting.round is not None
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.scene.clearSelection()
    window.scene.set_cell(("purchase", "touchpoints"))
    window.view.setFocus()
    type_text(window.view, "a Visit to the shop")  # every key sent to the canvas itself
    assert window.view.text_editing.field.text == "a Visit to the shop"
