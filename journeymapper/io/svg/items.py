"""Cards and connections in SVG, each a group a stylesheet or a script can find.

A card is `<g class="card" data-id=…>` whose first `<rect>` is the card's box, then
its category stripe, channel, ownership badge, emotion dot, name lines and its marker
row (`<g class="markers">`): the marks of `journeymapper.layout.marks`, placed as on
the canvas and the poster. A connection is a
`<g class="connection-group" data-id=…>` holding `<path class="connection"
data-source=… data-target=…>` — the route, drawn by the same commands as on screen and
on paper — its arrowhead and, when labelled, its label.
"""

from __future__ import annotations

from journeymapper.io.svg.markup import attrs, element, num, path_data, polygon_data, text
from journeymapper.layout.geometry import SMALL_FONT, CardParts, MapLayout, Rect, card_parts
from journeymapper.layout.marks import GLYPH, PERSONA_R, VOTE_BADGE_H, VOTE_R, head, marker_row
from journeymapper.layout.routing.labels import label_size, label_text
from journeymapper.layout.text import elide
from journeymapper.look.icons import to_svg
from journeymapper.look.palette import (
    NO_CATEGORY,
    OPPORTUNITY,
    OWNERSHIP_BADGES,
    PAIN,
    VOTE,
    category_color,
    emotion_color,
)
from journeymapper.model import catalog
from journeymapper.model.document import Journey
from journeymapper.model.schema import Touchpoint

RADIUS = 7.0
STRIPE = 4.0


def connections(layout: MapLayout) -> list[str]:
    out = ['<g class="connections">']
    labels = layout.connection_labels
    for conn_id, route in layout.routes().items():
        source, target = layout.connection_ends[conn_id]
        out.append(f"<g{attrs(class_='connection-group', data_id=conn_id)}>")
        out.append(element("path", class_="connection", data_id=conn_id, data_source=source,
                           data_target=target, d=path_data(route.commands())))  # fmt: skip
        out.append(element("path", class_="arrowhead", d=polygon_data(route.arrow)))
        label = labels.get(conn_id)
        if label:
            (x, y), (w, h) = route.label, label_size(label)
            out.append('<g class="connection-label">')
            out.append(element("rect", x=x - w / 2, y=y - h / 2, width=w, height=h,
                               rx=h / 2))  # fmt: skip
            out.append(text(x - w / 2 + 6, y + 3.06, label_text(label), "label-text"))
            out.append("</g>")
        out.append("</g>")
    out.append("</g>")
    return out


def cards(layout: MapLayout, journey: Journey) -> list[str]:
    out = ['<g class="cards">']
    for card_id, geo in layout.cards.items():
        tp = journey.touchpoint(card_id)
        r = geo.rect
        parts = card_parts(len(geo.name_lines), geo.markers, r.h)
        category = tp.category.value if tp.category else None
        values = attrs(class_="card", data_id=card_id, data_stage=tp.stage, data_lane=tp.lane,
                       data_category=category, data_channel=tp.channel or None)  # fmt: skip
        out.append(f"<g{values}>")
        out.append(element("rect", class_="card-box", x=r.x, y=r.y, width=r.w, height=r.h,
                           rx=RADIUS))  # fmt: skip
        out.append(element("rect", class_="card-stripe", x=r.x, y=r.y + 3, width=STRIPE,
                           height=r.h - 6, fill=category_color(tp.category)))  # fmt: skip
        out.append(_glyph(catalog.icon_for(tp.channel), category_color(tp.category),
                          r.x + parts.icon.x, r.y + parts.icon.y, parts.icon.w))  # fmt: skip
        out.extend(_head(tp, parts, r.x, r.y))
        out.extend(_emotion(tp, journey, r.x + parts.face.x, r.y + parts.face.y, parts.face.w))
        for line, baseline in zip(geo.name_lines, parts.name_baselines, strict=True):
            out.append(text(r.x + parts.icon.x, r.y + baseline, line, "name"))
        if parts.markers is not None:
            out.append(_markers(tp, journey, parts.markers.moved_to(
                r.x + parts.markers.x, r.y + parts.markers.y)))  # fmt: skip
        out.append("</g>")
    out.append("</g>")
    return out


