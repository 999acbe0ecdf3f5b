"""The stage × lane grid of a poster: cells, headers, notes, lists and the emotion lane.

Everything is drawn from `MapLayout` in layout coordinates (y down), in the canvas's
colours and proportions (lane tints by kind, a stage-coloured bar over each stage, a
kind-coloured strip on each lane header), so the poster reads as the map on screen.
"""

from __future__ import annotations

from journeymapper.io.poster.look import Look
from journeymapper.io.poster.pen import Pen
from journeymapper.io.poster.stamps import STAMP_GRID, Stamps
from journeymapper.layout.geometry import (
    BULLET_INDENT,
    CELL_PAD,
    LANE_FONT,
    LANE_HEADER_W,
    PHASE_FONT,
    SMALL_FONT,
    STAGE_FONT,
    TEXT_FONT,
    MapLayout,
    baselines,
)
from journeymapper.layout.text import line_height
from journeymapper.look.palette import (
    GRID,
    INK,
    LANE_HEADER,
    MUTED_INK,
    OPPORTUNITY,
    PAIN,
    PAPER,
    SELECTION,
    mix,
)
from journeymapper.model.catalog import PHASE_LABELS
from journeymapper.model.schema import LaneKind

STAGE_BAR = 5.0
HEADER_TINT = 0.86
KIND_STRIP = 3.0
FACE = 12.0
MAIN_LINE = "#475569"
BORDER = "#B8C2CF"
LANE_TINTS = {
    LaneKind.TOUCHPOINTS: "#FFFFFF",
    LaneKind.NOTES: "#FAFBFC",
    LaneKind.EMOTION: "#FBFBFE",
    LaneKind.PAIN_POINTS: "#FEF8F8",
    LaneKind.OPPORTUNITIES: "#F6FBF8",
}
KIND_COLORS = {
    LaneKind.TOUCHPOINTS: SELECTION,
    LaneKind.NOTES: MUTED_INK,
    LaneKind.EMOTION: "#E0A030",
    LaneKind.PAIN_POINTS: PAIN,
    LaneKind.OPPORTUNITIES: OPPORTUNITY,
}
KIND_CAPTIONS = {
    LaneKind.TOUCHPOINTS: "Touchpoints",
    LaneKind.NOTES: "Notes",
    LaneKind.EMOTION: "Emotion",
    LaneKind.PAIN_POINTS: "Pain points",
    LaneKind.OPPORTUNITIES: "Opportunities",
}


def draw_cells(pen: Pen, layout: MapLayout, look: Look) -> None:
    """Lane rows tinted by kind, stage headers tinted by stage, lane headers, grid lines."""
    pen.fill_color(PAPER)
    pen.rect(0, 0, layout.width, layout.height)
    for lane_id, row in layout.lanes.items():
        pen.fill_color(LANE_TINTS[layout.lane_kinds[lane_id]])
        pen.rect(LANE_HEADER_W, row.y, row.w - LANE_HEADER_W, row.h)
        pen.fill_color(LANE_HEADER)
        pen.rect(0, row.y, LANE_HEADER_W, row.h)
        pen.fill_color(KIND_COLORS[layout.lane_kinds[lane_id]])
        pen.rect(0, row.y, KIND_STRIP, row.h)
    for stage in look.journey.stages:
        column = layout.stages[stage.id]
        pen.fill_color(mix(stage.color, PAPER, HEADER_TINT))
        pen.rect(column.x, 0, column.w, layout.header_h)
        pen.fill_color(stage.color)
        pen.rect(column.x, 0, column.w, STAGE_BAR)
    pen.stroke_color(GRID)
    pen.line_width(1.0)
    pen.raw(
        " ".join(f"{r.x:.2f} 0 m {r.x:.2f} {layout.height:.2f} l" for r in layout.stages.values())
        + " "
        + " ".join(f"0 {r.y:.2f} m {layout.width:.2f} {r.y:.2f} l" for r in layout.lanes.values())
        + f" {LANE_HEADER_W:.2f} 0 m {LANE_HEADER_W:.2f} {layout.height:.2f} l S"
    )
    pen.stroke_color(BORDER)
    pen.line_width(1.2)
    pen.rect(0, 0, layout.width, layout.height, "S")


