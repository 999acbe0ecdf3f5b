"""Coverage of stages, purchase phases, earned touchpoints and categories."""

from __future__ import annotations

from journeymapper.analysis.coverage import (
    empty_map,
    empty_stages,
    held_cards,
    missing_categories,
    missing_phases,
    no_earned,
    no_follow_up,
)
from journeymapper.analysis.validation import validate
from journeymapper.model.document import Journey
from journeymapper.model.schema import Category, Ownership, Phase, Stage
from tests.analysis.maps import PHASED_STAGES, PLAIN_STAGES, card, journey


def test_empty_map_fires_only_without_touchpoints() -> None:
    assert [f.rule for f in empty_map(journey([]))] == ["JM010"]
    assert empty_map(journey([card("tp-a", "s1")])) == []


def test_other_coverage_rules_stay_silent_on_an_empty_map() -> None:
    j = journey([], stages=PHASED_STAGES)
    for rule in (empty_stages, missing_phases, no_follow_up, no_earned, missing_categories):
        assert rule(j) == []


def test_each_empty_stage_is_reported_with_its_id() -> None:
    findings = empty_stages(journey([card("tp-a", "s2")]))
    assert [f.subjects for f in findings] == [("s1",), ("s3",)]
    assert findings[0].message == "The stage “First” has no touchpoints."


def test_phase_rules_ignore_maps_without_phases() -> None:
    j = journey([card("tp-a", "s1")])
    assert missing_phases(j) == []
    assert no_follow_up(j) == []


def test_a_phase_without_touchpoints_names_its_stages() -> None:
    stages = (
        Stage(id="s1", name="Awareness", phase=Phase.PRE_PURCHASE),
        Stage(id="s2", name="Cart", phase=Phase.PURCHASE),
        Stage(id="s3", name="Payment", phase=Phase.PURCHASE),
        Stage(id="s4", name="Support", phase=Phase.POST_PURCHASE),
    )
    findings = missing_phases(journey([card("tp-a", "s1"), card("tp-b", "s4")], stages=stages))
    assert [f.subjects for f in findings] == [("s2", "s3")]
    assert findings[0].message == (
        "The purchase phase (“Cart” and “Payment”) has no touchpoints, so the map shows "
        "nothing while customers buy."
    )


def test_one_filled_stage_is_enough_for_a_phase() -> None:
    stages = (*PHASED_STAGES, Stage(id="s4", name="More buying", phase=Phase.PURCHASE))
    cards = [card("tp-a", "s1"), card("tp-b", "s4"), card("tp-c", "s3")]
    assert missing_phases(journey(cards, stages=stages)) == []


def test_a_phase_no_stage_belongs_to_is_missing_too() -> None:
    stages = (Stage(id="s1", name="Pre", phase=Phase.PRE_PURCHASE), Stage(id="s2", name="Other"))
    findings = missing_phases(journey([card("tp-a", "s1")], stages=stages))
    assert [(f.subjects, f.message) for f in findings] == [
        (
            (),
            "No stage belongs to the purchase phase, so the map shows nothing while customers buy.",
        )
    ]
    assert [f.rule for f in no_follow_up(journey([card("tp-a", "s1")], stages=stages))] == ["JM013"]


def test_no_follow_up_is_its_own_rule_not_a_missing_phase() -> None:
    j = journey([card("tp-a", "s1"), card("tp-b", "s2")], stages=PHASED_STAGES)
    assert missing_phases(j) == []
    findings = no_follow_up(j)
    assert [(f.rule, f.subjects) for f in findings] == [("JM013", ("s3",))]
    assert findings[0].message.startswith(
        "Nothing follows the purchase: the post-purchase phase (“Post”) has no touchpoints."
    )


def test_a_post_purchase_touchpoint_is_follow_up() -> None:
    j = journey([card("tp-a", "s1"), card("tp-b", "s2"), card("tp-c", "s3")], stages=PHASED_STAGES)
    assert no_follow_up(j) == []
    assert missing_phases(j) == []


def test_no_earned_until_one_touchpoint_is_earned() -> None:
    cards = [card("tp-a", "s1", ownership=Ownership.PAID), card("tp-b", "s2")]
    assert [f.rule for f in no_earned(journey(cards))] == ["JM014"]
    cards.append(card("tp-c", "s3", ownership=Ownership.EARNED))
    assert no_earned(journey(cards)) == []


def test_each_missing_category_is_one_finding() -> None:
    findings = missing_categories(journey([card("tp-a", "s1", category=Category.HUMAN)]))
    assert [f.message for f in findings] == [
        "The map has no digital touchpoint (such as website, social media, online ads).",
        "The map has no physical touchpoint (such as outdoor & print, store visit / in-store "
        "display, point of sale).",
    ]


def test_touchpoints_without_a_category_cover_none() -> None:
    findings = missing_categories(journey([card("tp-a", "s1", category=None)]))
    assert len(findings) == 3


def test_a_card_in_the_holding_stage_or_lane_needs_a_place() -> None:
    """Issue 18: a card whose stage a collaborator deleted is kept, and flagged."""
    from journeymapper.model.schema import Lane, LaneKind

    stages = (*PLAIN_STAGES, Stage(id="needs-stage", name="Needs a stage"))
    cards = [card("tp-a", "s1"), card("tp-gift", "needs-stage"), card("tp-b", "s2")]
    j = journey(cards, stages=stages)
    findings = held_cards(j)
    assert [(f.rule, f.subjects) for f in findings] == [("JM016", ("tp-gift",))]
    assert findings[0].message.startswith("“Gift” needs a stage: a collaborator deleted")
    assert "JM016" in {f.rule for f in validate(j)}
    assert held_cards(journey([card("tp-a", "s1")])) == []

    lanes = (*j.lanes, Lane(id="needs-lane", name="Needs a lane", kind=LaneKind.TOUCHPOINTS))
    data = j.to_data().model_copy(update={"lanes": lanes})
    data = data.model_copy(
        update={"touchpoints": (*data.touchpoints, card("tp-c", "s3", lane="needs-lane"))}
    )
    both = held_cards(Journey(data))  # in reading order: stage "Third" comes first
    assert [f.subjects for f in both] == [("tp-c",), ("tp-gift",)]
    assert both[0].message.startswith("“C” needs a lane: a collaborator deleted its lane")
