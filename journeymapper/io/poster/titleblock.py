"""The poster's title block: title, description, state, personas, date, coverage line.

Sizes are in furniture units: `f` times the points below, so the same block reads at
the right size whether the map is shrunk onto A3 or printed at 100 % over 40 sheets.
Every text wraps to the block's width; nothing is cut.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from journeymapper.io.poster.pen import Pen
from journeymapper.layout.geometry import baselines
from journeymapper.layout.text import line_height, text_width, wrap
from journeymapper.look.palette import INK, MUTED_INK, PAIN, PAPER, mix
from journeymapper.model.schema import MapState

TITLE = 30.0
DESCRIPTION = 13.0
META = 10.5
PILL = 8.0
GAP = 7.0
MAX_WIDTH = 560.0
"""The widest the block grows (times f) when it shares the top with the legend."""
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

    @property
    def meta(self) -> str:
        parts = []
        if self.personas:
            label = "Personas: " if len(self.personas) > 1 else "Persona: "
            parts.append(label + ", ".join(self.personas))
        if self.highlighted:
            parts.append(f"highlighted: {self.highlighted}")
        parts.append(f"{self.date.day} {self.date:%B %Y}")
        return "  ·  ".join(parts)


@dataclass(frozen=True, slots=True)
class _Block:
    title: tuple[str, ...]
    description: tuple[str, ...]
    meta: tuple[str, ...]
    coverage: tuple[str, ...]
    indent: float
    f: float

    @property
    def height(self) -> float:
        f = self.f
        height = len(self.title) * line_height(TITLE * f)
        if self.description:
            height += GAP * f + len(self.description) * line_height(DESCRIPTION * f)
        height += GAP * f + len(self.meta) * line_height(META * f)
        if self.coverage:
            height += GAP * f * 0.6 + len(self.coverage) * line_height(META * f)
        return height


def _block(info: TitleInfo, width: float, f: float) -> _Block:
    indent = _pill_width(info, f) + 8 * f
    dot = META * f * 0.64 + 7 * f
    return _Block(
        title=wrap(info.title, TITLE * f, width, True),
        description=wrap(info.description, DESCRIPTION * f, width) if info.description else (),
        meta=wrap(info.meta, META * f, max(width - indent, 40 * f)),
        coverage=wrap(info.coverage, META * f, max(width - dot, 40 * f)) if info.coverage else (),
        indent=indent,
        f=f,
    )


def natural_width(info: TitleInfo, f: float, limit: float | None = None) -> float:
    """How wide the block would like to be: its longest unwrapped line, up to `limit`
    (MAX_WIDTH by default)."""
    widths = [
        text_width(info.title, TITLE * f, True),
        text_width(info.description, DESCRIPTION * f),
        _pill_width(info, f) + 8 * f + text_width(info.meta, META * f),
        (18 + 460) * f,  # room for a coverage line without wrapping it to shreds
    ]
    return min(max(widths), MAX_WIDTH * f if limit is None else limit)


def measure(info: TitleInfo, width: float, f: float) -> float:
    """The height of the title block `width` wide, at furniture factor `f`."""
    return _block(info, width, f).height


def draw(pen: Pen, info: TitleInfo, width: float, f: float) -> None:
    """The block with its top-left corner at the origin."""
    block = _block(info, width, f)
    top = _lines(pen, 0, 0, block.title, TITLE * f, INK, bold=True)
    if block.description:
        top = _lines(pen, 0, top + GAP * f, block.description, DESCRIPTION * f, MUTED_INK)
    top += GAP * f
    _draw_pill(pen, info, top, f)
    top = _lines(pen, block.indent, top, block.meta, META * f, INK)
    if block.coverage:
        top += GAP * f * 0.6
        radius = META * f * 0.32
        pen.fill_color(LEVEL_COLORS.get(info.level, MUTED_INK))
        pen.circle(radius, top + line_height(META * f) / 2, radius)
        color = mix(INK, MUTED_INK, 0.5)
        _lines(pen, 2 * radius + 7 * f, top, block.coverage, META * f, color)


def _lines(
    pen: Pen,
    x: float,
    top: float,
    lines: tuple[str, ...],
    size: float,
    color: str,
    bold: bool = False,
) -> float:
    """Draw `lines` from `top`; returns the y below them."""
    pen.fill_color(color)
    for line, y in zip(lines, baselines(top, len(lines), size), strict=True):
        pen.text(x, y, line, size, bold=bold)
    return top + len(lines) * line_height(size)


def _pill_width(info: TitleInfo, f: float) -> float:
    return text_width(STATE_LABELS[info.state], PILL * f, True) + 12 * f


def _draw_pill(pen: Pen, info: TitleInfo, top: float, f: float) -> None:
    label = STATE_LABELS[info.state]
    height = line_height(META * f)
    pen.fill_color(STATE_COLORS[info.state])
    pen.round_rect(0, top, _pill_width(info, f), height, height / 2)
    pen.fill_color(PAPER)
    pen.text(6 * f, top + height / 2 + PILL * f * 0.36, label, PILL * f, bold=True)
