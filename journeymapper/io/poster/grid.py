"""The stage × lane grid of a poster: cells, headers, notes, lists and the emotion lane.

Everything is drawn from `MapLayout` in layout coordinates (y down); nothing here
measures or wraps map content itself.
"""

from __future__ import annotations

from journeymapper.io.poster.look import Look
from journeymapper.io.poster.pen import Pen
from journeymapper.io.poster.stamps import STAMP_GRID, Stamps
from journeymapper.layout import (
    BULLET_INDENT,
    CELL_PAD,
    LANE_FONT,
    LANE_HEADER_W,
    PHASE_FONT,
    SMALL_FONT,
    STAGE_FONT,
    TEXT_FONT,
    EmotionPlot,
    MapLayout,
    baselines,
    emotion_y,
)
from journeymapper.model.catalog import PHASE_LABELS
from journeymapper.model.schema import LaneKind
from journeymapper.palette import (
    GRID,
    INK,
    LANE_HEADER,
    MUTED_INK,
    OPPORTUNITY,
    PAIN,
    PAPER,
    emotion_color,
    mix,
)
from journeymapper.text import line_height

STAGE_BAR = 5.0
CELL_TINT = 0.94
HEADER_TINT = 0.80


def draw_cells(pen: Pen, layout: MapLayout, look: Look) -> None:
    """Cell backgrounds tinted by stage, header backgrounds, and the grid lines."""
    stages = look.journey.stages
    pen.fill_color(PAPER)
    pen.rect(0, 0, layout.width, layout.height)
    for stage in stages:
        column = layout.stages[stage.id]
        pen.fill_color(mix(stage.color, PAPER, CELL_TINT))
        pen.rect(column.x, layout.header_h, column.w, layout.height - layout.header_h)
        pen.fill_color(mix(stage.color, PAPER, HEADER_TINT))
        pen.rect(column.x, 0, column.w, layout.header_h)
        pen.fill_color(stage.color)
        pen.rect(column.x, 0, column.w, STAGE_BAR)
    pen.fill_color(LANE_HEADER)
    pen.rect(0, 0, LANE_HEADER_W, layout.height)
    pen.stroke_color(GRID)
    pen.line_width(0.8)
    for rect in layout.lanes.values():
        pen.line(0, rect.y, layout.width, rect.y)
    for rect in layout.stages.values():
        pen.line(rect.x, 0, rect.x, layout.height)
    pen.stroke_color(mix(GRID, INK, 0.25))
    pen.line_width(1.2)
    pen.rect(0, 0, layout.width, layout.height, "S")


def draw_headers(pen: Pen, layout: MapLayout, look: Look) -> None:
    """Stage titles with their phase, and lane titles, as the layout wrapped them."""
    pen.fill_color(INK)
    for stage in look.journey.stages:
        column = layout.stages[stage.id]
        lines = layout.stage_titles[stage.id]
        top = CELL_PAD - 2 + STAGE_BAR / 2
        for line, y in zip(lines, baselines(top, len(lines), STAGE_FONT), strict=True):
            pen.text(column.x + CELL_PAD, y, line, STAGE_FONT, bold=True)
        if stage.phase is not None:
            phase_top = top + len(lines) * line_height(STAGE_FONT)
            pen.fill_color(mix(stage.color, INK, 0.45))
            (y,) = baselines(phase_top, 1, PHASE_FONT)
            pen.text(column.x + CELL_PAD, y, PHASE_LABELS[stage.phase].upper(), PHASE_FONT)
            pen.fill_color(INK)
    for lane_id, lines in layout.lane_titles.items():
        row = layout.lanes[lane_id]
        for line, y in zip(lines, baselines(row.y + CELL_PAD, len(lines), LANE_FONT), strict=True):
            pen.text(CELL_PAD, y, line, LANE_FONT, bold=True)


