"""The legend: what colours, badges, faces, markers, chips and arrows on the map mean.

Sections flow left to right and wrap to the poster's width. Each item shows the mark
exactly as the map draws it, so the legend is the key to the map and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from journeymapper.io.poster.cards import BADGE_COLORS, BADGES
from journeymapper.io.poster.grid import MAIN_LINE
from journeymapper.io.poster.pen import Pen
from journeymapper.io.poster.stamps import STAMP_GRID, Stamps
from journeymapper.layout.marks import MAX_VOTE_DOTS
from journeymapper.layout.text import text_width
from journeymapper.look.palette import (
    CONNECTION,
    INK,
    MUTED_INK,
    NO_CATEGORY,
    OPPORTUNITY,
    PAIN,
    PAPER,
    VOTE,
    category_color,
    emotion_color,
    emotion_fraction,
    mix,
)
from journeymapper.model.catalog import CATEGORY_LABELS, OWNERSHIP_LABELS
from journeymapper.model.document import Journey
from journeymapper.model.schema import Category, EmotionScale, Ownership

HEADING = 8.0
LABEL = 9.0
ROW = 15.0
MARK = 11.5
SECTION_GAP = 34.0
ROW_GAP = 14.0
MAX_ROWS = 6

Mark = Callable[[Pen, Stamps, float, float, float], None]
"""Draws an item's mark with its top-left at (x, y), `size` high."""


@dataclass(frozen=True, slots=True)
class Item:
    mark: Mark
    label: str


@dataclass(frozen=True, slots=True)
class Section:
    heading: str
    items: tuple[Item, ...]

    def size(self, f: float) -> tuple[float, float]:
        columns = _columns(self.items)
        widths = [max(text_width(i.label, LABEL * f) for i in col) for col in columns]
        items_w = sum(widths) + len(columns) * (MARK + 7) * f + (len(columns) - 1) * 16 * f
        width = max(text_width(self.heading, HEADING * f, True), items_w)
        rows = min(len(self.items), MAX_ROWS)
        return width, (HEADING * 1.6 + rows * ROW) * f


def _columns(items: tuple[Item, ...]) -> list[tuple[Item, ...]]:
    return [items[i : i + MAX_ROWS] for i in range(0, len(items), MAX_ROWS)]


def sections(journey: Journey, highlighted: str | None) -> tuple[Section, ...]:
    """The legend of `journey`: only what can appear on its map, always the basics."""
    tps = list(journey.touchpoints())
    result = [_categories(any(tp.category is None for tp in tps)), _ownership(), _emotion(journey)]
    result.append(_markers(bool(journey.personas)))
    if journey.personas:
        result.append(
            Section(
                "PERSONAS",
                tuple(
                    Item(
                        _chip(p.color, p.name),
                        p.name + (" (highlighted)" if p.id == highlighted else ""),
                    )
                    for p in journey.personas
                ),
            )
        )
    flow = [
        Item(_arrow, "The customer's next step"),
        Item(_curve(MAIN_LINE, 0.2), "Emotion, average per card column"),
    ]
    if journey.personas:
        color = next((p.color for p in journey.personas if p.id == highlighted), MUTED_INK)
        flow.append(Item(_curve(color, 0.12), "Emotion of one persona (its colour)"))
    result.append(Section("FLOW", tuple(flow)))
    return tuple(result)


def _categories(with_none: bool) -> Section:
    items = [Item(_swatch(category_color(c)), CATEGORY_LABELS[c]) for c in Category]
    if with_none:
        items.append(Item(_swatch(NO_CATEGORY), "No category"))
    return Section("CHANNEL CATEGORY", tuple(items))


def _ownership() -> Section:
    return Section(
        "OWNERSHIP",
        (
            Item(_badge(None), OWNERSHIP_LABELS[Ownership.OWNED] + " (no badge)"),
            Item(_badge(Ownership.PAID), OWNERSHIP_LABELS[Ownership.PAID]),
            Item(_badge(Ownership.EARNED), OWNERSHIP_LABELS[Ownership.EARNED]),
        ),
    )


def _emotion(journey: Journey) -> Section:
    scale = journey.info.emotion_scale
    values = list(range(scale.maximum, scale.minimum - 1, -1))
    if len(values) > MAX_ROWS:
        values = sorted({scale.maximum, 0, scale.minimum}, reverse=True)
    items = tuple(
        Item(_face(emotion_fraction(v, scale), emotion_color(v, scale)), _emotion_label(scale, v))
        for v in values
    )
    return Section("EMOTION", items)


def _emotion_label(scale: EmotionScale, value: int) -> str:
    """`Pleased (+1)`; a scale without labels shows just the number."""
    number = f"{value:+d}" if value else "0"
    label = scale.label(value)
    return number if label in (number, f"{value:+d}") else f"{label} ({number})"


def _markers(personas: bool) -> Section:
    items = [
        Item(_icon("pain", PAIN), "Pain points (count)"),
        Item(_icon("opportunity", OPPORTUNITY), "Opportunities (count)"),
        Item(_votes, f"Dot votes (a dot each; past {MAX_VOTE_DOTS}, their count)"),
    ]
    if personas:
        items.append(Item(_chip(MUTED_INK, "P"), "Personas it applies to (their colour)"))
    return Section("MARKERS ON CARDS", tuple(items))


