"""The *Analytics* overlay on the poster, when the map keeps log figures and shows them.

`draw_analytics` is the one call the poster's drawing makes (at the end of `draw_map`):
it draws the same geometry as the canvas (layout/analytics_overlay.py) with the pen,
so the poster shows what the screen shows: volume arrows (dashed where the step is not
on the map) with their counts and times, reach badges on the cards, drop-off in the
stage headers, and the legend in the top-left corner.
"""

from __future__ import annotations

from journeymapper.io.poster.look import Look
from journeymapper.io.poster.pen import Pen, num
from journeymapper.layout.analytics_overlay import (
    BADGE,
    BADGE_FONT,
    BADGE_TEXT,
    DESIGNED,
    LABEL_FONT,
    LEGEND_FONT,
    NOTE_INK,
    UNDESIGNED,
    Arrow,
    Overlay,
    overlay,
    shown_figures,
)
from journeymapper.layout.geometry import MapLayout
from journeymapper.layout.text import text_width
from journeymapper.look.palette import GRID, INK, PAPER


def draw_analytics(pen: Pen, layout: MapLayout, look: Look) -> None:
    """Draw the overlay if the map keeps figures and the overlay is on; else nothing."""
    figures = shown_figures(look.journey)
    if figures is None:
        return
    drawn = overlay(look.journey, layout, figures)
    pen.save()
    _clip_out_cards(pen, layout)
    pen.round_caps()
    for arrow in drawn.arrows:
        _arrow(pen, arrow)
    pen.restore()
    pen.save()
    pen.dash()
    for arrow in drawn.arrows:
        if arrow.label:
            _label(pen, arrow)
    _badges(pen, drawn)
    _notes(pen, drawn)
    _legend(pen, drawn)
    pen.restore()


def _clip_out_cards(pen: Pen, layout: MapLayout) -> None:
    """Clip to the map minus the cards (even-odd rule), so arrows pass under cards
    drawn before them — the hook runs after the cards, as one call."""
    rects = [f"0 0 {num(layout.width)} {num(layout.height)} re"]
    rects += [
        f"{num(r.x)} {num(r.y)} {num(r.w)} {num(r.h)} re"
        for r in (card.rect for card in layout.cards.values())
    ]
    pen.raw(" ".join(rects) + " W* n")


def _arrow(pen: Pen, arrow: Arrow) -> None:
    color = DESIGNED if arrow.designed else UNDESIGNED
    pen.stroke_color(color)
    pen.fill_color(color)
    pen.line_width(arrow.width)
    if arrow.designed:
        pen.dash()
    else:
        pen.dash(max(4.0, arrow.width * 1.5), max(3.0, arrow.width))
    head_base = _head_base(arrow)
    points = [*arrow.points[:-1], head_base]
    path = f"{num(points[0][0])} {num(points[0][1])} m " + " ".join(
        f"{num(x)} {num(y)} l" for x, y in points[1:]
    )
    pen.raw(path + " S")
    pen.dash()
    pen.polygon(arrow.head)


def _head_base(arrow: Arrow) -> tuple[float, float]:
    _, left, right = arrow.head
    return ((left[0] + right[0]) / 2, (left[1] + right[1]) / 2)


def _label(pen: Pen, arrow: Arrow) -> None:
    x, y = arrow.label_at
    width = text_width(arrow.label, LABEL_FONT) + 8
    pen.fill_color(PAPER)
    pen.stroke_color(DESIGNED if arrow.designed else UNDESIGNED)
    pen.line_width(0.6)
    pen.round_rect(x - width / 2, y - 6, width, 12, 6, "B")
    pen.fill_color(INK)
    pen.text_centred(x, y + 2.7, arrow.label, LABEL_FONT)


def _badges(pen: Pen, drawn: Overlay) -> None:
    for badge in drawn.badges:
        r = badge.rect
        pen.fill_color(BADGE)
        pen.round_rect(r.x, r.y, r.w, r.h, r.h / 2)
        pen.fill_color(BADGE_TEXT)
        pen.text_centred(r.x + r.w / 2, r.y + r.h / 2 + 2.7, badge.text, BADGE_FONT, True)


def _notes(pen: Pen, drawn: Overlay) -> None:
    pen.fill_color(NOTE_INK)
    for note in drawn.notes:
        pen.text(note.x, note.baseline, note.text, LABEL_FONT)


def _legend(pen: Pen, drawn: Overlay) -> None:
    box = drawn.legend_box
    pen.fill_color(PAPER)
    pen.stroke_color(GRID)
    pen.line_width(0.6)
    pen.round_rect(box.x, box.y, box.w, box.h, 4, "B")
    step = (box.h - 6) / 4
    for i, line in enumerate(drawn.legend):
        y = box.y + 3 + step * (i + 0.75)
        x = box.x + 6
        if i >= 2:
            pen.stroke_color(DESIGNED if i == 2 else UNDESIGNED)
            pen.line_width(2.0)
            pen.dash(*((0.0, 0.0) if i == 2 else (4.0, 2.5)))
            pen.line(x, y - 2.5, x + 16, y - 2.5)
            pen.dash()
            x += 20
        pen.fill_color(INK)
        pen.text(x, y, line, LEGEND_FONT, bold=i == 0)