def draw_notes(pen: Pen, layout: MapLayout) -> None:
    pen.fill_color(INK)
    for (lane_id, stage_id), lines in layout.notes.items():
        x = layout.stages[stage_id].x + CELL_PAD
        top = layout.lanes[lane_id].y + CELL_PAD
        for line, y in zip(lines, baselines(top, len(lines), TEXT_FONT), strict=True):
            pen.text(x, y, line, TEXT_FONT)


def draw_lists(pen: Pen, stamps: Stamps, layout: MapLayout) -> None:
    """Pain points and opportunities per stage, each with its marker as the bullet."""
    bullet = TEXT_FONT * 0.95
    for (lane_id, stage_id), items in layout.lists.items():
        pain = layout.lane_kinds[lane_id] is LaneKind.PAIN_POINTS
        form = stamps.icon("pain" if pain else "opportunity", PAIN if pain else OPPORTUNITY)
        x = layout.stages[stage_id].x + CELL_PAD
        pen.fill_color(INK)
        for item in items:
            ys = baselines(item.top, len(item.lines), TEXT_FONT)
            pen.form(form, x - 1, ys[0] - bullet * 0.85, bullet / STAMP_GRID)
            for line, y in zip(item.lines, ys, strict=True):
                pen.text(x + BULLET_INDENT, y, line, TEXT_FONT)


def draw_emotion(pen: Pen, layout: MapLayout, look: Look) -> None:
    """Each emotion lane: level guides, their labels in the lane header, and the curves."""
    scale = look.journey.info.emotion_scale
    levels = list(range(scale.minimum, scale.maximum + 1))
    if len(levels) > 11:
        levels = sorted({scale.minimum, 0, scale.maximum})
    for lane_id, plot in layout.emotion.items():
        row = layout.lanes[lane_id]
        title_bottom = row.y + CELL_PAD + len(layout.lane_titles[lane_id]) * line_height(LANE_FONT)
        pen.stroke_color(GRID)
        pen.line_width(0.6)
        pen.dash(2, 3)
        for value in levels:
            y = emotion_y(plot.plot, value, scale)
            pen.line(plot.plot.x, y, plot.plot.right, y)
        pen.dash()
        for value in levels:
            y = emotion_y(plot.plot, value, scale)
            if y - SMALL_FONT < title_bottom:
                continue
            pen.fill_color(emotion_color(value, scale))
            pen.circle(LANE_HEADER_W - CELL_PAD + 4, y, 2.6)
            pen.fill_color(MUTED_INK)
            pen.text_right(
                LANE_HEADER_W - CELL_PAD - 2, y + SMALL_FONT * 0.35, scale.label(value), SMALL_FONT
            )
        _draw_series(pen, plot, look)


def _draw_series(pen: Pen, plot: EmotionPlot, look: Look) -> None:
    scale = look.journey.info.emotion_scale
    colors = {p.id: p.color for p in look.journey.personas}
    chosen = look.persona.id if look.persona else None
    main = None
    pen.round_caps()
    for series in plot.series:
        if series.persona is None:
            main = series
            continue
        if len(series.points) < 2 or (chosen and series.persona != chosen):
            continue
        color = colors.get(series.persona, MUTED_INK)
        pen.stroke_color(color)
        pen.line_width(3.0 if chosen else 1.4)
        if not chosen:
            pen.dash(5, 3)
        pen.bezier(series.points[0], *series.segments)
        pen.dash()
    if main is None or not main.points:
        return
    if len(main.points) > 1:
        pen.stroke_color(mix(INK, PAPER, 0.6) if chosen else INK)
        pen.line_width(1.2 if chosen else 2.2)
        pen.bezier(main.points[0], *main.segments)
    shown = main
    if chosen:
        shown = next((s for s in plot.series if s.persona == chosen), main)
    pen.stroke_color(PAPER)
    pen.line_width(1.2)
    for (x, y), value in zip(shown.points, shown.values, strict=True):
        pen.fill_color(emotion_color(round(value), scale))
        pen.circle(x, y, 4.2, "B")
