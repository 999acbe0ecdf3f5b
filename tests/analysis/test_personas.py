"""A persona's journey runs through the touchpoints tagged with it, from an entry to an exit."""

from __future__ import annotations

import pytest

from journeymapper.analysis.personas import persona_paths, personas_without_path
from journeymapper.model.document import UnknownIdError
from journeymapper.model.schema import Persona
from tests.analysis.maps import card, journey

ANA = Persona(id="p-ana", name="Ana")
BEN = Persona(id="p-ben", name="Ben")
BOTH = ("p-ana", "p-ben")


def diamond(top: tuple[str, ...], bottom: tuple[str, ...]) -> object:
    """a → b (top) → d and a → c (bottom) → d."""
    cards = [
        card("tp-a", "s1", personas=BOTH),
        card("tp-b", "s2", personas=top),
        card("tp-c", "s2", personas=bottom, slot={"column": 1}),
        card("tp-d", "s3", personas=BOTH),
    ]
    flow = [("tp-a", "tp-b"), ("tp-a", "tp-c"), ("tp-b", "tp-d"), ("tp-c", "tp-d")]
    return journey(cards, flow, personas=(ANA, BEN))


def test_each_persona_with_a_tagged_route_has_a_complete_path() -> None:
    j = diamond(top=("p-ana",), bottom=("p-ben",))
    assert personas_without_path(j) == []
    ana = persona_paths(j, "p-ana")
    assert ana.complete
    assert ana.paths == (("tp-a", "tp-b", "tp-d"),)
    assert ana.on_path == {"tp-a", "tp-b", "tp-d"}
    assert ana.touchpoints == ("tp-a", "tp-b", "tp-d")


def test_an_untagged_step_breaks_a_personas_journey() -> None:
    j = diamond(top=("p-ana",), bottom=())
    findings = personas_without_path(j)
    assert [f.subjects for f in findings] == [("p-ben",)]
    assert findings[0].message == (
        "“Ben” has no complete journey: no path from an entry point to an exit point runs "
        "only through touchpoints tagged with “Ben”."
    )
    ben = persona_paths(j, "p-ben")
    assert not ben.complete
    assert ben.paths == ()
    assert ben.on_path == frozenset()
    assert ben.entries == ("tp-a",)
    assert ben.exits == ("tp-d",)


def test_a_persona_tagged_nowhere_is_reported() -> None:
    cards = [card("tp-a", "s1"), card("tp-b", "s2")]
    findings = personas_without_path(journey(cards, [("tp-a", "tp-b")], personas=(ANA,)))
    assert [f.subjects for f in findings] == [("p-ana",)]
    assert "is not tagged on any touchpoint" in findings[0].message


def test_a_persona_must_start_at_an_entry_and_end_at_an_exit() -> None:
    """Tagged cards in the middle of the journey are not a complete path."""
    cards = [
        card("tp-a", "s1"),
        card("tp-b", "s2", personas=("p-ana",)),
        card("tp-c", "s2", personas=("p-ana",), slot={"column": 1}),
        card("tp-d", "s3"),
    ]
    flow = [("tp-a", "tp-b"), ("tp-b", "tp-c"), ("tp-c", "tp-d")]
    assert [f.subjects for f in personas_without_path(journey(cards, flow, personas=(ANA,)))] == [
        ("p-ana",)
    ]


def test_paths_through_a_loop_are_simple_and_listed_up_to_the_limit() -> None:
    cards = [
        card("tp-a", "s1", personas=BOTH),
        card("tp-b", "s2", personas=BOTH),
        card("tp-c", "s2", personas=BOTH, slot={"column": 1}),
        card("tp-d", "s3", personas=BOTH),
    ]
    flow = [
        ("tp-a", "tp-b"),
        ("tp-b", "tp-c"),
        ("tp-c", "tp-b"),
        ("tp-b", "tp-d"),
        ("tp-c", "tp-d"),
    ]
    j = journey(cards, flow, personas=(ANA, BEN))
    paths = persona_paths(j, "p-ana").paths
    assert sorted(paths) == [("tp-a", "tp-b", "tp-c", "tp-d"), ("tp-a", "tp-b", "tp-d")]
    assert len(persona_paths(j, "p-ana", limit=1).paths) == 1


def test_no_persona_findings_on_an_empty_map() -> None:
    assert personas_without_path(journey([], personas=(ANA,))) == []


def test_unknown_persona() -> None:
    with pytest.raises(UnknownIdError):
        persona_paths(journey([card("tp-a", "s1")]), "p-nobody")
