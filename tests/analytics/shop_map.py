"""A small designed journey that `logs.shop_log` partly follows."""

from __future__ import annotations

from journeymapper.model.document import Journey
from journeymapper.model.schema import Connection, JourneyData, Touchpoint
from journeymapper.model.templates import blank_map

CARDS = (
    ("ad", "Saw an ad", "pre-purchase"),
    ("site", "Website visit", "pre-purchase"),
    ("checkout", "Checkout", "purchase"),
    ("confirm", "Order confirmation email", "post-purchase"),
)
MAPPING = {
    "Saw ad": "ad",
    "Visited website": "site",
    "Checkout": "checkout",
    "Order confirmation": "confirm",
}


def shop_map_data() -> JourneyData:
    base = blank_map("Online shop")
    touchpoints = tuple(Touchpoint(id=i, name=n, stage=s, lane="touchpoints") for i, n, s in CARDS)
    connections = (
        Connection(id="c1", source="ad", target="site"),
        Connection(id="c2", source="site", target="checkout"),
        Connection(id="c3", source="checkout", target="confirm"),
    )
    return base.model_copy(update={"touchpoints": touchpoints, "connections": connections})


def shop_map() -> Journey:
    return Journey(shop_map_data())
