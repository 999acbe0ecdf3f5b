"""Touchpoint cards and the connections between them, drawn as the canvas draws them.

A card: white, rounded, a stripe and an icon in its category's colour, the channel and
(for paid and earned touchpoints) an ownership badge, the emotion face, the wrapped
name, and a marker row with pain points, opportunities, votes and persona chips.
Connections are the layout's Bézier curves with their arrowheads, all curves in one
path and all arrowheads in another, so a map of 20,000 connections stays one operator.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from journeymapper.io.poster.look import Look, short_label
from journeymapper.io.poster.pen import Pen
from journeymapper.io.poster.stamps import STAMP_GRID, Stamps
from journeymapper.layout import (
    CARD_PAD,
    NAME_FONT,
    SMALL_FONT,
    CardGeometry,
    CardParts,
    EdgePath,
    MapLayout,
    baselines,
    card_parts,
)
from journeymapper.model import catalog
from journeymapper.model.schema import Ownership, Touchpoint
from journeymapper.palette import (
    CARD,
    CARD_BORDER,
    CONNECTION,
    INK,
    MUTED_INK,
    OPPORTUNITY,
    PAIN,
    PAPER,
    VOTE,
    category_color,
    emotion_color,
    emotion_fraction,
    mix,
)
from journeymapper.text import line_height, text_width, wrap

RADIUS = 6.0
STRIPE = 4.0
BADGE = 11.0
MARK = 11.0
CHIP = 5.2
MAX_CHIPS = 4
ARROW_WIDTH = 1.3
LABEL_WIDTH = 150.0
BADGES = {Ownership.PAID: "P", Ownership.EARNED: "E"}
BADGE_COLORS = {Ownership.PAID: "#8A5A00", Ownership.EARNED: "#0E7490"}

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
    highlight = look.persona.color if look.persona is not None and not faded else None
    pen.recorded(
        ("frame", rect.w, rect.h, color, highlight, faded),
        _frame,
        pen,
        rect.w,
        rect.h,
        color,
        highlight,
        faded,
        look,
    )
    pen.recorded(
        ("head", tp.channel, color, tp.ownership, tp.emotion, faded),
        _head,
        pen,
        stamps,
        parts,
        tp,
        color,
        look,
        faded,
    )
    ink = look.tone(INK, faded)
    for line, baseline in zip(geo.name_lines, parts.name_baselines, strict=True):
        pen.recorded(("name", line, baseline, ink), _name, pen, line, baseline, ink)
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


def _frame(
    pen: Pen, w: float, h: float, color: str, highlight: str | None, faded: bool, look: Look
) -> None:
    pen.fill_color(CARD)
    pen.stroke_color(highlight or look.tone(CARD_BORDER, faded))
    pen.line_width(2.2 if highlight else 0.8)
    pen.round_rect(0, 0, w, h, RADIUS, "B")
    pen.save()
    pen.round_rect(0, 0, w, h, RADIUS, "W n")
    pen.fill_color(color)
    pen.rect(0, 0, STRIPE, h)
    pen.restore()


def _name(pen: Pen, line: str, baseline: float, ink: str) -> None:
    pen.fill_color(ink)
    pen.text(CARD_PAD, baseline, line, NAME_FONT, bold=True)


def _head(
    pen: Pen, stamps: Stamps, parts: CardParts, tp: Touchpoint, color: str, look: Look, faded: bool
) -> None:
    """The top row: channel icon and label, ownership badge, emotion face."""
    icon, face = parts.icon, parts.face
    pen.form(stamps.icon(catalog.icon_for(tp.channel), color), icon.x, icon.y, icon.w / STAMP_GRID)
    if tp.emotion is not None:
        scale = look.journey.info.emotion_scale
        fill = look.tone(emotion_color(tp.emotion, scale), faded)
        form = stamps.face(emotion_fraction(tp.emotion, scale), fill, look.tone(INK, faded))
        pen.form(form, face.x, face.y, face.w / STAMP_GRID)
    label_right = face.x - 5
    badge = BADGES.get(tp.ownership)
    if badge:
        bx = face.x - 5 - BADGE
        by = icon.y + (icon.h - BADGE) / 2
        pen.fill_color(look.tone(BADGE_COLORS[tp.ownership], faded))
        pen.round_rect(bx, by, BADGE, BADGE, 2.5)
        pen.fill_color(PAPER)
        pen.text_centred(bx + BADGE / 2, by + BADGE * 0.74, badge, 7.5, bold=True)
        label_right = bx - 4
    if tp.channel:
        label = short_label(
            catalog.channel_label(tp.channel), SMALL_FONT, label_right - parts.channel_x
        )
        pen.fill_color(look.tone(MUTED_INK, faded))
        pen.text(parts.channel_x, icon.y + icon.h / 2 + SMALL_FONT * 0.36, label, SMALL_FONT)


def _draw_markers(
    pen: Pen, stamps: Stamps, x: float, y: float, w: float, tp: Touchpoint, look: Look, faded: bool
) -> None:
    """Counts with their marker glyph from the left; persona chips from the right."""
    cy = y + 7.0
    left = x
    for count, icon, color in (
        (len(tp.pain_points), "pain", PAIN),
        (len(tp.opportunities), "opportunity", OPPORTUNITY),
        (tp.votes, "vote", VOTE),
    ):
        if not count:
            continue
        color = look.tone(color, faded)
        pen.form(stamps.icon(icon, color), left, cy - MARK / 2, MARK / STAMP_GRID)
        text = str(count)
        pen.fill_color(look.tone(mix(color, INK, 0.35), faded))
        pen.text(left + MARK + 2, cy + SMALL_FONT * 0.36, text, SMALL_FONT, bold=True)
        left += MARK + 2 + text_width(text, SMALL_FONT, True) + 7
    if tp.personas:
        _draw_chips(pen, x + w, cy, left, tp, look, faded)


def _draw_chips(
    pen: Pen, right: float, cy: float, left: float, tp: Touchpoint, look: Look, faded: bool
) -> None:
    personas = {p.id: p for p in look.journey.personas}
    chips = [personas[p] for p in tp.personas if p in personas]
    room = max(0, int((right - left) // (CHIP * 2 + 1.5)))
    shown = chips[: min(MAX_CHIPS, room)]
    extra = len(chips) - len(shown)
    cx = right - CHIP
    if extra:
        text = f"+{extra}"
        pen.fill_color(look.tone(MUTED_INK, faded))
        pen.text_right(right, cy + SMALL_FONT * 0.36, text, SMALL_FONT, bold=True)
        cx -= text_width(text, SMALL_FONT, True) + 2
    pen.stroke_color(PAPER)
    pen.line_width(1.0)
    for persona in reversed(shown):
        pen.fill_color(look.tone(persona.color, faded))
        pen.circle(cx, cy, CHIP, "B")
        pen.fill_color(PAPER)
        initial = persona.name[:1].upper()
        pen.text_centred(cx, cy + 2.3, initial, 6.5, bold=True)
        cx -= CHIP * 2 + 1.5


def draw_connections(pen: Pen, layout: MapLayout, look: Look) -> None:
    """All curves, then all arrowheads; connections of faded cards in a paler tone."""
    edges = layout.edges()
    ends = layout.connection_ends
    journey = look.journey
    groups: dict[bool, list[EdgePath]] = {False: [], True: []}
    for conn_id, path in edges.items():
        faded = False
        if look.persona is not None:
            source, target = ends[conn_id]
            faded = look.is_faded(journey.touchpoint(source)) or look.is_faded(
                journey.touchpoint(target)
            )
        groups[faded].append(path)
    pen.round_caps()
    for faded in (True, False):
        paths = groups[faded]
        if not paths:
            continue
        color = look.tone(CONNECTION, faded)
        pen.stroke_color(color)
        pen.fill_color(color)
        pen.line_width(ARROW_WIDTH)
        pen.raw(" ".join(_curve(p) for p in paths) + " S")
        pen.raw(" ".join(_arrow(p) for p in paths) + " f")


def draw_connection_labels(pen: Pen, layout: MapLayout, look: Look) -> None:
    """Connection labels on a white pill at the middle of their curve."""
    for conn in look.journey.connections():
        if not conn.label:
            continue
        path = layout.edge(conn.id)
        if path is None:
            continue
        x, y = path.label_point
        lines = wrap(conn.label, SMALL_FONT, LABEL_WIDTH)
        width = max(text_width(line, SMALL_FONT) for line in lines) + 10
        step = line_height(SMALL_FONT)
        height = len(lines) * step + 3.5
        top = y - height / 2
        pen.fill_color(PAPER)
        pen.stroke_color(mix(CONNECTION, PAPER, 0.3))
        pen.line_width(0.6)
        pen.round_rect(x - width / 2, top, width, height, min(7.0, height / 2), "B")
        pen.fill_color(INK)
        for line, baseline in zip(
            lines, baselines(top + 1.75, len(lines), SMALL_FONT), strict=True
        ):
            pen.text_centred(x, baseline, line, SMALL_FONT)


def _curve(p: EdgePath) -> str:
    _, (ax, ay), (bx, by) = p.arrow
    ex, ey = (ax + bx) / 2, (ay + by) / 2
    return (
        f"{p.start[0]:.2f} {p.start[1]:.2f} m {p.c1[0]:.2f} {p.c1[1]:.2f} "
        f"{p.c2[0]:.2f} {p.c2[1]:.2f} {ex:.2f} {ey:.2f} c"
    )


def _arrow(p: EdgePath) -> str:
    (tx, ty), (ax, ay), (bx, by) = p.arrow
    return f"{tx:.2f} {ty:.2f} m {ax:.2f} {ay:.2f} l {bx:.2f} {by:.2f} l h"
