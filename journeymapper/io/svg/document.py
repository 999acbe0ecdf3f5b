"""One SVG document of a laid-out map: the frame, the stylesheet and the parts in order.

Drawn back to front as on the canvas: lane rows and headers, stage headers, text cells,
emotion curves, connections, an event log's figures when the map shows them (arrows by
volume under the cards, counts, times and badges over them), cards. One user unit is
one point, so the document's size is the map's size and it prints at the size it has on
the poster at 100 %.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from journeymapper.io.svg import analytics, grid, items
from journeymapper.io.svg.markup import FONT, clean, num
from journeymapper.layout.emotion import SERIES_FONT
from journeymapper.layout.geometry import (
    LANE_FONT,
    NAME_FONT,
    PHASE_FONT,
    SMALL_FONT,
    STAGE_FONT,
    TEXT_FONT,
    MapLayout,
)
from journeymapper.look.palette import (
    BADGE_LETTER,
    CARD,
    CARD_BORDER,
    CONNECTION,
    GRID,
    INK,
    MUTED_INK,
    PAPER,
    VOTE_BADGE_INK,
)
from journeymapper.model.document import Journey

STYLE = f"""
svg {{ font-family: {FONT}; }}
text {{ fill: {INK}; white-space: pre; }}
.lane-row {{ stroke: {GRID}; stroke-width: 1; }}
.lane-title {{ font-size: {LANE_FONT}px; font-weight: bold; }}
.stage-edge {{ stroke: {GRID}; stroke-width: 1; }}
.stage-title {{ font-size: {STAGE_FONT}px; font-weight: bold; }}
.stage-phase {{ font-size: {PHASE_FONT}px; font-weight: bold; fill: {MUTED_INK}; }}
.stage-count {{ font-size: {SMALL_FONT}px; fill: {MUTED_INK}; }}
.note, .list-item {{ font-size: {TEXT_FONT}px; }}
.connection {{ fill: none; stroke: {CONNECTION}; stroke-width: 1.5; stroke-linecap: round; }}
.arrowhead {{ fill: {CONNECTION}; stroke: {CONNECTION}; stroke-width: 1; }}
.connection-label rect {{ fill: {PAPER}; stroke: {GRID}; stroke-width: 1; }}
.label-text {{ font-size: {SMALL_FONT}px; }}
.card-box {{ fill: {CARD}; stroke: {CARD_BORDER}; stroke-width: 1; }}
.channel {{ font-size: {SMALL_FONT}px; fill: {MUTED_INK}; }}
.name {{ font-size: {NAME_FONT}px; font-weight: bold; }}
.persona-name {{ font-size: {SERIES_FONT}px; font-weight: bold; }}
.count {{ font-size: {SMALL_FONT}px; font-weight: bold; }}
.votes-count {{ font-size: {SMALL_FONT}px; font-weight: bold; fill: {VOTE_BADGE_INK};
                text-anchor: middle; }}
.badge-letter {{ font-size: 7px; font-weight: bold; fill: {BADGE_LETTER}; text-anchor: middle; }}
.connection-group:hover .connection {{ stroke: #2563EB; stroke-width: 2.5; }}
.connection-group:hover .arrowhead {{ fill: #2563EB; stroke: #2563EB; }}
"""


def svg_text(journey: Journey, layout: MapLayout) -> str:
    """The whole SVG document of `journey` laid out as `layout`."""
    w, h = num(layout.width), num(layout.height)
    info = journey.info
    head = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{w}" height="{h}" '
        f'viewBox="0 0 {w} {h}" class="journey-map">',
        f"<title>{escape(clean(info.title))}</title>",
        f"<desc>{escape(clean(info.description))}</desc>",
        f"<style>{STYLE}</style>",
        f'<rect class="paper" x="0" y="0" width="{w}" height="{h}" fill="{PAPER}"/>',
    ]
    body = [
        *grid.lanes(layout),
        *grid.stages(layout, journey),
        *grid.cells(layout),
        *grid.emotion(layout, journey),
        *items.connections(layout),
        analytics.svg_under(journey, layout),  # the log's figures, when the map shows them
        *items.cards(layout, journey),
        analytics.svg_over(journey, layout),
    ]
    return "\n".join([*head, *(part for part in body if part), "</svg>", ""])
