"""Entry and exit points, reachability, dead ends, separate parts, backward steps, self-loops."""

from __future__ import annotations

from journeymapper.analysis.context import Context
from journeymapper.analysis.flow import (
    backward_flow,
    dead_ends,
    disconnected_parts,
    not_connected,
    unreachable,
)
from journeymapper.analysis.integrity import self_loops
from journeymapper.model.schema import Stage
from tests.analysis.maps import card, chain, journey


def ids(findings: list) -> list[tuple[str, ...]]:
    return [f.subjects for f in findings]


def test_entries_are_the_first_stage_cards_nothing_leads_into() -> None:
    j = journey(
        [card("tp-a", "s1"), card("tp-b", "s1", slot={"column": 1}), card("tp-c", "s2")],
        [("tp-a", "tp-b"), ("tp-b", "tp-c")],
    )
    ctx = Context(j)
    assert ctx.entries == ("tp-a",)
    assert ctx.exits == ("tp-c",)


def test_when_every_first_stage_card_has_an_incoming_connection_all_are_entries() -> None:
    j = journey(
        [card("tp-a", "s1"), card("tp-b", "s1", slot={"column": 1}), card("tp-c", "s2")],
        [("tp-a", "tp-b"), ("tp-b", "tp-a"), ("tp-b", "tp-c")],
    )
    assert Context(j).entries == ("tp-a", "tp-b")


def test_when_every_last_stage_card_leads_on_all_are_exits() -> None:
    j = journey(
        [card("tp-a", "s1"), card("tp-b", "s2"), card("tp-c", "s2", slot={"column": 1})],
        [("tp-a", "tp-b"), ("tp-b", "tp-c"), ("tp-c", "tp-b")],
    )
    assert Context(j).exits == ("tp-b", "tp-c")


def test_empty_stages_do_not_move_the_start_or_the_end() -> None:
    j = journey([card("tp-a", "s2"), card("tp-b", "s2", slot={"column": 1})], [("tp-a", "tp-b")])
    ctx = Context(j)
    assert (ctx.first_stage, ctx.last_stage) == ("s2", "s2")
    assert (ctx.entries, ctx.exits) == (("tp-a",), ("tp-b",))
    assert dead_ends(ctx) == []


def test_a_self_loop_neither_makes_an_incoming_connection_nor_connects_a_card() -> None:
    j = journey([card("tp-a", "s1"), card("tp-b", "s2")], [("tp-a", "tp-a"), ("tp-a", "tp-b")])
    ctx = Context(j)
    assert ctx.entries == ("tp-a",)
    j = journey([card("tp-a", "s1"), card("tp-b", "s2")], [("tp-b", "tp-b")])
    assert "tp-b" not in Context(j).connected


def test_a_branching_journey_that_rejoins_has_no_flow_findings() -> None:
    cards = [card("tp-a", "s1"), card("tp-b", "s2"), card("tp-c", "s2"), card("tp-d", "s3")]
    flow = [("tp-a", "tp-b"), ("tp-a", "tp-c"), ("tp-b", "tp-d"), ("tp-c", "tp-d")]
    j = journey(cards, flow)
    for rule in (unreachable, dead_ends, not_connected, disconnected_parts, backward_flow):
        assert rule(j) == []


def test_unreachable_cards_are_those_no_entry_leads_to() -> None:
    cards = [card("tp-a", "s1"), card("tp-b", "s2"), card("tp-x", "s2"), card("tp-y", "s3")]
    j = journey(cards, [("tp-a", "tp-b"), ("tp-x", "tp-y"), ("tp-y", "tp-b")])
    assert ids(unreachable(j)) == [("tp-x",), ("tp-y",)]


def test_a_cycle_reached_from_the_start_is_reachable() -> None:
    cards = [card("tp-a", "s1"), card("tp-b", "s2"), card("tp-c", "s2"), card("tp-d", "s3")]
    flow = [*chain("tp-a", "tp-b", "tp-c", "tp-b"), ("tp-c", "tp-d")]
    assert unreachable(journey(cards, flow)) == []


def test_a_cycle_nothing_leads_into_is_unreachable() -> None:
    cards = [card("tp-a", "s1"), card("tp-b", "s2"), card("tp-c", "s2"), card("tp-d", "s3")]
    flow = [("tp-a", "tp-d"), *chain("tp-b", "tp-c", "tp-b"), ("tp-c", "tp-d")]
    assert ids(unreachable(journey(cards, flow))) == [("tp-b",), ("tp-c",)]


def test_dead_ends_are_cards_before_the_last_stage_that_lead_nowhere() -> None:
    cards = [card("tp-a", "s1"), card("tp-b", "s2"), card("tp-c", "s3"), card("tp-d", "s3")]
    j = journey(cards, [("tp-a", "tp-b"), ("tp-a", "tp-c"), ("tp-a", "tp-d")])
    findings = dead_ends(j)
    assert ids(findings) == [("tp-b",)]
    assert findings[0].message == (
        "“B” is a dead end: no connection leads on from it, before the last stage."
    )


