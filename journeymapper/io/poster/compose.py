"""The poster as one picture: the title block above the map, the legend below it.

A `Composition` is measured and drawn in layout units (points at 100 %), y down. The
title block and legend are sized by a furniture factor `f`: a fitted poster sets it so
they print at a legible size however far the map shrinks; a tiled one keeps it fixed.
"""

from __future__ import annotations

from dataclasses import dataclass

from journeymapper.io.poster import legend, titleblock
from journeymapper.io.poster.legend import Section
from journeymapper.io.poster.titleblock import TitleInfo
from journeymapper.layout import MapLayout

GAP_BELOW_TITLE = 26.0
GAP_ABOVE_LEGEND = 30.0


@dataclass(frozen=True, slots=True)
class Furniture:
    """What goes around the map: the title block and (unless turned off) the legend."""

    title: TitleInfo
    legend: tuple[Section, ...] | None


@dataclass(frozen=True, slots=True)
class Composition:
    width: float
    height: float
    f: float
    map_y: float
    legend_y: float | None


def compose(layout: MapLayout, furniture: Furniture, f: float) -> Composition:
    """Where the title block, map and legend go at furniture factor `f`."""
    width = layout.width
    if furniture.legend:
        width = max(width, legend.min_width(furniture.legend, f))
    map_y = titleblock.measure(furniture.title, width, f) + GAP_BELOW_TITLE * f
    height = map_y + layout.height
    legend_y = None
    if furniture.legend:
        legend_y = height + GAP_ABOVE_LEGEND * f
        height = legend_y + legend.measure(furniture.legend, width, f)
    return Composition(width, height, f, map_y, legend_y)
