"""Undo undoes only your own changes: never a collaborator's, even on the same card."""

from __future__ import annotations

from journeymapper.model.builders import new_touchpoint
from journeymapper.model.edits import AddTouchpoint, RemoveStage, UpdateTouchpoint
from tests.sample import clothing_store_data
from tests.sync.replicas import assert_converged, exchange_all, replicas


def test_undo_after_a_remote_edit_of_another_field_keeps_the_remote_edit() -> None:
    a, b = replicas(clothing_store_data(), 2)
    a.journey.apply(UpdateTouchpoint("cart", {"name": "Pay"}))
    a.binding.commit()
    exchange_all([a, b])
    b.journey.apply(UpdateTouchpoint("cart", {"emotion": 2}))
    b.binding.commit()
    exchange_all([a, b])
    a.binding.undo_step()
    exchange_all([a, b])
    assert_converged([a, b])
    card = b.journey.touchpoint("cart")
    assert (card.name, card.emotion) == ("Checkout", 2)


def test_undo_never_reverts_a_remote_edit_of_the_same_field() -> None:
    a, b = replicas(clothing_store_data(), 2)
    a.journey.apply(UpdateTouchpoint("cart", {"name": "Pay"}))
    a.binding.commit()
    exchange_all([a, b])
    b.journey.apply(UpdateTouchpoint("cart", {"name": "Pay now"}))
    b.binding.commit()
    exchange_all([a, b])
    a.binding.undo_step()
    exchange_all([a, b])
    assert_converged([a, b])
    assert a.journey.touchpoint("cart").name == "Pay now"


def test_undo_and_redo_of_own_changes_among_remote_ones() -> None:
    a, b = replicas(clothing_store_data(), 2)
    card = new_touchpoint(a.journey, "Chat with a stylist", "purchase", "touchpoints")
    a.journey.apply(AddTouchpoint(card))
    a.binding.commit()
    b.journey.apply(RemoveStage("post-purchase"))
    b.binding.commit()
    exchange_all([a, b])
    assert a.binding.undo.depth == 1
    a.binding.undo_step()
    exchange_all([a, b])
    assert_converged([a, b])
    assert not b.journey.has_touchpoint(card.id)
    assert "post-purchase" not in {s.id for s in a.journey.stages}  # b's delete stays
    a.binding.redo_step()
    exchange_all([a, b])
    assert_converged([a, b])
    assert b.journey.touchpoint(card.id).name == "Chat with a stylist"


def test_remote_edits_do_not_enter_the_undo_history() -> None:
    a, b = replicas(clothing_store_data(), 2)
    b.journey.apply(UpdateTouchpoint("cart", {"name": "Pay"}))
    b.binding.commit()
    exchange_all([a, b])
    assert a.binding.undo.depth == 0
    assert a.binding.undo_step() is None
    assert a.journey.touchpoint("cart").name == "Pay"
