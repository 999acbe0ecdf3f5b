"""The emotion lane: a curve that never overshoots the cards it joins, persona lines
named at their ends, and a lane tall enough to read (issue 16, items 13 and 18)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from journeymapper.layout import emotion
from journeymapper.layout.engine import layout_journey
from journeymapper.layout.geometry import LANE_HEADER_W, EmotionSeries, Point
from journeymapper.layout.text import line_height, text_width
from journeymapper.model.builders import new_touchpoint
from journeymapper.model.edits import AddTouchpoint, UpdateLane, UpdatePersona, UpdateTouchpoint
from journeymapper.model.schema import Slot
from tests.sample import clothing_store


def _bezier(p0: Point, c1: Point, c2: Point, p3: Point, t: float) -> Point:
    u = 1 - t
    return (
        u**3 * p0[0] + 3 * u * u * t * c1[0] + 3 * u * t * t * c2[0] + t**3 * p3[0],
        u**3 * p0[1] + 3 * u * u * t * c1[1] + 3 * u * t * t * c2[1] + t**3 * p3[1],
    )


def _overshoot(line: EmotionSeries) -> float:
    """How far the drawn curve leaves the range of the two points of any segment."""
    worst = 0.0
    start = line.points[0]
    for c1, c2, end in line.segments:
        low, high = min(start[1], end[1]), max(start[1], end[1])
        for i in range(41):
            y = _bezier(start, c1, c2, end, i / 40)[1]
            worst = max(worst, low - y, y - high)
        start = end
    return worst


def _cards_in_a_row(emotions: list[int]):  # type: ignore[no-untyped-def]
    """The sample map with one more card per emotion, each in a column of its own."""
    journey = clothing_store()
    for tp in list(journey.touchpoints()):
        journey.apply(UpdateTouchpoint(tp.id, {"emotion": None}))
    for column, value in enumerate(emotions):
        tp = new_touchpoint(journey, f"Card {column}", "purchase", "touchpoints",
                            Slot(column=column + 5), emotion=value)  # fmt: skip
        journey.apply(AddTouchpoint(tp))
    return journey


def test_two_cards_at_minus_one_are_joined_without_a_dip() -> None:
    journey = _cards_in_a_row([0, -1, -1, 0])
    plot = layout_journey(journey).emotion["feeling"]
    line = plot.series[0]
    assert line.values == (0, -1, -1, 0)
    lowest = line.points[1][1]  # y grows downwards: −1 is the lowest point drawn
    for c1, c2, end in line.segments:
        assert c1[1] <= lowest + 1e-9
        assert c2[1] <= lowest + 1e-9
        assert end[1] <= lowest + 1e-9
    assert _overshoot(line) < 1e-9


@given(st.lists(st.integers(-2, 2), min_size=2, max_size=9))
def test_the_curve_never_leaves_the_range_of_the_points_it_joins(values: list[int]) -> None:
    plot = layout_journey(_cards_in_a_row(values)).emotion["feeling"]
    line = plot.series[0]
    assert list(line.values) == values
    assert _overshoot(line) < 1e-6


def test_the_slopes_are_fritsch_carlsons() -> None:
    """A turning point is flat; a steady rise keeps its slope; a steep step is limited."""
    assert emotion.monotone_slopes([0, 1, 2], [0, 1, 0]) == [1.0, 0.0, -1.0]
    assert emotion.monotone_slopes([0, 1, 2, 3], [0, 1, 2, 3]) == [1.0, 1.0, 1.0, 1.0]
    slopes = emotion.monotone_slopes([0, 1, 2, 3], [0, 0, 10, 10])
    assert slopes[1] == 0
    assert slopes[2] == 0
    assert emotion.monotone_slopes([0.0], [4.0]) == [0.0]


def test_persona_lines_are_named_at_their_ends() -> None:
    journey = clothing_store()
    plot = layout_journey(journey).emotion["feeling"]
    names = {p.id: p.name for p in journey.personas}
    labels = {label.persona: label for label in emotion.series_labels(plot, names)}
    assert set(labels) == {"maya", "tom"}
    for line in plot.series[1:]:
        label = labels[line.persona]
        end_x, end_y = line.points[-1]
        assert label.text == names[line.persona]
        assert label.x > end_x or label.x + label.width < end_x  # beside its end
        assert plot.plot.x <= label.x
        assert label.x + label.width <= plot.plot.right
        assert (
            abs(label.baseline - emotion.SERIES_FONT * 0.36 - end_y)
            < line_height(emotion.SERIES_FONT) * 2
        )


def test_names_ending_at_one_point_do_not_overlap() -> None:
    journey = clothing_store()
    for tp in journey.touchpoints():
        journey.apply(UpdateTouchpoint(tp.id, {"personas": ("maya", "tom")}))
    journey.apply(UpdatePersona("tom", {"name": "Tom, who buys for the whole family"}))
    plot = layout_journey(journey).emotion["feeling"]
    names = {p.id: p.name for p in journey.personas}
    first, second = sorted(emotion.series_labels(plot, names), key=lambda lb: lb.baseline)
    assert second.baseline - first.baseline >= line_height(emotion.SERIES_FONT) - 1e-9


def test_the_lane_is_tall_enough_to_read_and_its_labels_clear_its_name() -> None:
    journey = clothing_store()
    result = layout_journey(journey)
    plot = result.emotion["feeling"].plot
    scale = journey.info.emotion_scale
    assert plot.h >= 40 * (scale.maximum - scale.minimum)  # 40 pt per step of the scale
    journey.apply(UpdateLane("feeling", {"name": "How the customer feels at every step"}))
    result = layout_journey(journey)
    row, plot = result.lanes["feeling"], result.emotion["feeling"].plot
    titles = result.lane_titles["feeling"]
    title_bottom = row.y + 14 + len(titles) * line_height(11.0)
    widest = max(text_width(line, 11.0, True) for line in titles)
    label_left = emotion.LABEL_RIGHT - text_width(scale.label(scale.maximum), 8.5)
    assert 14 + widest > label_left  # the name reaches the best level's label …
    assert plot.y - 6 > title_bottom  # … so the plot starts below it
    assert plot.x > LANE_HEADER_W
