"""The emotion lane's geometry: how tall it is, where its plot sits, the curves through
the cards' emotions, and where each persona's line is labelled.

The canvas, the poster and the SVG all draw these numbers, so the three agree.

The curves are monotone cubic Hermite splines after F. N. Fritsch and R. E. Carlson,
"Monotone Piecewise Cubic Interpolation", SIAM Journal on Numerical Analysis 17(2),
1980: between two points a curve never leaves the range of their values, so two cards
at −1 joined by it never dip below −1 and a rise never overshoots the higher card
(the Catmull-Rom curve used before did both).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from journeymapper.layout.geometry import (
    CELL_PAD,
    EMOTION_MARGIN,
    LANE_FONT,
    LANE_HEADER_W,
    SMALL_FONT,
    EmotionPlot,
    EmotionSeries,
    Point,
    Rect,
    emotion_y,
)
from journeymapper.layout.text import elide, line_height, text_width
from journeymapper.model.schema import EmotionScale

SCALE_FACE = 12.0  # the face beside each level of the scale, in the lane's header
LABEL_RIGHT = LANE_HEADER_W - SCALE_FACE - 12  # scale labels end here, their faces follow
LEVEL_H = 40.0  # the plot's height per step of the scale: legible at fit zoom
MIN_PLOT_H = 120.0
MAX_PLOT_H = 240.0
CAPTION_W = 15 + text_width("Emotion", SMALL_FONT)  # the header's kind caption, icon and all
SERIES_FONT = 10.0  # a persona's name at the end of its line
SERIES_GAP = 7.0


@dataclass(frozen=True, slots=True)
class SeriesLabel:
    """A persona's name at the end of its line: `text`, `width` wide, from (x, baseline)."""

    persona: str
    text: str
    x: float
    baseline: float
    width: float


# ----- the lane -------------------------------------------------------------------


def scale_levels(scale: EmotionScale, plot_h: float) -> tuple[int, ...]:
    """The levels that get a face and a label: every one while they are a line of small
    text apart, otherwise the worst, neutral and the best."""
    steps = tuple(range(scale.minimum, scale.maximum + 1))
    if len(steps) < 2 or plot_h / (len(steps) - 1) >= line_height(SMALL_FONT):
        return steps
    return tuple(sorted({scale.minimum, 0, scale.maximum} & set(steps)))


def plot_height(scale: EmotionScale) -> float:
    return min(MAX_PLOT_H, max(MIN_PLOT_H, LEVEL_H * (scale.maximum - scale.minimum)))


@lru_cache(maxsize=64)
def top_margin(title: tuple[str, ...], scale: EmotionScale) -> float:
    """Room above the plot's best level. The lane's name and kind caption sit in the
    header's top-left corner and the scale's labels, right-aligned before their faces,
    share the header: when the name reaches the best level's label, the plot starts
    below the name, so every label is printed whole."""
    header_bottom = CELL_PAD + len(title) * line_height(LANE_FONT) + 3 + 12
    block = max([CAPTION_W, *(text_width(line, LANE_FONT, True) for line in title)])
    widest = max(
        text_width(label_text(scale, v), SMALL_FONT)
        for v in scale_levels(scale, plot_height(scale))
    )
    if CELL_PAD + block + 6 <= LABEL_RIGHT - widest:
        return EMOTION_MARGIN
    return max(EMOTION_MARGIN, header_bottom + SCALE_FACE / 2 + 2)


def label_text(scale: EmotionScale, value: int) -> str:
    """A level's label as the header prints it: elided to the header's room."""
    return elide(scale.label(value), SMALL_FONT, LABEL_RIGHT - 2 * CELL_PAD)


def lane_height(title: tuple[str, ...], scale: EmotionScale) -> float:
    """An emotion lane's height: its plot, the margins, and room for its name."""
    title_h = 2 * CELL_PAD + len(title) * line_height(LANE_FONT)
    return max(title_h, top_margin(title, scale) + plot_height(scale) + EMOTION_MARGIN)


def plot_rect(row: Rect, title: tuple[str, ...], scale: EmotionScale) -> Rect:
    """Where the curves go in an emotion lane's `row`: right of its header."""
    top = top_margin(title, scale)
    return Rect(
        LANE_HEADER_W + 6, row.y + top, row.w - LANE_HEADER_W - 12, row.h - top - EMOTION_MARGIN
    )


