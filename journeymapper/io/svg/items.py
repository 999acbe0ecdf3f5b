"""Cards and connections in SVG, each a group a stylesheet or a script can find.

A card is `<g class="card" data-id=…>` whose first `<rect>` is the card's box, then
its category stripe, channel, emotion dot, name lines and counts. A connection is a
`<g class="connection-group" data-id=…>` holding `<path class="connection"
data-source=… data-target=…>` — the route, drawn by the same commands as on screen and
on paper — its arrowhead and, when labelled, its label.
"""

from __future__ import annotations

from journeymapper.io.svg.markup import attrs, element, path_data, polygon_data, text
from journeymapper.layout.geometry import MapLayout, card_parts
from journeymapper.layout.routing.labels import label_size, label_text
from journeymapper.layout.text import elide
from journeymapper.look.palette import category_color, emotion_color
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
        channel = catalog.channel_label(tp.channel) if tp.channel else "No channel"
        channel = elide(channel, 8.5, parts.face.x - parts.icon.x - 8)
        baseline = r.y + parts.icon.y + parts.icon.h / 2 + 3.06
        out.append(text(r.x + parts.icon.x, baseline, channel, "channel"))
        out.extend(_emotion(tp, journey, r.x + parts.face.x, r.y + parts.face.y, parts.face.w))
        for line, baseline in zip(geo.name_lines, parts.name_baselines, strict=True):
            out.append(text(r.x + parts.icon.x, r.y + baseline, line, "name"))
        if parts.markers is not None:
            out.append(_markers(tp, r.x + parts.markers.x, r.y + parts.markers.y + 10))
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


def _markers(tp: Touchpoint, x: float, y: float) -> str:
    """Counts of pain points, opportunities and votes, as one line of text."""
    parts = []
    if tp.pain_points:
        parts.append(f"⚠ {len(tp.pain_points)}")
    if tp.opportunities:
        parts.append(f"✦ {len(tp.opportunities)}")
    if tp.votes:
        parts.append(f"● {tp.votes}")
    return text(x, y, "   ".join(parts), "markers")