def _emotion(tp: Touchpoint, journey: Journey, x: float, y: float, size: float) -> list[str]:
    if tp.emotion is None:
        return []
    scale = journey.info.emotion_scale
    return [
        element("circle", class_="emotion", data_value=tp.emotion, cx=x + size / 2,
                cy=y + size / 2, r=size / 2, fill=emotion_color(tp.emotion, scale)),
    ]  # fmt: skip


def _head(tp: Touchpoint, parts: CardParts, x: float, y: float) -> list[str]:
    """The channel's label (none for a card without a channel) and the ownership badge."""
    top = head(tp, parts, catalog.channel_label(tp.channel) if tp.channel else "")
    out = []
    if top.label:
        label = elide(top.label, SMALL_FONT, top.label_right - parts.channel_x)
        baseline = y + parts.icon.y + parts.icon.h / 2 + SMALL_FONT * 0.36
        out.append(text(x + parts.channel_x, baseline, label, "channel"))
    badge = top.badge_rect
    if badge is not None:
        bx, by = x + badge.x, y + badge.y
        out.append(f"<g{attrs(class_='ownership', data_ownership=tp.ownership.value)}>")
        out.append(element("rect", x=bx, y=by, width=badge.w, height=badge.h, rx=2.5,
                           fill=OWNERSHIP_BADGES[tp.ownership]))  # fmt: skip
        out.append(text(bx + badge.w / 2, by + badge.h * 0.75, top.badge, "badge-letter"))
        out.append("</g>")
    return out


def _markers(tp: Touchpoint, journey: Journey, row: Rect) -> str:
    """The marker row: glyphs with counts, vote dots or a vote badge, persona dots."""
    colors = {p.id: p.color for p in journey.personas}
    inks = {"pain": PAIN, "opportunity": OPPORTUNITY}
    out = ['<g class="markers">']
    for mark in marker_row(tp, row):
        kind = mark.kind
        if kind in inks:
            out.append(_glyph(kind, inks[kind], mark.x, mark.y - GLYPH / 2))
            out.append(text(mark.text_x, mark.y + 3.2, mark.text, f"count {kind}",
                            fill=inks[kind]))  # fmt: skip
        elif kind == "vote":
            out.append(element("circle", class_="vote", cx=mark.x, cy=mark.y, r=VOTE_R,
                               fill=VOTE))  # fmt: skip
        elif kind == "votes":
            out.append(element("rect", class_="votes", x=mark.x, y=mark.y - VOTE_BADGE_H / 2,
                               width=mark.width, height=VOTE_BADGE_H, rx=VOTE_BADGE_H / 2,
                               fill=VOTE))  # fmt: skip
            out.append(text(mark.text_x, mark.y + SMALL_FONT * 0.36, mark.text, "votes-count"))
        else:
            out.append(element("circle", class_="persona", data_persona=mark.persona, cx=mark.x,
                               cy=mark.y, r=PERSONA_R,
                               fill=colors.get(mark.persona, NO_CATEGORY)))  # fmt: skip
    out.append("</g>")
    return "".join(out)


def _glyph(name: str, color: str, x: float, y: float, size: float = GLYPH) -> str:
    """An icon of `journeymapper.look.icons` as a nested SVG `size` points wide."""
    icon = to_svg(name, color).strip().replace("\n", "")
    rest = icon[icon.index(" viewBox=") :]  # its viewBox, strokes and shapes
    return (
        f'<svg class="glyph" x="{num(x)}" y="{num(y)}" width="{num(size)}" '
        f'height="{num(size)}"{rest}'
    )
