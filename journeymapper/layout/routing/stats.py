"""The arrow counts `journeymapper stats` reports: how well the map's arrows read.

    counts = routing_stats(layout_journey(journey))
    counts.as_json()   # {"connections_routed": …, "arrow_crossings": …, …}
    counts.lines()     # ["", "Arrows", "  crossing each other …", …]

Measured on the routes as drawn (`crossings`): arrows crossing arrows (fewer is easier to
follow), arrows through or under a card that is not one of their ends (always 0: a
non-zero count is a bug), and connections not drawn because a card of theirs is in a
hidden lane.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from journeymapper.layout.geometry import MapLayout
from journeymapper.layout.routing.crossings import layout_crossings


@dataclass(frozen=True, slots=True)
class RoutingStats:
    connections_routed: int
    connections_hidden: int
    arrow_crossings: int
    arrows_through_cards: int

    def as_json(self) -> dict[str, int]:
        return asdict(self)

    def lines(self) -> list[str]:
        rows = (
            ("drawn", self.connections_routed),
            ("hidden (a card in a hidden lane)", self.connections_hidden),
            ("crossings of two arrows", self.arrow_crossings),
            ("through a card", self.arrows_through_cards),
        )
        return ["", "Arrows", *(f"  {label:<34}{n:>7,}" for label, n in rows)]


def routing_stats(layout: MapLayout) -> RoutingStats:
    """Route `layout` (if not yet) and count what a reader trips over."""
    counts = layout_crossings(layout)
    routed = counts["connections_routed"]
    return RoutingStats(
        connections_routed=routed,
        connections_hidden=len(layout.connection_ends) - routed,
        arrow_crossings=counts["arrow_crossings"],
        arrows_through_cards=counts["arrows_through_cards"],
    )
