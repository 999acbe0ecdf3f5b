"""Draw the whole composition — title block, map, legend — in layout units, y down."""

from __future__ import annotations

from journeymapper.io.poster import legend, titleblock
from journeymapper.io.poster.analytics import draw_analytics
from journeymapper.io.poster.cards import Tick, draw_cards
from journeymapper.io.poster.compose import Composition, Furniture
from journeymapper.io.poster.connections import draw_connection_labels, draw_connections
from journeymapper.io.poster.emotion import draw_emotion
from journeymapper.io.poster.grid import draw_cells, draw_headers, draw_lists, draw_notes
from journeymapper.io.poster.look import Look
from journeymapper.io.poster.pen import Pen
from journeymapper.io.poster.stamps import Stamps
from journeymapper.layout.geometry import MapLayout


def draw_composition(
    pen: Pen,
    stamps: Stamps,
    comp: Composition,
    layout: MapLayout,
    furniture: Furniture,
    look: Look,
    tick: Tick,
) -> None:
    titleblock.draw(pen, furniture.title, comp.title_width, comp.f)
    pen.save()
    pen.translate(0, comp.map_y)
    draw_map(pen, stamps, layout, look, tick)
    pen.restore()
    if furniture.legend and comp.legend_y is not None:
        pen.save()
        pen.translate(comp.legend_x, comp.legend_y)
        legend.draw(pen, stamps, furniture.legend, comp.legend_width, comp.f)
        pen.restore()


def draw_map(pen: Pen, stamps: Stamps, layout: MapLayout, look: Look, tick: Tick) -> None:
    """The map exactly where the layout puts it: grid, text lanes, curves, cards, labels."""
    draw_cells(pen, layout, look)
    draw_headers(pen, stamps, layout, look)
    draw_notes(pen, layout)
    draw_lists(pen, layout)
    draw_emotion(pen, stamps, layout, look)
    draw_connections(pen, layout, look)
    draw_cards(pen, stamps, layout, look, tick)
    draw_connection_labels(pen, layout, look)
    draw_analytics(pen, layout, look)  # issue 19: the log overlay, when the map shows one
