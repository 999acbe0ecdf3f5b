"""Touchpoint cards and the connections between them, drawn as the canvas draws them.

A card: white, rounded, a stripe and an icon in its category's colour, the channel, a
badge for paid and earned touchpoints, the emotion face, the wrapped name, and a marker
row with pain points, opportunities, dot votes and persona dots — the marks of
`journeymapper.layout.marks`, which the canvas draws too. Connections are drawn by
`connections`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, partial

from journeymapper.io.poster.look import Look, short_label
from journeymapper.io.poster.pen import Pen
from journeymapper.io.poster.stamps import EMPTY_FACE, STAMP_GRID, Stamps
from journeymapper.layout.geometry import (
    NAME_FONT,
    SMALL_FONT,
    CardGeometry,
    CardParts,
    MapLayout,
    Rect,
    card_parts,
)
from journeymapper.layout.marks import (
    BADGE_LETTERS,
    GLYPH,
    PERSONA_R,
    VOTE_BADGE_H,
    VOTE_R,
    head,
    marker_row,
)
from journeymapper.look.palette import (
    BADGE_LETTER,
    CARD,
    CARD_BORDER,
    INK,
    MUTED_INK,
    NO_CATEGORY,
    OPPORTUNITY,
    OWNERSHIP_BADGES,
    PAIN,
    VOTE,
    VOTE_BADGE_INK,
    category_color,
    emotion_color,
    emotion_fraction,
)
from journeymapper.model import catalog
from journeymapper.model.schema import Touchpoint

RADIUS = 7.0
STRIPE = 4.0
HALO = 5.0
LINE_WIDTH = 1.5
BADGES = BADGE_LETTERS
BADGE_COLORS = OWNERSHIP_BADGES

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
    border = look.tone(CARD_BORDER, faded)
    frame = partial(_frame, w=rect.w, h=rect.h, color=color, halo=halo, border=border)
    pen.stamp(
        stamps.shape(("frame", rect.w, rect.h, color, halo, border), _box(rect.w, rect.h), frame)
    )
    pen.recorded(
        ("head", tp.channel, color, tp.ownership, tp.emotion, faded),
        _head, pen, stamps, parts, tp, color, look, faded,
    )  # fmt: skip
    ink = look.tone(INK, faded)
    for line, baseline in zip(geo.name_lines, parts.name_baselines, strict=True):
        pen.recorded(("name", line, baseline, ink), _name, pen, parts.icon.x, line, baseline, ink)
    markers = parts.markers
    if markers is not None:
        key = ("markers", len(tp.pain_points), len(tp.opportunities), tp.votes, tp.personas,
               markers, faded)  # fmt: skip
        pen.recorded(key, _draw_markers, pen, stamps, markers, tp, look, faded)
    pen.raw("Q")


@lru_cache(maxsize=1024)
def _parts(lines: int, markers: bool, height: float) -> CardParts:
    return card_parts(lines, markers, height)


@lru_cache(maxsize=256)
def _box(w: float, h: float) -> tuple[float, float, float, float]:
    """The box of a card's frame `w` × `h`: the card and its halo. A frame is one form
    per size and colours: it is most of a card's drawing, and a poster repeats a few
    kinds of it thousands of times. (Each form costs an object and its resources in
    the file: the more varied top rows stay recorded operators, `Pen.recorded`.)"""
    return (-HALO, -HALO, w + HALO, h + HALO)


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
    top = head(tp, parts, catalog.channel_label(tp.channel) if tp.channel else "")
    badge = top.badge_rect
    if badge is not None:
        pen.fill_color(look.tone(OWNERSHIP_BADGES[tp.ownership], faded))
        pen.round_rect(badge.x, badge.y, badge.w, badge.h, 2.5)
        pen.fill_color(BADGE_LETTER)
        pen.text_centred(badge.x + badge.w / 2, badge.y + badge.h * 0.75, top.badge, 7.0, True)
    if top.label:
        label = short_label(top.label, SMALL_FONT, top.label_right - parts.channel_x)
        pen.fill_color(look.tone(MUTED_INK, faded))
        pen.text(parts.channel_x, icon.y + icon.h / 2 + SMALL_FONT * 0.36, label, SMALL_FONT)


def _draw_markers(
    pen: Pen, stamps: Stamps, row: Rect, tp: Touchpoint, look: Look, faded: bool
) -> None:
    """The marker row's marks, as the canvas places them."""
    glyphs = {"pain": PAIN, "opportunity": OPPORTUNITY}
    colors = {p.id: p.color for p in look.journey.personas}
    for mark in marker_row(tp, row):
        if mark.kind in glyphs:
            ink = look.tone(glyphs[mark.kind], faded)
            pen.form(stamps.icon(mark.kind, ink), mark.x, mark.y - GLYPH / 2, GLYPH / STAMP_GRID)
            pen.fill_color(ink)
            pen.text(mark.text_x, mark.y + 3.2, mark.text, SMALL_FONT, bold=True)
        elif mark.kind == "vote":
            pen.fill_color(look.tone(VOTE, faded))
            pen.circle(mark.x, mark.y, VOTE_R)
        elif mark.kind == "votes":
            pen.fill_color(look.tone(VOTE, faded))
            pen.round_rect(mark.x, mark.y - VOTE_BADGE_H / 2, mark.width, VOTE_BADGE_H,
                           VOTE_BADGE_H / 2)  # fmt: skip
            pen.fill_color(look.tone(VOTE_BADGE_INK, faded))
            pen.text_centred(mark.text_x, mark.y + SMALL_FONT * 0.36, mark.text, SMALL_FONT, True)
        else:
            pen.stroke_color(CARD)
            pen.line_width(1.5)
            pen.fill_color(look.tone(colors.get(mark.persona, NO_CATEGORY), faded))
            pen.circle(mark.x, mark.y, PERSONA_R, "B")
