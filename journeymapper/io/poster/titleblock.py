"""The poster's title block: title, description, state, personas, date, coverage line.

Sizes are in furniture units: `f` times the points below, so the same block reads at
the right size whether the map is shrunk onto A3 or printed at 100 % over 40 sheets.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from journeymapper.io.poster.look import short_label
from journeymapper.io.poster.pen import Pen
from journeymapper.layout import baselines
from journeymapper.model.schema import MapState
from journeymapper.palette import INK, MUTED_INK, PAIN, PAPER, mix
from journeymapper.text import line_height, text_width, wrap

TITLE = 34.0
DESCRIPTION = 14.0
META = 11.5
PILL = 8.5
GAP = 8.0
STATE_COLORS = {MapState.CURRENT: "#334155", MapState.FUTURE: "#6D28D9"}
STATE_LABELS = {MapState.CURRENT: "CURRENT STATE", MapState.FUTURE: "FUTURE STATE"}
LEVEL_COLORS = {"error": PAIN, "warning": "#D97706", "info": "#2563EB", "ok": "#1E9E6A"}


@dataclass(frozen=True, slots=True)
class TitleInfo:
    title: str
    description: str
    state: MapState
    personas: tuple[str, ...]
    highlighted: str | None
    date: dt.date
    coverage: str = ""
    level: str = "ok"
    """The worst finding's severity (`error`, `warning`, `info`) or `ok`: the dot's colour."""

    def with_coverage(self, coverage: str, level: str) -> TitleInfo:
        return replace(self, coverage=coverage, level=level)


def measure(info: TitleInfo, width: float, f: float) -> float:
    """The height of the title block `width` wide, at furniture factor `f`."""
    title = wrap(info.title, TITLE * f, width, True)
    height = len(title) * line_height(TITLE * f)
    if info.description:
        height += GAP * f + len(_description(info, width, f)) * line_height(DESCRIPTION * f)
    return height + 2 * GAP * f + 2 * line_height(META * f)


def _description(info: TitleInfo, width: float, f: float) -> tuple[str, ...]:
    return wrap(info.description, DESCRIPTION * f, width)


def draw(pen: Pen, info: TitleInfo, width: float, f: float) -> None:
    """The block with its top-left corner at the origin."""
    title = wrap(info.title, TITLE * f, width, True)
    pen.fill_color(INK)
    for line, y in zip(title, baselines(0, len(title), TITLE * f), strict=True):
        pen.text(0, y, line, TITLE * f, bold=True)
    top = len(title) * line_height(TITLE * f)
    if info.description:
        top += GAP * f
        lines = _description(info, width, f)
        pen.fill_color(MUTED_INK)
        for line, y in zip(lines, baselines(top, len(lines), DESCRIPTION * f), strict=True):
            pen.text(0, y, line, DESCRIPTION * f)
        top += len(lines) * line_height(DESCRIPTION * f)
    top += GAP * f
    _draw_meta(pen, info, top, width, f)
    top += line_height(META * f) + GAP * f
    _draw_coverage(pen, info, top, width, f)


def _draw_meta(pen: Pen, info: TitleInfo, top: float, width: float, f: float) -> None:
    (y,) = baselines(top, 1, META * f)
    label = STATE_LABELS[info.state]
    pill_w = text_width(label, PILL * f, True) + 12 * f
    pill_h = line_height(META * f)
    pen.fill_color(STATE_COLORS[info.state])
    pen.round_rect(0, top, pill_w, pill_h, pill_h / 2)
    pen.fill_color(PAPER)
    pen.text(6 * f, top + pill_h / 2 + PILL * f * 0.36, label, PILL * f, bold=True)
    parts = []
    if info.personas:
        parts.append(
            ("Personas: " if len(info.personas) > 1 else "Persona: ") + ", ".join(info.personas)
        )
    if info.highlighted:
        parts.append(f"highlighted: {info.highlighted}")
    parts.append(f"{info.date.day} {info.date:%B %Y}")
    x = pill_w + 10 * f
    text = short_label("  ·  ".join(parts), META * f, max(width - x, 40 * f))
    pen.fill_color(INK)
    pen.text(x, y, text, META * f)


def _draw_coverage(pen: Pen, info: TitleInfo, top: float, width: float, f: float) -> None:
    (y,) = baselines(top, 1, META * f)
    radius = META * f * 0.32
    pen.fill_color(LEVEL_COLORS.get(info.level, MUTED_INK))
    pen.circle(radius, top + line_height(META * f) / 2, radius)
    pen.fill_color(mix(INK, MUTED_INK, 0.5))
    x = 2 * radius + 7 * f
    pen.text(x, y, short_label(info.coverage, META * f, max(width - x, 40 * f)), META * f)