def _swatch(color: str) -> Mark:
    def mark(pen: Pen, stamps: Stamps, x: float, y: float, size: float) -> None:
        pen.fill_color(color)
        pen.round_rect(x, y, size, size, size * 0.22)

    return mark


def _badge(ownership: Ownership | None) -> Mark:
    def mark(pen: Pen, stamps: Stamps, x: float, y: float, size: float) -> None:
        if ownership is None:
            pen.stroke_color(MUTED_INK)
            pen.line_width(size * 0.07)
            pen.round_rect(x, y, size, size, size * 0.22, "S")
            return
        pen.fill_color(BADGE_COLORS[ownership])
        pen.round_rect(x, y, size, size, size * 0.22)
        pen.fill_color(PAPER)
        pen.text_centred(x + size / 2, y + size * 0.74, BADGES[ownership], size * 0.68, bold=True)

    return mark


def _face(fraction: float, color: str) -> Mark:
    def mark(pen: Pen, stamps: Stamps, x: float, y: float, size: float) -> None:
        pen.form(stamps.face(fraction, color), x, y, size / STAMP_GRID)

    return mark


def _icon(name: str, color: str) -> Mark:
    def mark(pen: Pen, stamps: Stamps, x: float, y: float, size: float) -> None:
        pen.form(stamps.icon(name, color), x, y, size / STAMP_GRID)

    return mark


def _chip(color: str, name: str) -> Mark:
    """A persona dot, as on the cards' marker row."""

    def mark(pen: Pen, stamps: Stamps, x: float, y: float, size: float) -> None:
        r = size * 0.42
        pen.fill_color(color)
        pen.circle(x + size / 2, y + size / 2, r)

    return mark


def _votes(pen: Pen, stamps: Stamps, x: float, y: float, size: float) -> None:
    pen.fill_color(VOTE)
    pen.stroke_color(PAPER)
    pen.line_width(size * 0.08)
    for i in range(3):
        pen.circle(x + size * (0.18 + i * 0.32), y + size / 2, size * 0.2, "B")


def _arrow(pen: Pen, stamps: Stamps, x: float, y: float, size: float) -> None:
    mid = y + size / 2
    pen.stroke_color(CONNECTION)
    pen.fill_color(CONNECTION)
    pen.line_width(size * 0.1)
    pen.line(x, mid, x + size * 0.5, mid)
    pen.polygon(
        [(x + size, mid), (x + size * 0.4, mid - size * 0.3), (x + size * 0.4, mid + size * 0.3)]
    )


def _curve(color: str, width: float) -> Mark:
    def mark(pen: Pen, stamps: Stamps, x: float, y: float, size: float) -> None:
        pen.stroke_color(color)
        pen.line_width(size * width)
        start = (x, y + size * 0.8)
        pen.bezier(
            start,
            (
                (x + size * 0.4, y - size * 0.1),
                (x + size * 0.6, y + size * 1.1),
                (x + size, y + size * 0.2),
            ),
        )

    return mark


def row_width(items: tuple[Section, ...], f: float) -> float:
    """The width of the legend with every section side by side in one row."""
    widths = [s.size(f)[0] for s in items]
    return sum(widths) + SECTION_GAP * f * max(0, len(widths) - 1)


def measure(items: tuple[Section, ...], width: float, f: float) -> float:
    return _arrange(items, width, f)[1]


def min_width(items: tuple[Section, ...], f: float) -> float:
    return max((s.size(f)[0] for s in items), default=0.0)


def _arrange(
    items: tuple[Section, ...], width: float, f: float
) -> tuple[list[tuple[Section, float, float]], float]:
    placed: list[tuple[Section, float, float]] = []
    x = y = row_h = 0.0
    for section in items:
        w, h = section.size(f)
        if x > 0 and x + w > width + 1e-6 * max(1.0, width):
            x, y = 0.0, y + row_h + ROW_GAP * f
            row_h = 0.0
        placed.append((section, x, y))
        x += w + SECTION_GAP * f
        row_h = max(row_h, h)
    return placed, y + row_h


def draw(pen: Pen, stamps: Stamps, items: tuple[Section, ...], width: float, f: float) -> None:
    """The legend with its top-left corner at the origin."""
    placed, _ = _arrange(items, width, f)
    for section, x, y in placed:
        pen.fill_color(MUTED_INK)
        pen.text(x, y + HEADING * f, section.heading, HEADING * f, bold=True)
        top = y + HEADING * 1.6 * f
        col_x = x
        for column in _columns(section.items):
            for i, item in enumerate(column):
                row_y = top + i * ROW * f
                item.mark(pen, stamps, col_x, row_y + (ROW - MARK) * f / 2, MARK * f)
                pen.fill_color(mix(INK, MUTED_INK, 0.2))
                pen.text(
                    col_x + (MARK + 7) * f,
                    row_y + (ROW / 2 + LABEL * 0.36) * f,
                    item.label,
                    LABEL * f,
                )
            col_x += max(text_width(i.label, LABEL * f) for i in column) + (MARK + 7 + 16) * f