def draw_headers(pen: Pen, stamps: Stamps, layout: MapLayout, look: Look) -> None:
    """Stage titles, phases and card counts; lane titles and kinds, as the layout wrapped them."""
    counts: dict[str, int] = {}
    for tp in look.journey.touchpoints():
        counts[tp.stage] = counts.get(tp.stage, 0) + 1
    for stage in look.journey.stages:
        column = layout.stages[stage.id]
        lines = layout.stage_titles[stage.id]
        top = CELL_PAD - 1
        pen.fill_color(INK)
        for line, y in zip(lines, baselines(top, len(lines), STAGE_FONT), strict=True):
            pen.text(column.x + CELL_PAD, y, line, STAGE_FONT, bold=True)
        (y,) = baselines(top + len(lines) * line_height(STAGE_FONT), 1, PHASE_FONT)
        phase = PHASE_LABELS[stage.phase] if stage.phase else ""
        if phase and phase.casefold() != stage.name.casefold():
            pen.fill_color(mix(stage.color, INK, 0.35))
            pen.text(column.x + CELL_PAD, y, phase.upper(), PHASE_FONT, bold=True)
        n = counts.get(stage.id, 0)
        pen.fill_color(MUTED_INK)
        pen.text_right(
            column.right - CELL_PAD, y, f"{n} touchpoint{'s' if n != 1 else ''}", SMALL_FONT
        )
    for lane_id, lines in layout.lane_titles.items():
        _lane_header(pen, stamps, layout, look, lane_id, lines)


def _lane_header(
    pen: Pen, stamps: Stamps, layout: MapLayout, look: Look, lane_id: str, lines: tuple[str, ...]
) -> None:
    row = layout.lanes[lane_id]
    pen.fill_color(INK)
    for line, y in zip(lines, baselines(row.y + CELL_PAD, len(lines), LANE_FONT), strict=True):
        pen.text(CELL_PAD, y, line, LANE_FONT, bold=True)
    kind = layout.lane_kinds[lane_id]
    caption = KIND_CAPTIONS[kind]
    top = row.y + CELL_PAD + len(lines) * line_height(LANE_FONT) + 3
    if caption.casefold() == " ".join(lines).casefold() or top + 12 > row.bottom - 4:
        return
    pen.form(stamps.icon(kind.value, MUTED_INK), CELL_PAD, top, 11 / STAMP_GRID)
    pen.fill_color(MUTED_INK)
    (y,) = baselines(top - 0.5, 1, SMALL_FONT)
    pen.text(CELL_PAD + 15, y, caption, SMALL_FONT)


def draw_notes(pen: Pen, layout: MapLayout) -> None:
    pen.fill_color(INK)
    for (lane_id, stage_id), lines in layout.notes.items():
        x = layout.stages[stage_id].x + CELL_PAD
        top = layout.lanes[lane_id].y + CELL_PAD
        for line, y in zip(lines, baselines(top, len(lines), TEXT_FONT), strict=True):
            pen.text(x, y, line, TEXT_FONT)


def draw_lists(pen: Pen, layout: MapLayout) -> None:
    """Pain points and opportunities per stage, each after a dot in its lane's colour."""
    for (lane_id, stage_id), items in layout.lists.items():
        pain = layout.lane_kinds[lane_id] is LaneKind.PAIN_POINTS
        x = layout.stages[stage_id].x + CELL_PAD
        for item in items:
            ys = baselines(item.top, len(item.lines), TEXT_FONT)
            pen.fill_color(PAIN if pain else OPPORTUNITY)
            pen.circle(x + 3, ys[0] - TEXT_FONT * 0.33, 2.6)
            pen.fill_color(INK)
            for line, y in zip(item.lines, ys, strict=True):
                pen.text(x + BULLET_INDENT, y, line, TEXT_FONT)
