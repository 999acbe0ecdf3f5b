"""The emotion lane of a poster: a guide, a face and a label for every level of the
scale, the curves (the average line, and one per persona), and each persona's name at
the end of its line — the numbers of `journeymapper.layout.emotion`, as on the canvas.
"""

from __future__ import annotations

from journeymapper.io.poster.grid import LANE_TINTS, MAIN_LINE
from journeymapper.io.poster.look import Look
from journeymapper.io.poster.pen import Pen
from journeymapper.io.poster.stamps import STAMP_GRID, Stamps
from journeymapper.layout.emotion import (
    LABEL_RIGHT,
    SCALE_FACE,
    SERIES_FONT,
    label_text,
    scale_levels,
    series_labels,
)
from journeymapper.layout.geometry import (
    LANE_HEADER_W,
    SMALL_FONT,
    EmotionPlot,
    MapLayout,
    emotion_y,
)
from journeymapper.look.palette import (
    CARD,
    MUTED_INK,
    PAPER,
    emotion_color,
    emotion_fraction,
    mix,
)
from journeymapper.model.schema import LaneKind


def draw_emotion(pen: Pen, stamps: Stamps, layout: MapLayout, look: Look) -> None:
    """Each emotion lane: level guides with their faces and labels, the curves, names."""
    scale = look.journey.info.emotion_scale
    steps = range(scale.minimum, scale.maximum + 1)
    for plot in layout.emotion.values():
        levels = scale_levels(scale, plot.plot.h)
        pen.line_width(1.0)
        for value in steps if len(steps) <= 11 else levels:
            y = emotion_y(plot.plot, value, scale)
            pen.stroke_color("#D5DBE3" if value == 0 else "#E6EAF0")
            pen.dash(*((0, 0) if value == 0 else (4, 2)))
            pen.line(plot.plot.x, y, plot.plot.right, y)
        pen.dash()
        x = LANE_HEADER_W - SCALE_FACE - 8
        pen.fill_color(MUTED_INK)
        for value in levels:
            y = emotion_y(plot.plot, value, scale)
            form = stamps.face(emotion_fraction(value, scale), emotion_color(value, scale))
            pen.form(form, x, y - SCALE_FACE / 2, SCALE_FACE / STAMP_GRID)
            pen.fill_color(MUTED_INK)
            pen.text_right(LABEL_RIGHT, y + SMALL_FONT * 0.36, label_text(scale, value), SMALL_FONT)
        _draw_series(pen, plot, look)
        _draw_names(pen, plot, look)


def _draw_series(pen: Pen, plot: EmotionPlot, look: Look) -> None:
    """Persona lines (thin, or bold when highlighted), then the average line and its dots."""
    scale = look.journey.info.emotion_scale
    colors = {p.id: p.color for p in look.journey.personas}
    chosen = look.persona.id if look.persona else None
    pen.round_caps()
    dotted = []
    for series in plot.series[1:]:
        if not series.points:
            continue
        strong = series.persona == chosen
        color = colors.get(series.persona or "", MUTED_INK)
        faded = 0.45 if chosen is None else 0.75
        pen.stroke_color(color if strong else mix(color, PAPER, faded))
        pen.line_width(3.2 if strong else 1.6)
        if len(series.points) > 1:
            pen.bezier(series.points[0], *series.segments)
        if strong:
            dotted.append(series)
    main = plot.series[0] if plot.series else None
    if main is not None and main.points:
        pen.stroke_color(mix(MAIN_LINE, PAPER, 0.65) if chosen else MAIN_LINE)
        pen.line_width(2.6)
        if len(main.points) > 1:
            pen.bezier(main.points[0], *main.segments)
        if not chosen:
            dotted.append(main)
    pen.stroke_color(CARD)
    pen.line_width(1.5)
    for series in dotted:
        for (x, y), value in zip(series.points, series.values, strict=True):
            pen.fill_color(emotion_color(round(value), scale))
            pen.circle(x, y, 4.5, "B")


def _draw_names(pen: Pen, plot: EmotionPlot, look: Look) -> None:
    """Each persona's name at the end of its line, in its colour, on the lane's tint."""
    personas = {p.id: p for p in look.journey.personas}
    chosen = look.persona.id if look.persona else None
    names = {p.id: p.name for p in personas.values()}
    tint = LANE_TINTS[LaneKind.EMOTION]
    for label in series_labels(plot, names):
        color = personas[label.persona].color
        if chosen is not None and label.persona != chosen:
            color = mix(color, PAPER, 0.6)
        top = label.baseline - SERIES_FONT * 0.95
        pen.fill_color(tint)
        pen.round_rect(label.x - 2, top, label.width + 4, SERIES_FONT * 1.3, 2.0)
        pen.fill_color(color)
        pen.text(label.x, label.baseline, label.text, SERIES_FONT, bold=True)
