"""The *Analytics* overlay as SVG markup, for an SVG writer that draws from the layout.

Two fragments, so the arrows can pass under the cards as on the canvas and the poster:
`svg_under` (the volume arrows; put it before the cards) and `svg_over` (labels,
reach badges, stage-header figures, legend; put it after everything else). Both are
empty when the map keeps no figures or the overlay is off. User text (the log's name)
is escaped; coordinates are the layout's, y down.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from journeymapper.layout.analytics_overlay import (
    BADGE,
    BADGE_FONT,
    BADGE_TEXT,
    DESIGNED,
    LABEL_FONT,
    LEGEND_FONT,
    NOTE_INK,
    UNDESIGNED,
    Overlay,
    overlay,
    shown_figures,
)
from journeymapper.layout.geometry import MapLayout
from journeymapper.look.palette import GRID, INK, PAPER
from journeymapper.model.document import Journey

FONT = "font-family='DejaVu Sans, sans-serif'"


def _drawn(journey: Journey, layout: MapLayout) -> Overlay | None:
    figures = shown_figures(journey)
    return None if figures is None else overlay(journey, layout, figures)


def _n(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def svg_under(journey: Journey, layout: MapLayout) -> str:
    drawn = _drawn(journey, layout)
    if drawn is None:
        return ""
    parts = ["<g class='analytics-arrows' fill='none' stroke-linecap='round'>"]
    for arrow in drawn.arrows:
        ink = DESIGNED if arrow.designed else UNDESIGNED
        dash = (
            ""
            if arrow.designed
            else f" stroke-dasharray='{_n(max(4, arrow.width * 1.5))} {_n(max(3, arrow.width))}'"
        )
        points = " ".join(f"{_n(x)},{_n(y)}" for x, y in arrow.points[:-1])
        parts.append(
            f"<polyline points='{points}' stroke='{ink}' stroke-width='{_n(arrow.width)}'{dash}/>"
        )
        head = " ".join(f"{_n(x)},{_n(y)}" for x, y in arrow.head)
        parts.append(f"<polygon points='{head}' fill='{ink}' stroke='none'/>")
    parts.append("</g>")
    return "\n".join(parts)


def svg_over(journey: Journey, layout: MapLayout) -> str:
    drawn = _drawn(journey, layout)
    if drawn is None:
        return ""
    parts = [f"<g class='analytics-figures' {FONT}>"]
    for arrow in drawn.arrows:
        if arrow.label:
            x, y = arrow.label_at
            ink = DESIGNED if arrow.designed else UNDESIGNED
            parts.append(
                f"<text x='{_n(x)}' y='{_n(y + 2.7)}' font-size='{LABEL_FONT}' fill='{INK}' "
                f"text-anchor='middle' stroke='{PAPER}' stroke-width='3' paint-order='stroke' "
                f"data-ink='{ink}'>{escape(arrow.label)}</text>"
            )
    for badge in drawn.badges:
        r = badge.rect
        parts.append(
            f"<rect x='{_n(r.x)}' y='{_n(r.y)}' width='{_n(r.w)}' height='{_n(r.h)}' "
            f"rx='{_n(r.h / 2)}' fill='{BADGE}'/>"
            f"<text x='{_n(r.x + r.w / 2)}' y='{_n(r.y + r.h / 2 + 2.7)}' font-size='{BADGE_FONT}' "
            f"font-weight='bold' text-anchor='middle' fill='{BADGE_TEXT}'>"
            f"{escape(badge.text)}</text>"
        )
    for note in drawn.notes:
        parts.append(
            f"<text x='{_n(note.x)}' y='{_n(note.baseline)}' font-size='{LABEL_FONT}' "
            f"fill='{NOTE_INK}'>{escape(note.text)}</text>"
        )
    parts.append(_legend(drawn))
    parts.append("</g>")
    return "\n".join(parts)


def _legend(drawn: Overlay) -> str:
    box = drawn.legend_box
    parts = [
        f"<rect x='{_n(box.x)}' y='{_n(box.y)}' width='{_n(box.w)}' height='{_n(box.h)}' "
        f"rx='4' fill='{PAPER}' stroke='{GRID}' stroke-width='0.6'/>"
    ]
    step = (box.h - 6) / 4
    for i, line in enumerate(drawn.legend):
        y = box.y + 3 + step * (i + 0.75)
        x = box.x + 6
        if i >= 2:
            dash = "" if i == 2 else " stroke-dasharray='4 2.5'"
            ink = DESIGNED if i == 2 else UNDESIGNED
            parts.append(
                f"<line x1='{_n(x)}' y1='{_n(y - 2.5)}' x2='{_n(x + 16)}' y2='{_n(y - 2.5)}' "
                f"stroke='{ink}' stroke-width='2'{dash}/>"
            )
            x += 20
        weight = " font-weight='bold'" if i == 0 else ""
        parts.append(
            f"<text x='{_n(x)}' y='{_n(y)}' font-size='{LEGEND_FONT}' fill='{INK}'{weight}>"
            f"{escape(line)}</text>"
        )
    return "".join(parts)


__all__ = ["svg_over", "svg_under"]
