"""Pain points without opportunities, unmeasured touchpoints, gaps in the emotion curve."""

from __future__ import annotations

from journeymapper.analysis.content import emotion_gaps, pain_without_opportunity, unmeasured
from journeymapper.model.schema import Kpi, Lane
from tests.analysis.maps import card, journey


def test_pain_without_opportunity() -> None:
    cards = [
        card("tp-a", "s1", pain_points=("Slow", "Ugly")),
        card("tp-b", "s1", pain_points=("Slow",), opportunities=("Cache",)),
        card("tp-c", "s2", opportunities=("Nice to have",)),
        card("tp-d", "s2", pain_points=("Rude",)),
    ]
    findings = pain_without_opportunity(journey(cards))
    assert [f.subjects for f in findings] == [("tp-a",), ("tp-d",)]
    assert findings[0].message == "“A” has 2 pain points but no opportunity to address them."
    assert findings[1].message == "“D” has 1 pain point but no opportunity to address it."


def test_measurement_is_only_checked_when_the_map_asks_for_it() -> None:
    cards = [card("tp-a", "s1")]
    assert unmeasured(journey(cards)) == []
    assert [f.subjects for f in unmeasured(journey(cards, require_measurement=True))] == [("tp-a",)]


def test_a_kpi_or_a_feedback_method_counts_as_measured() -> None:
    cards = [
        card("tp-kpi", "s1", kpis=(Kpi(name="NPS"),)),
        card("tp-feedback", "s1", feedback="Exit survey"),
        card("tp-blank-feedback", "s2", feedback="   "),
        card("tp-none", "s3"),
    ]
    findings = unmeasured(journey(cards, require_measurement=True))
    assert [f.subjects for f in findings] == [("tp-blank-feedback",), ("tp-none",)]


def test_emotion_gaps_are_grouped_per_stage() -> None:
    cards = [
        card("tp-a", "s1", emotion=None),
        card("tp-b", "s1", emotion=None, slot={"column": 1}),
        card("tp-c", "s2", emotion=1),
        card("tp-d", "s3", emotion=None),
    ]
    findings = emotion_gaps(journey(cards))
    assert [f.subjects for f in findings] == [("tp-a", "tp-b"), ("tp-d",)]
    assert findings[0].message == (
        "In “First”, “A” and “B” have no emotion, so the emotion curve has a gap there."
    )
    assert findings[1].message.startswith("In “Third”, “D” has no emotion")


def test_no_emotion_gaps_without_an_emotion_lane() -> None:
    cards = [card("tp-a", "s1", emotion=None)]
    assert emotion_gaps(journey(cards, lanes=(Lane(id="touchpoints", name="Cards"),))) == []
