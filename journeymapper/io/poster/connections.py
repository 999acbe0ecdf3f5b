"""Connections on the poster: the layout's routes, drawn as the canvas draws them.

Every route is one path of lines and rounded corners (`Route.commands`, the same
commands the canvas and the SVG draw); all routes go in one path and all arrowheads in
another, so a map of 20,000 connections stays two painting operators. Routes run in the
gutters and bands between cards, so they may be drawn before the cards or after.
"""

from __future__ import annotations

from journeymapper.io.poster.look import Look
from journeymapper.io.poster.pen import Pen
from journeymapper.layout.geometry import SMALL_FONT, MapLayout
from journeymapper.layout.route import Route
from journeymapper.layout.routing.labels import LABEL_H, label_size, label_text
from journeymapper.look.palette import CONNECTION, GRID, INK, PAPER

LINE_WIDTH = 1.5


def draw_connections(pen: Pen, layout: MapLayout, look: Look) -> None:
    """All routes, then all arrowheads; connections of faded cards in a paler tone."""
    routes = layout.routes()
    ends = layout.connection_ends
    journey = look.journey
    groups: dict[bool, list[Route]] = {False: [], True: []}
    for conn_id, route in routes.items():
        faded = False
        if look.persona is not None:
            source, target = ends[conn_id]
            faded = look.is_faded(journey.touchpoint(source)) or look.is_faded(
                journey.touchpoint(target)
            )
        groups[faded].append(route)
    pen.round_caps()
    for faded in (True, False):
        paths = groups[faded]
        if not paths:
            continue
        color = look.tone(CONNECTION, faded)
        pen.stroke_color(color)
        pen.fill_color(color)
        pen.line_width(LINE_WIDTH)
        pen.raw(" ".join(_path(p) for p in paths) + " S")
        pen.line_width(1.0)
        pen.raw(" ".join(_arrow(p) for p in paths) + " B")


def draw_connection_labels(pen: Pen, layout: MapLayout, look: Look) -> None:
    """Connection labels on a white pill where the router put them, as on the canvas."""
    for conn_id, label in layout.connection_labels.items():
        route = layout.route(conn_id)
        if route is None:
            continue
        x, y = route.label
        width, height = label_size(label)
        pen.fill_color(PAPER)
        pen.stroke_color(GRID)
        pen.line_width(1.0)
        pen.round_rect(x - width / 2, y - height / 2, width, height, height / 2, "B")
        pen.fill_color(INK)
        pen.text(x - width / 2 + 6, y + SMALL_FONT * 0.36, label_text(label), SMALL_FONT)
    del look


def _path(route: Route) -> str:
    """PDF path operators of a route, to a tenth of a point (a 35th of a millimetre)."""
    points = route.points
    if len(points) == 2:  # most arrows: straight to a neighbour
        return _LINE(*points[0], *points[1])
    ops = []
    for command in route.commands():
        if command[0] == "C":
            ops.append(_CURVE(*command[1], *command[2], *command[3]))
        else:
            ops.append(_POINT(*command[1], "m" if command[0] == "M" else "l"))
    return " ".join(ops)


def _arrow(route: Route) -> str:
    return _TRIANGLE(*route.arrow[0], *route.arrow[1], *route.arrow[2])


# Bound `str.format`s: a poster writes a hundred thousand of these, and a prepared
# format is a quarter quicker than an f-string of as many fields.
_LINE = "{:.1f} {:.1f} m {:.1f} {:.1f} l".format
_POINT = "{:.1f} {:.1f} {}".format
_CURVE = "{:.1f} {:.1f} {:.1f} {:.1f} {:.1f} {:.1f} c".format
_TRIANGLE = "{:.1f} {:.1f} m {:.1f} {:.1f} l {:.1f} {:.1f} l h".format


__all__ = ["LABEL_H", "draw_connection_labels", "draw_connections"]