# ----- the curves -------------------------------------------------------------------


def series(
    persona: str | None, buckets: dict[float, list[int]], plot: Rect, scale: EmotionScale
) -> EmotionSeries:
    """One point per card column holding cards with an emotion: their mean, at its centre."""
    xs = sorted(buckets)
    values = tuple(sum(buckets[x]) / len(buckets[x]) for x in xs)
    points = tuple((x, emotion_y(plot, v, scale)) for x, v in zip(xs, values, strict=True))
    return EmotionSeries(persona, points, values, monotone_segments(points))


def monotone_slopes(xs: Sequence[float], ys: Sequence[float]) -> list[float]:
    """The tangent at each point of a monotone cubic through (xs, ys), xs increasing
    (Fritsch and Carlson, 1980, in the form of its three steps):

    1. the secants δk between neighbours; at an inner point the mean of its two
       secants, or 0 where the data turns (a local extreme stays flat);
    2. a flat segment (δk = 0) makes both of its tangents 0;
    3. where α = m_k/δk and β = m_k+1/δk leave the circle α² + β² ≤ 9, both are scaled
       back onto it, which keeps the segment's cubic monotone.
    """
    n = len(xs)
    if n < 2:
        return [0.0] * n
    secants = [(ys[k + 1] - ys[k]) / (xs[k + 1] - xs[k]) for k in range(n - 1)]
    slopes = [secants[0]]
    for k in range(1, n - 1):
        before, after = secants[k - 1], secants[k]
        slopes.append((before + after) / 2 if before * after > 0 else 0.0)
    slopes.append(secants[-1])
    for k, delta in enumerate(secants):
        if delta == 0:
            slopes[k] = slopes[k + 1] = 0.0
            continue
        alpha, beta = slopes[k] / delta, slopes[k + 1] / delta
        radius = math.hypot(alpha, beta)
        if radius > 3:
            slopes[k] = 3 / radius * alpha * delta
            slopes[k + 1] = 3 / radius * beta * delta
    return slopes


def monotone_segments(points: Sequence[Point]) -> tuple[tuple[Point, Point, Point], ...]:
    """The monotone cubic through `points` as cubic Bézier segments (c1, c2, end): a
    Hermite segment of width h with tangents m0, m1 has its control points a third of
    the way along, at heights y0 + m0·h/3 and y1 − m1·h/3."""
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    slopes = monotone_slopes(xs, ys)
    segments = []
    for k in range(len(points) - 1):
        third = (xs[k + 1] - xs[k]) / 3
        c1 = (xs[k] + third, ys[k] + slopes[k] * third)
        c2 = (xs[k + 1] - third, ys[k + 1] - slopes[k + 1] * third)
        segments.append((c1, c2, points[k + 1]))
    return tuple(segments)


# ----- the personas' names ----------------------------------------------------------


def series_labels(plot: EmotionPlot, names: Mapping[str, str]) -> tuple[SeriesLabel, ...]:
    """Each persona line's name at its end, right of its last point (left of it where
    the plot ends first), nudged down so two names ending together never overlap."""
    step = line_height(SERIES_FONT)
    wanted = []
    for line in plot.series:
        if line.persona is None or not line.points or line.persona not in names:
            continue
        x, y = line.points[-1]
        room = plot.plot.right - x - SERIES_GAP
        left = x - SERIES_GAP - plot.plot.x
        name = names[line.persona]
        if room >= min(text_width(name, SERIES_FONT, True), 60.0) or room >= left:
            text = elide(name, SERIES_FONT, room, True)
            start = x + SERIES_GAP
        else:
            text = elide(name, SERIES_FONT, left, True)
            start = x - SERIES_GAP - text_width(text, SERIES_FONT, True)
        wanted.append((y, start, line.persona, text))
    placed: list[tuple[float, SeriesLabel]] = []
    for y, start, persona, text in sorted(wanted):
        width = text_width(text, SERIES_FONT, True)
        middle = y
        for other_middle, other in sorted(placed, key=lambda p: p[0]):
            beside = start < other.x + other.width and other.x < start + width
            if beside and abs(middle - other_middle) < step:
                middle = other_middle + step
        label = SeriesLabel(persona, text, start, middle + SERIES_FONT * 0.36, width)
        placed.append((middle, label))
    return tuple(label for _, label in placed)
