"""The map as semantic SVG: structured, styleable, queryable, drawn from the layout.

    write_svg(journey, "map.svg")

Unlike a picture of the canvas, every part is an element that says what it is: lanes
(`<g class="lane" data-id data-kind>`), stages (`<g class="stage" data-id>`), cells,
emotion curves, cards (`<g class="card" data-id>`, whose first `<rect>` is the card's
box) and connections (`<g class="connection-group">` with `<path class="connection"
data-source data-target>`, its arrowhead and label). Text is real `<text>`, so it can be
searched, selected and restyled; the look is one embedded stylesheet. Geometry comes
from the same layout and routes as the canvas and the poster. No Qt.
"""

from __future__ import annotations

from pathlib import Path

from journeymapper.io.atomic import write_atomic
from journeymapper.io.svg.document import svg_text
from journeymapper.layout.engine import layout_journey
from journeymapper.model.document import Journey

__all__ = ["svg_text", "write_svg"]


def write_svg(journey: Journey, path: str | Path, **_: object) -> None:
    """Write `journey` as semantic SVG to `path`, atomically."""
    data = svg_text(journey, layout_journey(journey)).encode("utf-8")
    write_atomic(path, data)
