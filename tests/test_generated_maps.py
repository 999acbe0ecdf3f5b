"""The benchmark maps are realistic: connected flow, mostly local arrows, every kind."""

from __future__ import annotations

from benchmarks.generate import generate_map
from journeymapper.analysis import validate
from journeymapper.layout.engine import layout_journey
from journeymapper.model.document import Journey
from journeymapper.model.schema import Ownership


def test_a_generated_map_is_deterministic_connected_and_local() -> None:
    data = generate_map(2_000, seed=3)
    assert data == generate_map(2_000, seed=3)
    journey = Journey(data)
    assert 1.7 <= journey.connection_count() / journey.touchpoint_count() <= 2.1
    rules = {f.rule for f in validate(journey)}
    assert "JM021" not in rules  # nothing unreachable
    assert "JM014" not in rules  # earned touchpoints exist
    assert {tp.ownership for tp in data.touchpoints} == set(Ownership)
    layout = layout_journey(journey)
    spans = sorted(
        abs(layout.cards[a].rect.x - layout.cards[b].rect.x)
        for a, b in layout.connection_ends.values()
    )
    stage_w = min(r.w for r in layout.stages.values())
    assert spans[int(len(spans) * 0.9)] < stage_w  # nine arrows in ten stay near their card
