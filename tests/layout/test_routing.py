"""Arrows never lie: measured on the exported SVG, no connection passes through or
under a card that is not one of its ends — on every example, every template and
generated maps with loops, fan-in and fan-out — arrowheads never touch, every arrow
starts and ends on its own cards, a fan-in gets one port per arrow, and labels sit
clear of cards and of each other."""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journeymapper.io.journey_file import load_journey
from journeymapper.io.svg import svg_text
from journeymapper.layout.engine import layout_journey
from journeymapper.model.document import Journey
from journeymapper.model.schema import (
    Connection,
    JourneyData,
    Lane,
    LaneKind,
    Slot,
    Stage,
    Touchpoint,
)
from journeymapper.model.templates import templates
from tests.svg_geometry import Box, Drawn, read_svg, through_cards, triangles_overlap

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.journey"))


def _exported(journey: Journey) -> tuple[dict[str, Box], dict[str, Drawn], dict[str, Box]]:
    return read_svg(svg_text(journey, layout_journey(journey)))


def _on_edge(p: tuple[float, float], box: Box, slack: float = 0.6) -> bool:
    left, top, right, bottom = box
    inside = left - slack <= p[0] <= right + slack and top - slack <= p[1] <= bottom + slack
    near = min(abs(p[0] - left), abs(p[0] - right), abs(p[1] - top), abs(p[1] - bottom))
    return inside and near <= slack


def _check(journey: Journey) -> None:
    cards, drawn, labels = _exported(journey)
    shown = {c.id for c in journey.connections() if c.source in cards and c.target in cards}
    assert set(drawn) == shown
    assert through_cards(cards, drawn) == []
    for arrow in drawn.values():
        assert _on_edge(arrow.points[0], cards[arrow.source])
        assert _on_edge(arrow.points[-1], cards[arrow.target])
    heads = [a.arrow[:3] for a in drawn.values()]
    for p, q in itertools.combinations(heads, 2):
        assert not triangles_overlap(p, q), (p, q)
    tips: dict[str, list[tuple[float, float]]] = {}
    attached: dict[str, int] = {}
    for arrow in drawn.values():
        attached[arrow.source] = attached.get(arrow.source, 0) + 1
        attached[arrow.target] = attached.get(arrow.target, 0) + 1
        if arrow.source != arrow.target:
            tips.setdefault(arrow.target, []).append(arrow.points[-1])
    for card, ends in tips.items():  # a fan-in of n reads as n: six well apart, more closer
        apart = 8.0 if attached[card] <= 6 else 3.0
        for p, q in itertools.combinations(ends, 2):
            assert math.dist(p, q) >= apart
    for box in labels.values():
        assert not any(_overlap(box, card) for card in cards.values())
    for a, b in itertools.combinations(labels.values(), 2):
        assert not _overlap(a, b)


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_no_example_arrow_crosses_a_card(path: Path) -> None:
    _check(load_journey(path))


@pytest.mark.parametrize("name", list(templates()))
def test_no_template_arrow_crosses_a_card(name: str) -> None:
    _check(Journey(templates()[name].build()))


@st.composite
def maps(draw: st.DrawFn) -> JourneyData:
    """Maps of up to a few hundred cards in every lane, with loops back to earlier
    stages, self-loops, fan-in and fan-out, long names, notes lanes between card lanes."""
    n_stages = draw(st.integers(1, 5))
    stages = tuple(Stage(id=f"s{i}", name=f"Stage {i}") for i in range(n_stages))
    n_lanes = draw(st.integers(1, 3))
    lanes: list[Lane] = []
    for i in range(n_lanes):
        lanes.append(Lane(id=f"l{i}", name=f"Lane {i}"))
        if draw(st.booleans()):
            note = {stages[0].id: "A note " * draw(st.integers(0, 30))}
            lanes.append(Lane(id=f"n{i}", name=f"Notes {i}", kind=LaneKind.NOTES, notes=note))
    n_cards = draw(st.integers(1, 300))
    names = st.sampled_from(["Ad", "Reads the size guide", "A long name " * 4, "x" * 50])
    cells = draw(st.lists(st.tuples(st.integers(0, n_stages - 1), st.integers(0, n_lanes - 1),
                                    st.integers(0, 3), st.floats(0, 20, allow_nan=False)),
                          min_size=n_cards, max_size=n_cards))  # fmt: skip
    tps = tuple(
        Touchpoint(id=f"t{k}", name=draw(names), stage=f"s{s}", lane=f"l{lane}",
                   slot=Slot(column=col, order=order))
        for k, (s, lane, col, order) in enumerate(cells)
    )  # fmt: skip
    pairs: set[tuple[int, int]] = set()
    hub = draw(st.integers(0, n_cards - 1))
    for k in range(draw(st.integers(0, 12))):  # a hub: fan-in and fan-out
        pairs.add((k % n_cards, hub) if k % 2 else (hub, k % n_cards))
    links = st.tuples(st.integers(0, n_cards - 1), st.integers(0, n_cards - 1))
    pairs |= set(draw(st.lists(links, max_size=min(2 * n_cards, 400))))
    conns = tuple(
        Connection(id=f"c{i}", source=f"t{a}", target=f"t{b}",
                   label="Buys again" if i % 17 == 3 else "")
        for i, (a, b) in enumerate(sorted(pairs))
    )  # fmt: skip
    return JourneyData(title="Generated", stages=stages, lanes=tuple(lanes),
                       touchpoints=tps, connections=conns)  # fmt: skip


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps())
def test_no_generated_arrow_crosses_a_card(data: JourneyData) -> None:
    _check(Journey(data))


def test_a_labelled_arrow_between_stacked_cards_keeps_its_label_off_them() -> None:
    """Found by the property test: "Buys again" from a card back up to the card just
    above it went straight up the short gap, and its label sat on both cards."""
    cards = tuple(
        Touchpoint(id=f"t{k}", name="Ad", stage="s0", lane="l0", slot=Slot(column=0, order=0.0))
        for k in range(4)
    )
    conns = (
        Connection(id="c0", source="t0", target="t1"),
        Connection(id="c1", source="t1", target="t0", label="Buys again"),
    )
    data = JourneyData(title="Stack", stages=(Stage(id="s0", name="Stage 0"),),
                       lanes=(Lane(id="l0", name="Lane 0"),), touchpoints=cards,
                       connections=conns)  # fmt: skip
    _check(Journey(data))