def test_a_card_leading_only_to_itself_is_a_dead_end() -> None:
    cards = [card("tp-a", "s1"), card("tp-b", "s2"), card("tp-c", "s3")]
    flow = [("tp-a", "tp-b"), ("tp-b", "tp-b"), ("tp-a", "tp-c")]
    assert ids(dead_ends(journey(cards, flow))) == [("tp-b",)]


def test_a_card_with_no_connection_is_only_reported_as_not_connected() -> None:
    cards = [card("tp-a", "s1"), card("tp-b", "s2"), card("tp-c", "s3"), card("tp-lost", "s2")]
    j = journey(cards, chain("tp-a", "tp-b", "tp-c"))
    assert ids(not_connected(j)) == [("tp-lost",)]
    for rule in (unreachable, dead_ends, disconnected_parts):
        assert rule(j) == []


def test_a_map_without_any_connection_gets_one_not_connected_finding() -> None:
    j = journey([card("tp-a", "s1"), card("tp-b", "s2"), card("tp-c", "s3")])
    findings = not_connected(j)
    assert ids(findings) == [("tp-a", "tp-b", "tp-c")]
    assert "None of the 3 touchpoints" in findings[0].message


def test_a_single_card_map_has_no_flow_findings() -> None:
    j = journey([card("tp-a", "s1")])
    for rule in (not_connected, unreachable, dead_ends, disconnected_parts, backward_flow):
        assert rule(j) == []


def test_separate_parts_are_reported_apart_from_the_largest() -> None:
    cards = [card(f"tp-{n}", "s1" if n in "ax" else "s2") for n in "abcxy"]
    flow = [("tp-a", "tp-b"), ("tp-b", "tp-c"), ("tp-x", "tp-y")]
    findings = disconnected_parts(journey(cards, flow))
    assert ids(findings) == [("tp-x", "tp-y")]
    assert findings[0].message.startswith("“X” and “Y” form a separate part (2 touchpoints)")


def test_parts_joined_only_against_the_flow_are_one_part() -> None:
    cards = [card("tp-a", "s1"), card("tp-b", "s1", slot={"column": 1}), card("tp-c", "s2")]
    assert disconnected_parts(journey(cards, [("tp-a", "tp-c"), ("tp-b", "tp-c")])) == []


def test_three_parts_give_two_findings_largest_left_out() -> None:
    cards = [card(f"tp-{n}", "s1") for n in "abcdefg"]
    flow = [("tp-a", "tp-b"), ("tp-c", "tp-d"), ("tp-d", "tp-e"), ("tp-f", "tp-g")]
    assert ids(disconnected_parts(journey(cards, flow))) == [("tp-a", "tp-b"), ("tp-f", "tp-g")]


def test_backward_flow_names_both_cards_and_stages() -> None:
    cards = [card("tp-a", "s1"), card("tp-b", "s2"), card("tp-c", "s3")]
    j = journey(cards, [*chain("tp-a", "tp-b", "tp-c"), ("tp-c", "tp-a"), ("tp-b", "tp-b")])
    findings = backward_flow(j)
    assert ids(findings) == [("c-tp-c-tp-a", "tp-c", "tp-a")]
    assert findings[0].message.startswith("The flow goes back from “C” (“Third”) to “A” (“First”)")


def test_flow_within_a_stage_is_not_backward_whatever_the_columns() -> None:
    cards = [card("tp-a", "s1", slot={"column": 3}), card("tp-b", "s1")]
    assert backward_flow(journey(cards, [("tp-a", "tp-b")])) == []


def test_backward_flow_follows_the_stage_order_not_the_ids() -> None:
    stages = (Stage(id="z", name="Zeta"), Stage(id="a", name="Alpha"))
    j = journey([card("tp-a", "z"), card("tp-b", "a")], [("tp-b", "tp-a")], stages=stages)
    assert ids(backward_flow(j)) == [("c-tp-b-tp-a", "tp-b", "tp-a")]


def test_self_loops_are_errors_naming_the_connection_and_the_card() -> None:
    j = journey([card("tp-a", "s1"), card("tp-b", "s2")], [("tp-b", "tp-b"), ("tp-a", "tp-a")])
    findings = self_loops(j)
    assert ids(findings) == [("c-tp-a-tp-a", "tp-a"), ("c-tp-b-tp-b", "tp-b")]
    assert findings[0].message == "“A” is connected to itself; delete that connection."


def test_an_empty_map_has_no_flow_findings() -> None:
    j = journey([])
    for rule in (not_connected, unreachable, dead_ends, disconnected_parts, backward_flow):
        assert rule(j) == []
    assert Context(j).entries == ()
    assert Context(j).exits == ()


def test_findings_list_cards_in_reading_order() -> None:
    """Stage by stage, column by column, then lanes top to bottom."""
    cards = [
        card("tp-z", "s1", slot={"column": 1}),
        card("tp-y", "s1", slot={"column": 0, "order": 2}),
        card("tp-x", "s1", slot={"column": 0, "order": 1}),
        card("tp-w", "s2"),
    ]
    j = journey(cards, [("tp-w", "tp-w")])
    assert Context(j).in_order(["tp-w", "tp-z", "tp-y", "tp-x"]) == ["tp-x", "tp-y", "tp-z", "tp-w"]
