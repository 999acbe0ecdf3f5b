"""Cut, copy, paste and duplicate, with the connections among the cards, across maps."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from journeymapper.model.document import Journey


def test_copy_paste_within_a_map_keeps_the_connection_between_the_cards(window) -> None:
    journey, stack = window.document.journey, window.document.undo_stack
    assert journey.connection_between("ad", "site") is not None
    window.scene.select_ids(["ad", "site"])
    window.acts.copy.trigger()
    assert QApplication.clipboard().text().splitlines() == ["Instagram ad", "Browse the catalogue"]
    count, conns = journey.touchpoint_count(), journey.connection_count()
    window.acts.paste.trigger()
    assert journey.touchpoint_count() == count + 2
    assert journey.connection_count() == conns + 1
    pasted = window.scene.selected_card_ids()
    assert len(pasted) == 2
    assert not {"ad", "site"} & set(pasted)
    names = {journey.touchpoint(i).name: i for i in pasted}
    assert journey.connection_between(names["Instagram ad"], names["Browse the catalogue"])
    assert stack.undoText() == "Paste 2 touchpoints"
    stack.undo()
    assert journey.touchpoint_count() == count
    assert journey.connection_count() == conns


def test_copy_in_one_window_and_paste_in_another(make_window) -> None:
    first = make_window()
    second = make_window(Journey.default())
    first.scene.select_ids(["ship", "support"])
    first.acts.copy.trigger()
    second.acts.paste.trigger()
    journey = second.document.journey
    names = {tp.name: tp for tp in journey.touchpoints()}
    assert set(names) == {"Shipping notification", "Contact support to track the order"}
    # The stage of the same name in the other map; no lane of the same name there.
    assert {tp.stage for tp in names.values()} == {"post-purchase"}
    assert journey.connection_count() == 1


def test_cut_removes_and_paste_into_the_selected_cell(window) -> None:
    journey = window.document.journey
    window.scene.select_ids(["review"])
    window.acts.cut.trigger()
    assert not journey.has_touchpoint("review")
    window.scene.set_cell(("pre-purchase", "human"))
    window.acts.paste.trigger()
    (pasted,) = [tp for tp in journey.touchpoints() if tp.name == "Leaves a review"]
    assert (pasted.stage, pasted.lane) == ("pre-purchase", "human")


def test_plain_text_from_another_application_becomes_cards(window) -> None:
    journey = window.document.journey
    QApplication.clipboard().setText("Sees a billboard\n\nAsks a friend\n")
    window.scene.set_cell(("purchase", "human"))
    window.acts.paste.trigger()
    found = [tp for tp in journey.touchpoints() if tp.name in ("Sees a billboard", "Asks a friend")]
    assert len(found) == 2
    assert {(tp.stage, tp.lane) for tp in found} == {("purchase", "human")}


def test_duplicate_places_copies_beside_the_originals(window) -> None:
    journey = window.document.journey
    count = journey.touchpoint_count()
    window.scene.select_ids(["cart"])
    window.acts.duplicate.trigger()
    assert journey.touchpoint_count() == count + 1
    (copy,) = window.scene.selected_card_ids()
    assert journey.touchpoint(copy).name == "Checkout"
    assert journey.touchpoint(copy).stage == "purchase"
    assert journey.touchpoint(copy).slot.column > journey.touchpoint("cart").slot.column
