"""The named conflicts: two replicas edit at once, and each conflict ends in one valid map."""

from __future__ import annotations

from journeymapper.analysis.validation import validate
from journeymapper.model.builders import new_stage, new_touchpoint
from journeymapper.model.edits import (
    AddStage,
    AddTouchpoint,
    MoveTouchpoints,
    Placement,
    RemoveStage,
    RemoveTouchpoint,
    ReorderStages,
    UpdateTouchpoint,
)
from journeymapper.model.schema import Slot
from journeymapper.sync import layout
from tests.sample import clothing_store_data
from tests.sync.replicas import Replica, assert_converged, exchange_all, replicas


def pair() -> tuple[Replica, Replica]:
    a, b = replicas(clothing_store_data(), 2)
    return a, b


def edit(replica: Replica, *edits: object) -> None:
    for e in edits:
        replica.journey.apply(e)  # type: ignore[arg-type]
    replica.binding.commit()


def test_a_card_added_to_a_stage_someone_deleted_is_kept_in_a_holding_stage() -> None:
    a, b = pair()
    edit(a, RemoveStage("purchase"))
    late = new_touchpoint(b.journey, "Gift wrapping", "purchase", "touchpoints")
    edit(b, AddTouchpoint(late))
    exchange_all([a, b])
    final = assert_converged([a, b])
    assert [s.id for s in final.stages][-1] == layout.HOLDING_STAGE_ID
    kept = a.journey.touchpoint(late.id)
    assert kept.stage == layout.HOLDING_STAGE_ID
    assert kept.name == "Gift wrapping"
    assert {tp.id for tp in final.touchpoints if tp.stage == layout.HOLDING_STAGE_ID} == {late.id}
    for replica in (a, b):
        flagged = [p for p in replica.binding.problems if late.id in p.subjects]
        assert flagged
        assert "Needs a stage" in flagged[0].message
        # and validation flags it too (the editor's problems, `journeymapper validate`)
        held = [f for f in validate(replica.journey) if f.rule == "JM016"]
        assert [f.subjects for f in held] == [(late.id,)]

    # moving it to a real stage empties the holding stage, which goes away everywhere
    a.binding.commit()
    edit(b, MoveTouchpoints({late.id: Placement("post-purchase", "touchpoints", Slot(column=5))}))
    exchange_all([a, b])
    final = assert_converged([a, b])
    assert layout.HOLDING_STAGE_ID not in {s.id for s in final.stages}
    assert a.binding.problems == []
    assert not [f for f in validate(a.journey) if f.rule == "JM016"]


def test_a_connection_whose_end_was_deleted_is_hidden_and_reported() -> None:
    a, b = pair()
    from journeymapper.model.builders import new_connection
    from journeymapper.model.edits import Connect

    edit(a, RemoveTouchpoint("review"))
    conn = new_connection(b.journey, "cart", "review", "leaves a review")
    edit(b, Connect(conn))
    exchange_all([a, b])
    final = assert_converged([a, b])
    assert conn.id not in {c.id for c in final.connections}
    for replica in (a, b):
        assert any(
            conn.id in p.subjects and "hidden" in p.message for p in replica.binding.problems
        )


def test_two_renames_of_one_card_end_equal_everywhere() -> None:
    a, b = pair()
    edit(a, UpdateTouchpoint("cart", {"name": "Pay"}))
    edit(b, UpdateTouchpoint("cart", {"name": "Check out now"}))
    exchange_all([a, b])
    final = assert_converged([a, b])
    assert next(tp for tp in final.touchpoints if tp.id == "cart").name in {"Pay", "Check out now"}


def test_two_moves_of_one_card_end_in_one_whole_move() -> None:
    a, b = pair()
    to_a = Placement("post-purchase", "touchpoints", Slot(column=4, order=1.0))
    to_b = Placement("pre-purchase", "human", Slot(column=2, order=0.5))
    edit(a, MoveTouchpoints({"cart": to_a}))
    edit(b, MoveTouchpoints({"cart": to_b}))
    exchange_all([a, b])
    assert_converged([a, b])
    assert Placement.of(a.journey.touchpoint("cart")) in {to_a, to_b}


def test_concurrent_edits_of_different_fields_of_one_card_both_survive() -> None:
    a, b = pair()
    edit(a, UpdateTouchpoint("cart", {"name": "Pay"}))
    edit(b, UpdateTouchpoint("cart", {"emotion": 2, "pain_points": ("Slow",)}))
    exchange_all([a, b])
    assert_converged([a, b])
    card = a.journey.touchpoint("cart")
    assert (card.name, card.emotion, card.pain_points) == ("Pay", 2, ("Slow",))


def test_two_people_voting_at_once_both_count() -> None:
    a, b = pair()
    before = a.journey.touchpoint("cart").votes
    edit(a, UpdateTouchpoint("cart", {"votes": before + 1}))
    edit(b, UpdateTouchpoint("cart", {"votes": before + 2}))
    exchange_all([a, b])
    assert_converged([a, b])
    assert a.journey.touchpoint("cart").votes == before + 3


def test_concurrent_moves_of_two_stages_both_take_effect() -> None:
    a, b = pair()
    extra = new_stage(a.journey, "Loyalty")
    edit(a, AddStage(extra))
    exchange_all([a, b])
    a.sent.clear(), b.sent.clear()
    edit(a, ReorderStages(("purchase", "pre-purchase", "post-purchase", extra.id)))
    edit(b, ReorderStages(("pre-purchase", "purchase", extra.id, "post-purchase")))
    exchange_all([a, b])
    final = assert_converged([a, b])
    assert [s.id for s in final.stages] == ["purchase", "pre-purchase", extra.id, "post-purchase"]


def test_a_stage_reordered_while_another_is_added_keeps_both() -> None:
    a, b = pair()
    extra = new_stage(b.journey, "Advocacy")
    edit(a, ReorderStages(("post-purchase", "pre-purchase", "purchase")))
    edit(b, AddStage(extra))
    exchange_all([a, b])
    final = assert_converged([a, b])
    assert [s.id for s in final.stages] == ["post-purchase", "pre-purchase", "purchase", extra.id]
