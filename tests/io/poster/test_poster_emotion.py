"""The emotion lane and the cards' marks on paper and in SVG (issue 16, items 13, 14,
16 and 18): every scale label printed, persona lines named at their ends, curves that
never overshoot, no "No channel" on a card without one."""

from __future__ import annotations

import re

import pytest
from defusedxml import ElementTree

from journeymapper.base.resources import examples_dir
from journeymapper.io.journey_file import load_journey
from journeymapper.io.poster.export import render_poster
from journeymapper.io.svg import svg_text
from journeymapper.layout.engine import layout_journey
from journeymapper.model.builders import new_touchpoint
from journeymapper.model.document import Journey
from journeymapper.model.edits import AddTouchpoint, UpdateLane, UpdateTouchpoint
from tests.io.poster.maps import options, pdf_text

SMARTPHONE = examples_dir() / "smartphone-electronics-retailer.journey"
NS = "{http://www.w3.org/2000/svg}"


def _text(journey: Journey) -> str:
    data, _, _ = render_poster(journey, options(legend=False))
    return pdf_text(data)


@pytest.mark.parametrize("lane_name", ["Feeling", "How the customer feels at every step"])
def test_every_scale_label_is_printed(lane_name: str) -> None:
    journey = load_journey(SMARTPHONE)
    journey.apply(UpdateLane("feeling", {"name": lane_name}))
    text = _text(journey)  # no legend: the labels can only come from the emotion lane
    scale = journey.info.emotion_scale
    for value in range(scale.minimum, scale.maximum + 1):
        assert scale.label(value) in text, scale.label(value)
    assert text.count("Delighted") == 1


def test_persona_lines_are_named_on_the_poster() -> None:
    journey = load_journey(SMARTPHONE)
    hidden = load_journey(SMARTPHONE)
    hidden.apply(UpdateLane("feeling", {"hidden": True}))
    with_lane, without = _text(journey), _text(hidden)
    for persona in journey.personas:
        assert with_lane.count(persona.name) == without.count(persona.name) + 1


def _svg(journey: Journey):  # type: ignore[no-untyped-def]
    return ElementTree.fromstring(svg_text(journey, layout_journey(journey)).encode())


def _curve(d: str) -> list[tuple[float, float]]:
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", d)]
    return list(zip(numbers[::2], numbers[1::2], strict=True))


def test_the_svg_names_each_persona_line_at_its_end_and_never_overshoots() -> None:
    journey = load_journey(SMARTPHONE)
    journey.apply(UpdateTouchpoint("till", {"emotion": -1}))
    journey.apply(UpdateTouchpoint("online", {"emotion": -1}))  # two −1 cards side by side
    root = _svg(journey)
    lines = {p.get("data-persona"): p.get("d") for p in root.iter(f"{NS}path")
             if p.get("class") == "emotion-line"}  # fmt: skip
    names = {t.get("data-persona"): t for t in root.iter(f"{NS}text")
             if t.get("class") == "persona-name"}  # fmt: skip
    colors = {p.id: p.color for p in journey.personas}
    assert set(names) == set(colors)
    for persona, label in names.items():
        end_x = _curve(lines[persona])[-1][0]
        assert float(label.get("x")) > end_x
        assert label.get("fill") == colors[persona]
        assert label.text == journey.persona(persona).name
    points = _curve(lines[None])  # M p0, then (c1, c2, end) per segment
    start = points[0]
    for i in range(1, len(points), 3):
        c1, c2, end = points[i : i + 3]
        low, high = min(start[1], end[1]), max(start[1], end[1])
        assert low - 1e-6 <= c1[1] <= high + 1e-6
        assert low - 1e-6 <= c2[1] <= high + 1e-6
        start = end


def test_a_card_without_a_channel_prints_no_placeholder() -> None:
    journey = load_journey(SMARTPHONE)
    card = new_touchpoint(journey, "Shelf label", "discover", "physical")
    journey.apply(AddTouchpoint(card))
    assert "No channel" not in _text(journey)
    assert "No channel" not in svg_text(journey, layout_journey(journey))
    group = next(g for g in _svg(journey).iter(f"{NS}g") if g.get("data-id") == card.id)
    assert group.get("data-category") == "physical"
    assert [t for t in group.iter(f"{NS}text") if t.get("class") == "channel"] == []


def test_paid_and_earned_badges_are_in_the_svg_as_on_the_canvas() -> None:
    journey = load_journey(SMARTPHONE)
    root = _svg(journey)
    badges = {g.get("data-ownership") for g in root.iter(f"{NS}g") if g.get("class") == "ownership"}
    assert badges == {"paid", "earned"}
