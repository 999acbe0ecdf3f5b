"""The stage × lane grid in SVG: lanes, stages, note and list cells, emotion curves.

Each lane is a `<g class="lane" data-id=… data-kind=…>` holding its row and header,
each stage a `<g class="stage" data-id=…>` holding its header; cells and curves are
groups of their own, all in the layout's coordinates and the poster's colours.
"""

from __future__ import annotations

from journeymapper.io.svg.markup import attrs, element, num, text
from journeymapper.layout.emotion import series_labels
from journeymapper.layout.geometry import (
    BULLET_INDENT,
    CELL_PAD,
    LANE_FONT,
    LANE_HEADER_W,
    PHASE_FONT,
    STAGE_FONT,
    TEXT_FONT,
    MapLayout,
    baselines,
)
from journeymapper.layout.text import line_height
from journeymapper.look.palette import LANE_HEADER, MUTED_INK, OPPORTUNITY, PAIN, mix
from journeymapper.model.catalog import PHASE_LABELS
from journeymapper.model.document import Journey
from journeymapper.model.schema import LaneKind

LANE_TINTS = {
    LaneKind.TOUCHPOINTS: "#FFFFFF",
    LaneKind.NOTES: "#FAFBFC",
    LaneKind.EMOTION: "#FBFBFE",
    LaneKind.PAIN_POINTS: "#FEF8F8",
    LaneKind.OPPORTUNITIES: "#F6FBF8",
}


def lanes(layout: MapLayout) -> list[str]:
    out = ['<g class="lanes">']
    for lane_id, row in layout.lanes.items():
        kind = layout.lane_kinds[lane_id]
        out.append(f"<g{attrs(class_='lane', data_id=lane_id, data_kind=kind.value)}>")
        out.append(element("rect", class_="lane-row", x=row.x, y=row.y, width=row.w,
                           height=row.h, fill=LANE_TINTS[kind]))  # fmt: skip
        out.append(element("rect", class_="lane-header", x=0.0, y=row.y, width=LANE_HEADER_W,
                           height=row.h, fill=LANE_HEADER))  # fmt: skip
        lines = layout.lane_titles[lane_id]
        for line, y in zip(lines, baselines(row.y + CELL_PAD, len(lines), LANE_FONT), strict=True):
            out.append(text(CELL_PAD, y, line, "lane-title"))
        out.append("</g>")
    out.append("</g>")
    return out


def stages(layout: MapLayout, journey: Journey) -> list[str]:
    counts: dict[str, int] = {}
    for card_id in layout.cards:
        stage_id = journey.touchpoint(card_id).stage
        counts[stage_id] = counts.get(stage_id, 0) + 1
    out = ['<g class="stages">']
    for stage in journey.stages:
        column = layout.stages[stage.id]
        header = layout.stage_header(stage.id)
        out.append(f"<g{attrs(class_='stage', data_id=stage.id, data_phase=stage.phase)}>")
        out.append(element("rect", class_="stage-header", x=header.x, y=header.y,
                           width=header.w, height=header.h,
                           fill=mix(stage.color, "#FFFFFF", 0.86)))  # fmt: skip
        out.append(element("rect", class_="stage-bar", x=header.x, y=0.0, width=header.w,
                           height=5.0, fill=stage.color))  # fmt: skip
        out.append(element("line", class_="stage-edge", x1=column.x, y1=0.0, x2=column.x,
                           y2=column.bottom))  # fmt: skip
        lines = layout.stage_titles[stage.id]
        top = CELL_PAD - 1
        for line, y in zip(lines, baselines(top, len(lines), STAGE_FONT), strict=True):
            out.append(text(column.x + CELL_PAD, y, line, "stage-title"))
        (y,) = baselines(top + len(lines) * line_height(STAGE_FONT), 1, PHASE_FONT)
        phase = PHASE_LABELS[stage.phase] if stage.phase else ""
        if phase and phase.casefold() != stage.name.casefold():
            out.append(text(column.x + CELL_PAD, y, phase.upper(), "stage-phase"))
        n = counts.get(stage.id, 0)
        label = f"{n} touchpoint{'s' if n != 1 else ''}"
        out.append(text(column.right - CELL_PAD, y, label, "stage-count", text_anchor="end"))
        out.append("</g>")
    out.append("</g>")
    return out


def cells(layout: MapLayout) -> list[str]:
    """Notes and the pain points and opportunities of every stage, as text."""
    out = ['<g class="cells">']
    for (lane_id, stage_id), lines in layout.notes.items():
        x = layout.stages[stage_id].x + CELL_PAD
        top = layout.lanes[lane_id].y + CELL_PAD
        out.append(f"<g{attrs(class_='notes', data_lane=lane_id, data_stage=stage_id)}>")
        for line, y in zip(lines, baselines(top, len(lines), TEXT_FONT), strict=True):
            out.append(text(x, y, line, "note"))
        out.append("</g>")
    for (lane_id, stage_id), items in layout.lists.items():
        pain = layout.lane_kinds[lane_id] is LaneKind.PAIN_POINTS
        x = layout.stages[stage_id].x + CELL_PAD
        kind = "pain-points" if pain else "opportunities"
        out.append(f"<g{attrs(class_=kind, data_lane=lane_id, data_stage=stage_id)}>")
        for item in items:
            ys = baselines(item.top, len(item.lines), TEXT_FONT)
            out.append(element("circle", class_="bullet", cx=x + 3, cy=ys[0] - TEXT_FONT * 0.33,
                               r=2.6, fill=PAIN if pain else OPPORTUNITY))  # fmt: skip
            for line, y in zip(item.lines, ys, strict=True):
                out.append(text(x + BULLET_INDENT, y, line, "list-item"))
        out.append("</g>")
    out.append("</g>")
    return out


def emotion(layout: MapLayout, journey: Journey) -> list[str]:
    """Each emotion lane's curves: the average line, and one line per persona, named at
    its end in its colour."""
    names = {p.id: p.name for p in journey.personas}
    colors = {p.id: p.color for p in journey.personas}
    out = ['<g class="emotion">']
    for lane_id, plot in layout.emotion.items():
        out.append(f"<g{attrs(class_='emotion-lane', data_lane=lane_id)}>")
        for series in reversed(plot.series):
            if len(series.points) < 2:
                continue
            d = f"M{num(series.points[0][0])},{num(series.points[0][1])}" + "".join(
                f" C{num(a[0])},{num(a[1])} {num(b[0])},{num(b[1])} {num(c[0])},{num(c[1])}"
                for a, b, c in series.segments
            )
            persona = series.persona
            color = "#475569" if persona is None else mix(colors.get(persona, MUTED_INK),
                                                           "#FFFFFF", 0.45)  # fmt: skip
            out.append(element("path", class_="emotion-line", data_persona=persona, d=d,
                               stroke=color, stroke_width=2.6 if persona is None else 1.6,
                               fill="none"))  # fmt: skip
        for label in series_labels(plot, names):
            ink = colors.get(label.persona, MUTED_INK)
            out.append(text(label.x, label.baseline, label.text, "persona-name",
                            data_persona=label.persona, fill=ink))  # fmt: skip
        out.append("</g>")
    out.append("</g>")
    return out
