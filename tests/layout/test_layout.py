"""The shared geometry: rows and columns grow to fit, nothing overlaps or overflows."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pytest

from journeymapper.io.journey_file import load_journey
from journeymapper.layout import geometry as layout
from journeymapper.layout.engine import layout_journey
from journeymapper.layout.geometry import CARD_PAD, CARD_W, Rect
from journeymapper.layout.text import text_width
from journeymapper.model.edits import UpdateLane, UpdateTouchpoint
from journeymapper.model.schema import Slot
from tests.sample import clothing_store

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.journey"))


def _overlap(a: Rect, b: Rect) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_examples_lay_out_without_overlap_or_overflow(path: Path) -> None:
    journey = load_journey(path)
    result = layout_journey(journey)
    cards = result.cards
    assert set(cards) == {tp.id for tp in journey.touchpoints()}
    for a, b in combinations(cards.values(), 2):
        assert not _overlap(a.rect, b.rect), (a.id, b.id)
    for card in cards.values():
        tp = journey.touchpoint(card.id)
        cell = result.cell(tp.stage, tp.lane)
        assert cell.x <= card.rect.x
        assert card.rect.right <= cell.right
        assert cell.y <= card.rect.y
        assert card.rect.bottom <= cell.bottom
        assert " ".join(card.name_lines).split() == tp.name.split()
        for line in card.name_lines:
            assert text_width(line, layout.NAME_FONT, bold=True) <= CARD_W - 2 * CARD_PAD
        last_baseline = card.parts.name_baselines[-1]
        assert last_baseline < card.rect.h - CARD_PAD


def test_a_long_name_makes_its_card_and_row_taller() -> None:
    journey = clothing_store()
    before = layout_journey(journey)
    journey.apply(UpdateTouchpoint("cart", {"name": "Adds items to the cart " * 8}))
    after = layout_journey(journey)
    assert after.cards["cart"].rect.h > before.cards["cart"].rect.h
    assert after.lanes["touchpoints"].h > before.lanes["touchpoints"].h
    assert after.lanes["touchpoints"].bottom >= after.cards["cart"].rect.bottom


def test_columns_grow_with_card_columns() -> None:
    journey = clothing_store()
    before = layout_journey(journey).stages["purchase"].w
    journey.apply(UpdateTouchpoint("cart", {"slot": Slot(column=6)}))
    assert layout_journey(journey).stages["purchase"].w > before


def test_hidden_lanes_take_no_room() -> None:
    journey = clothing_store()
    height = layout_journey(journey).height
    journey.apply(UpdateLane("human", {"hidden": True}))
    result = layout_journey(journey)
    assert "human" not in result.lanes
    assert "support" not in result.cards
    assert result.height < height
    assert result.route("c5") is None  # its card is hidden


def test_cells_and_drops() -> None:
    journey = clothing_store()
    result = layout_journey(journey)
    cell = result.cell("purchase", "touchpoints")
    assert result.card_lane_at(cell.x + 5, cell.y + 5) == ("purchase", "touchpoints")
    feeling = result.lanes["feeling"]
    assert result.card_lane_at(cell.x + 5, feeling.y + 5) is None
    # Dropped left of the first card of column 0: before it.
    first = result.cards["cart"].rect
    slot = result.slot_for_drop(journey, "purchase", "touchpoints", first.x + 5, first.y - 2)
    assert slot == Slot(column=0, order=-1.0)
    # Far to the right: a new column right after the last one, not beyond.
    slot = result.slot_for_drop(journey, "purchase", "touchpoints", cell.right - 1, cell.y + 20)
    assert slot.column == 2


def test_the_emotion_curve_stays_in_its_plot() -> None:
    result = layout_journey(clothing_store())
    plot = result.emotion["feeling"]
    everyone = plot.series[0]
    assert everyone.persona is None
    assert len(everyone.points) == len(everyone.values) >= 5
    for x, y in everyone.points:
        assert plot.plot.y <= y <= plot.plot.bottom
        assert plot.plot.x <= x <= plot.plot.right
    assert [s.persona for s in plot.series[1:]] == ["maya", "tom"]
