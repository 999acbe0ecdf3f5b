"""The poster as one picture: the title block, the map, and the legend.

A `Composition` is measured and drawn in layout units (points at 100 %), y down. The
title block and legend are sized by a furniture factor `f`: a fitted poster sets it so
they print at a legible size however far the map shrinks; a tiled one keeps it fixed.

The legend goes beside the title block when that makes the poster shorter (a wide
map), and below the map otherwise; the map itself always starts at x = 0.
"""

from __future__ import annotations

from dataclasses import dataclass

from journeymapper.analysis import Finding
from journeymapper.io.poster import legend, titleblock
from journeymapper.io.poster.legend import Section
from journeymapper.io.poster.titleblock import TitleInfo
from journeymapper.layout.geometry import MapLayout

GAP_BELOW_HEADER = 26.0
GAP_ABOVE_LEGEND = 30.0
GAP_BESIDE = 60.0


@dataclass(frozen=True, slots=True)
class Furniture:
    """What goes around the map: the title block, the legend (unless turned off), and
    the coverage findings the title block summarises."""

    title: TitleInfo
    legend: tuple[Section, ...] | None
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True, slots=True)
class Composition:
    width: float
    height: float
    f: float
    map_y: float
    legend_y: float | None
    map_width: float = 0.0
    map_height: float = 0.0
    title_width: float = 0.0
    legend_x: float = 0.0
    legend_width: float = 0.0


def compose(layout: MapLayout, furniture: Furniture, f: float) -> Composition:
    """Where the title block, map and legend go at furniture factor `f`."""
    below = _legend_below(layout, furniture, f)
    if not furniture.legend:
        return below
    beside = _legend_beside(layout, furniture, f)
    return beside if beside is not None and beside.height <= below.height else below


def _legend_below(layout: MapLayout, furniture: Furniture, f: float) -> Composition:
    width = layout.width
    if furniture.legend:
        width = max(width, legend.min_width(furniture.legend, f))
    map_y = titleblock.measure(furniture.title, width, f) + GAP_BELOW_HEADER * f
    height = map_y + layout.height
    legend_y = None
    if furniture.legend:
        legend_y = height + GAP_ABOVE_LEGEND * f
        height = legend_y + legend.measure(furniture.legend, width, f)
    return Composition(
        width, height, f, map_y, legend_y, layout.width, layout.height, width, 0.0, width
    )


def _legend_beside(layout: MapLayout, furniture: Furniture, f: float) -> Composition | None:
    assert furniture.legend
    width = layout.width
    one_row = legend.row_width(furniture.legend, f)
    title_w = titleblock.natural_width(furniture.title, f)
    if width - one_row - GAP_BESIDE * f >= title_w:
        # A wide map: the legend in one row at the right, the title block takes the rest.
        title_w = titleblock.natural_width(furniture.title, f, width - one_row - GAP_BESIDE * f)
        legend_w = one_row
    else:
        legend_w = width - title_w - GAP_BESIDE * f
    if legend_w < legend.min_width(furniture.legend, f):
        return None
    header = max(
        titleblock.measure(furniture.title, title_w, f),
        legend.measure(furniture.legend, legend_w, f),
    )
    map_y = header + GAP_BELOW_HEADER * f
    return Composition(
        width, map_y + layout.height, f, map_y, 0.0, layout.width, layout.height,
        title_w, width - legend_w, legend_w,
    )  # fmt: skip
