"""Every edit type round-trips: apply, apply the inverse, and the map is as before."""

from __future__ import annotations

import pytest

from journeymapper.model import builders
from journeymapper.model.document import EditError, Journey, UnknownIdError
from journeymapper.model.edits import (
    AddLane,
    AddPersona,
    AddStage,
    AddTouchpoint,
    Batch,
    Connect,
    Disconnect,
    Edit,
    MoveTouchpoints,
    Placement,
    RemoveLane,
    RemovePersona,
    RemoveStage,
    RemoveTouchpoint,
    ReorderLanes,
    ReorderPersonas,
    ReorderStages,
    SetNote,
    UpdateConnection,
    UpdateInfo,
    UpdateLane,
    UpdatePersona,
    UpdateStage,
    UpdateTouchpoint,
)
from journeymapper.model.schema import EmotionScale, Lane, LaneKind, Persona, Slot, Stage
from tests.sample import clothing_store


def _edits(j: Journey) -> dict[str, Edit]:
    new_tp = builders.new_touchpoint(j, "Live chat", "purchase", "touchpoints", channel="live_chat")
    return {
        "add touchpoint": AddTouchpoint(new_tp),
        "add touchpoint with connections": AddTouchpoint(
            new_tp, (builders.new_connection(j, "cart", new_tp.id),)
        ),
        "remove touchpoint": RemoveTouchpoint("cart"),
        "rename": UpdateTouchpoint("cart", {"name": "Pay"}),
        "update many fields": UpdateTouchpoint(
            "site", {"emotion": -2, "pain_points": ("Slow", "Ugly"), "personas": ("tom",)}
        ),
        "move across stage and lane": MoveTouchpoints(
            {
                "site": Placement("purchase", "human", Slot(column=3, order=2.5)),
                "ad": Placement("post-purchase", "touchpoints", Slot()),
            }
        ),
        "connect": Connect(builders.new_connection(j, "ad", "review", "skips ahead")),
        "disconnect": Disconnect("c3"),
        "relabel": UpdateConnection("c1", {"label": "likes it"}),
        "add stage": AddStage(Stage(id="loyalty", name="Loyalty"), 1),
        "remove stage with content": RemoveStage("purchase"),
        "remove stage with notes": RemoveStage("pre-purchase"),
        "rename stage": UpdateStage("purchase", {"name": "Buy", "color": "#000000"}),
        "reorder stages": ReorderStages(("post-purchase", "pre-purchase", "purchase")),
        "add lane": AddLane(Lane(id="thinking", name="Thinking", kind=LaneKind.NOTES), 0),
        "remove lane with cards": RemoveLane("human"),
        "remove notes lane": RemoveLane("doing"),
        "hide lane": UpdateLane("feeling", {"hidden": True, "name": "Emotions"}),
        "set note": SetNote("doing", "post-purchase", "Waits for the parcel"),
        "clear note": SetNote("doing", "pre-purchase", ""),
        "reorder lanes": ReorderLanes(tuple(reversed([lane.id for lane in j.lanes]))),
        "add persona": AddPersona(Persona(id="sam", name="Sam"), 0),
        "remove persona in use": RemovePersona("maya"),
        "update persona": UpdatePersona("tom", {"goals": ("Save time",), "color": "#123456"}),
        "reorder personas": ReorderPersonas(("tom", "maya")),
        "update info": UpdateInfo({"title": "Renamed", "state": "future"}),
        "batch": Batch(
            (
                UpdateTouchpoint("cart", {"votes": 9}),
                RemoveTouchpoint("review"),
                AddStage(Stage(id="after", name="After")),
            ),
            "Several",
        ),
    }


CASES = list(_edits(clothing_store()))


@pytest.mark.parametrize("case", CASES)
def test_every_edit_round_trips(case: str) -> None:
    journey = clothing_store()
    before = journey.to_data()
    edit = _edits(journey)[case]
    label = edit.describe(journey)
    inverse = journey.apply(edit)
    after = journey.to_data()
    assert after != before, f"{case} changed nothing"
    assert label
    redo = journey.apply(inverse)
    assert journey.to_data() == before
    journey.apply(redo)
    assert journey.to_data() == after


