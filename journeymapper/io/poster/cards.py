"""Touchpoint cards and the connections between them, drawn as the canvas draws them.

A card: white, rounded, a stripe and an icon in its category's colour, the channel (and,
on paper, a badge for paid and earned touchpoints), the emotion face, the wrapped name,
and a marker row with pain points, opportunities, dot votes and persona dots.
Connections are drawn by `connections`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from journeymapper.io.poster.look import Look, short_label
from journeymapper.io.poster.pen import Pen
from journeymapper.io.poster.stamps import EMPTY_FACE, STAMP_GRID, Stamps
from journeymapper.layout.geometry import (
    NAME_FONT,
    SMALL_FONT,
    CardGeometry,
    CardParts,
    MapLayout,
    card_parts,
)
from journeymapper.look.palette import (
    CARD,
    CARD_BORDER,
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
)
from journeymapper.model import catalog
from journeymapper.model.schema import Ownership, Touchpoint

RADIUS = 7.0
STRIPE = 4.0
HALO = 5.0
BADGE = 10.0
MARK = 12.0
DOT = 5.5
MAX_VOTE_DOTS = 5
LINE_WIDTH = 1.5
BADGES = {Ownership.PAID: "P", Ownership.EARNED: "E"}
BADGE_COLORS = {Ownership.PAID: "#8A5A00", Ownership.EARNED: "#0E7490"}
VOTE_INK = "#9A6B00"

Tick = Callable[[int], None]


def draw_cards(pen: Pen, stamps: Stamps, layout: MapLayout, look: Look, tick: Tick) -> None:
    """Every visible card; `tick(n)` after each hundred so a long export can report and stop."""
    journey = look.journey
    for n, (card_id, geo) in enumerate(layout.cards.items(), 1):
        draw_card(pen, stamps, geo, journey.touchpoint(card_id), look)
        if n % 100 == 0:
            tick(n)


def draw_card(pen: Pen, stamps: Stamps, geo: CardGeometry, tp: Touchpoint, look: Look) -> None:
    """One card, in card-relative coordinates; its parts are recorded and reused."""
    faded = look.is_faded(tp)
    rect = geo.rect
    parts = _parts(len(geo.name_lines), geo.markers, rect.h)
    pen.raw(f"q 1 0 0 1 {rect.x:.2f} {rect.y:.2f} cm")
    color = look.tone(category_color(tp.category), faded)
    halo = look.persona.color if look.persona is not None and not faded else None
    pen.recorded(
        ("frame", rect.w, rect.h, color, halo, faded),
        _frame, pen, rect.w, rect.h, color, halo, look.tone(CARD_BORDER, faded),
    )  # fmt: skip
    pen.recorded(
        ("head", tp.channel, color, tp.ownership, tp.emotion, faded),
        _head, pen, stamps, parts, tp, color, look, faded,
    )  # fmt: skip
    ink = look.tone(INK, faded)
    for line, baseline in zip(geo.name_lines, parts.name_baselines, strict=True):
        pen.recorded(("name", line, baseline, ink), _name, pen, parts.icon.x, line, baseline, ink)
    markers = parts.markers
    if markers is not None:
        key = ("markers", len(tp.pain_points), len(tp.opportunities), tp.votes, tp.personas, faded)
        pen.recorded(
            key, _draw_markers, pen, stamps, markers.x, markers.y, markers.w, tp, look, faded
        )
    pen.raw("Q")


@lru_cache(maxsize=1024)
def _parts(lines: int, markers: bool, height: float) -> CardParts:
    return card_parts(lines, markers, height)


def _frame(pen: Pen, w: float, h: float, color: str, halo: str | None, border: str) -> None:
    if halo:
        pen.stroke_color(halo)
        pen.line_width(HALO)
        pen.round_rect(0, 0, w, h, RADIUS, "S")
    pen.fill_color(CARD)
    pen.stroke_color(border)
    pen.line_width(1.0)
    pen.round_rect(0, 0, w, h, RADIUS, "B")
    pen.save()
    pen.round_rect(0, 0, w, h, RADIUS, "W n")
    pen.fill_color(color)
    pen.rect(0, 0, STRIPE, h)
    pen.restore()


def _name(pen: Pen, x: float, line: str, baseline: float, ink: str) -> None:
    pen.fill_color(ink)
    pen.text(x, baseline, line, NAME_FONT, bold=True)


def _head(
    pen: Pen, stamps: Stamps, parts: CardParts, tp: Touchpoint, color: str, look: Look, faded: bool
) -> None:
    """The top row: channel icon and label, ownership badge, emotion face."""
    icon, face = parts.icon, parts.face
    pen.form(stamps.icon(catalog.icon_for(tp.channel), color), icon.x, icon.y, icon.w / STAMP_GRID)
    if tp.emotion is None:
        form = stamps.face(None, look.tone(EMPTY_FACE, faded))
    else:
        scale = look.journey.info.emotion_scale
        fill = look.tone(emotion_color(tp.emotion, scale), faded)
        form = stamps.face(emotion_fraction(tp.emotion, scale), fill)
    pen.form(form, face.x, face.y, face.w / STAMP_GRID)
    label_right = face.x - 6
    badge = BADGES.get(tp.ownership)
    if badge:
        bx = face.x - 5 - BADGE
        by = icon.y + (icon.h - BADGE) / 2
        pen.fill_color(look.tone(BADGE_COLORS[tp.ownership], faded))
        pen.round_rect(bx, by, BADGE, BADGE, 2.5)
        pen.fill_color(PAPER)
        pen.text_centred(bx + BADGE / 2, by + BADGE * 0.75, badge, 7.0, bold=True)
        label_right = bx - 4
    label = catalog.channel_label(tp.channel) if tp.channel else "No channel"
    label = short_label(label, SMALL_FONT, label_right - parts.channel_x)
    pen.fill_color(look.tone(MUTED_INK, faded))
    pen.text(parts.channel_x, icon.y + icon.h / 2 + SMALL_FONT * 0.36, label, SMALL_FONT)


def _draw_markers(
    pen: Pen, stamps: Stamps, x: float, y: float, w: float, tp: Touchpoint, look: Look, faded: bool
) -> None:
    """Counts with their marker glyph and vote dots from the left; persona dots from the right."""
    mid = y + 7.0
    right = x + w
    for count, icon, hex_color in (
        (len(tp.pain_points), "pain", PAIN),
        (len(tp.opportunities), "opportunity", OPPORTUNITY),
    ):
        if not count:
            continue
        color = look.tone(hex_color, faded)
        pen.form(stamps.icon(icon, color), x, mid - MARK / 2, MARK / STAMP_GRID)
        pen.fill_color(color)
        pen.text(x + 14, mid + 3.2, str(count), SMALL_FONT, bold=True)
        x += 14 + 6 * len(str(count)) + 8
    if tp.votes:
        pen.stroke_color(CARD)
        pen.line_width(1.0)
        pen.fill_color(look.tone(VOTE, faded))
        for _ in range(min(tp.votes, MAX_VOTE_DOTS)):
            pen.circle(x + 4, mid, 4.2, "B")
            x += 7
        if tp.votes > MAX_VOTE_DOTS:
            pen.fill_color(look.tone(VOTE_INK, faded))
            pen.text(x + 4, mid + 3.2, f"+{tp.votes - MAX_VOTE_DOTS}", SMALL_FONT, bold=True)
    if tp.personas:
        colors = {p.id: p.color for p in look.journey.personas}
        px = right - 5
        pen.stroke_color(CARD)
        pen.line_width(1.5)
        for persona_id in reversed(tp.personas):
            pen.fill_color(look.tone(colors.get(persona_id, NO_CATEGORY), faded))
            pen.circle(px, mid, DOT, "B")
            px -= 9
