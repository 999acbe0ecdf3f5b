"""A peer that writes a structurally invalid map: the client maps what it can, reports the rest."""

from __future__ import annotations

from pycrdt import Array, Doc, Map, Text

from journeymapper.model.document import Journey
from journeymapper.model.integrity import reference_problems
from journeymapper.sync import layout
from journeymapper.sync.binding import SyncBinding
from journeymapper.sync.project import project
from journeymapper.sync.write import build_doc
from tests.sample import clothing_store_data


def hostile(write) -> tuple[SyncBinding, Doc]:  # type: ignore[no-untyped-def]
    start = build_doc(clothing_store_data()).get_update()
    mine: Doc = Doc()
    mine.apply_update(start)
    binding = SyncBinding(Journey(project(mine).data), mine)
    peer: Doc = Doc()
    peer.apply_update(start)
    with peer.transaction():
        write(peer)
    binding.receive([peer.get_update(mine.get_state())])
    assert reference_problems(binding.journey.to_data()) == []
    assert binding.journey.to_data() == project(mine).data
    return binding, peer


def card(peer: Doc, ident: str) -> Map:
    return peer.get(layout.TOUCHPOINTS, type=Map)[ident]


def test_a_card_in_a_missing_stage_goes_to_the_holding_stage() -> None:
    binding, _ = hostile(lambda p: card(p, "cart").__setitem__(
        layout.PLACE, {"stage": "nowhere", "lane": "touchpoints", "column": 0, "order": 0}
    ))  # fmt: skip
    assert binding.journey.touchpoint("cart").stage == layout.HOLDING_STAGE_ID
    assert any("cart" in p.subjects for p in binding.problems)


def test_an_emotion_out_of_range_is_clamped_and_reported() -> None:
    binding, _ = hostile(lambda p: card(p, "cart").__setitem__("emotion", 99))
    assert binding.journey.touchpoint("cart").emotion == 2
    assert any(p.place == "touchpoints.cart.emotion" for p in binding.problems)


def test_wrong_types_fall_back_to_defaults_and_are_reported() -> None:
    def write(peer: Doc) -> None:
        c = card(peer, "cart")
        c["emotion"] = "very happy"
        c["name"] = 42
        c["pain_points"] = "not a list"
        c["category"] = "telepathic"
        c[layout.VOTES] = Map({"x": -5, "y": "many", "z": 2})
        peer.get(layout.STAGES, type=Map)["purchase"]["color"] = "red"
        peer.get(layout.CONNECTIONS, type=Map)["c2"] = "garbage"
        peer.get(layout.TOUCHPOINTS, type=Map)["bad id!"] = Map({"name": "x"})
        peer.get(layout.TOUCHPOINTS, type=Map)["arr"] = Array([1, 2])
        peer.get(layout.TOUCHPOINTS, type=Map)["txt"] = Text("hello")
        peer.get(layout.INFO, type=Map)["emotion_scale"] = {"minimum": 5, "maximum": 1}

    binding, _ = hostile(write)
    cart = binding.journey.touchpoint("cart")
    assert cart.emotion is None
    assert cart.name == "Untitled"
    assert cart.pain_points == ()
    assert cart.category is None
    assert cart.votes == 2
    assert binding.journey.stage("purchase").color == "#4C78A8"
    assert not binding.journey.has_connection("c2")
    places = {p.place for p in binding.problems}
    for place in ("touchpoints.cart.name", "touchpoints.cart.emotion", "connections.c2"):
        assert place in places


def test_a_field_a_newer_version_added_is_left_alone() -> None:
    binding, peer = hostile(lambda p: card(p, "cart").__setitem__("future_field", {"x": 1}))
    assert binding.problems == []
    assert card(peer, "cart")["future_field"] == {"x": 1.0}