def test_removing_a_stage_carries_its_cards_connections_and_notes() -> None:
    journey = clothing_store()
    inverse = journey.apply(RemoveStage("pre-purchase"))
    assert not journey.has_touchpoint("ad")
    assert journey.connection_count() == 5
    assert "pre-purchase" not in journey.lane("doing").notes
    journey.apply(inverse)
    assert journey.connection_between("news", "cart") is not None
    assert journey.lane("doing").notes["pre-purchase"] == "Browses on the phone"


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (UpdateTouchpoint("cart", {"emotion": 3}), "outside the scale"),
        (UpdateTouchpoint("cart", {"name": "  "}), "name"),
        (UpdateTouchpoint("cart", {"id": "other"}), "id never changes"),
        (UpdateTouchpoint("cart", {"personas": ("ghost",)}), "ghost"),
        (MoveTouchpoints({"cart": Placement("purchase", "feeling", Slot())}), "does not hold"),
        (MoveTouchpoints({"cart": Placement("nowhere", "touchpoints", Slot())}), "nowhere"),
        (Connect(builders.new_connection(Journey(), "ad", "site")), "already connected"),
        (Connect(builders.new_connection(Journey(), "ad", "ghost")), "ghost"),
        (UpdateLane("touchpoints", {"kind": "notes"}), "kind"),
        (UpdateInfo({"emotion_scale": EmotionScale(minimum=-1, maximum=1, labels=())}), "outside"),
        (ReorderStages(("purchase",)), "each of them once"),
        (AddStage(Stage(id="cart", name="Dup")), "already used"),
        (RemoveTouchpoint("ghost"), "ghost"),
    ],
)
def test_invalid_edits_raise_and_change_nothing(edit: Edit, message: str) -> None:
    journey = clothing_store()
    before = journey.to_data()
    with pytest.raises(EditError, match=message):
        journey.apply(edit)
    assert journey.to_data() == before


def test_the_last_touchpoints_lane_cannot_go() -> None:
    journey = clothing_store()
    journey.apply(RemoveLane("human"))
    with pytest.raises(EditError, match="at least one touchpoints lane"):
        journey.apply(RemoveLane("touchpoints"))
    assert journey.lane("touchpoints").kind is LaneKind.TOUCHPOINTS


def test_a_failing_batch_rolls_back_what_it_did() -> None:
    journey = clothing_store()
    before = journey.to_data()
    batch = Batch((UpdateTouchpoint("cart", {"votes": 5}), RemoveTouchpoint("ghost")))
    with pytest.raises(UnknownIdError):
        journey.apply(batch)
    assert journey.to_data() == before


def test_nudges_merge_into_one_step_that_undoes_to_the_start() -> None:
    journey = clothing_store()
    before = journey.to_data()
    first = MoveTouchpoints(
        {"cart": Placement("purchase", "touchpoints", Slot(column=1))}, merge_key="nudge"
    )
    second = MoveTouchpoints(
        {"cart": Placement("purchase", "touchpoints", Slot(column=2))}, merge_key="nudge"
    )
    inv1 = journey.apply(first)
    inv2 = journey.apply(second)
    forward = first.merge_with(second)
    backward = inv2.merge_with(inv1)
    assert forward is not None
    assert backward is not None
    journey.apply(backward)
    assert journey.to_data() == before
    journey.apply(forward)
    assert journey.touchpoint("cart").slot.column == 2
    assert MoveTouchpoints({}, merge_key=None).merge_with(second) is None


def test_signals_name_what_changed() -> None:
    journey = clothing_store()
    seen: list[tuple[str, str]] = []
    journey.touchpoint_changed.connect(lambda i: seen.append(("changed", i)))
    journey.touchpoint_removed.connect(lambda i: seen.append(("removed", i)))
    journey.connection_removed.connect(lambda i: seen.append(("conn removed", i)))
    journey.apply(UpdateTouchpoint("site", {"votes": 1}))
    journey.apply(RemoveTouchpoint("cart"))
    assert seen == [
        ("changed", "site"),
        ("conn removed", "c2"),
        ("conn removed", "c3"),
        ("removed", "cart"),
    ]


def test_new_ids_are_unique_and_well_formed() -> None:
    journey = clothing_store()
    ids = {journey.new_id("tp") for _ in range(2000)}
    assert len(ids) == 2000
    assert all(i.startswith("tp-") and len(i) == 11 for i in ids)


def test_new_cards_go_right_of_the_last_column() -> None:
    journey = clothing_store()
    assert builders.next_slot(journey, "pre-purchase", "touchpoints") == Slot(column=3)
    assert builders.next_slot(journey, "purchase", "human") == Slot(column=0)
    card = builders.new_touchpoint(journey, "Ad", "purchase", "touchpoints", channel="online_ads")
    assert card.category == "digital"
    assert card.ownership == "paid"
