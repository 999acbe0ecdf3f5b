"""A small, realistic map used across the tests: an online clothing store."""

from __future__ import annotations

from journeymapper.model.document import Journey
from journeymapper.model.schema import (
    Category,
    Connection,
    JourneyData,
    Kpi,
    Lane,
    LaneKind,
    Ownership,
    Persona,
    Slot,
    Touchpoint,
)
from journeymapper.model.templates import default_lanes, three_phase_stages


def clothing_store_data() -> JourneyData:
    lanes = list(default_lanes())
    lanes[0] = Lane(
        id="doing",
        name="Doing",
        kind=LaneKind.NOTES,
        notes={"pre-purchase": "Browses on the phone", "purchase": "Checks out"},
    )
    lanes.insert(2, Lane(id="human", name="Human touchpoints"))

    def tp(ident: str, name: str, stage: str, column: int, **fields: object) -> Touchpoint:
        return Touchpoint(
            id=ident,
            name=name,
            stage=stage,
            lane=str(fields.pop("lane", "touchpoints")),
            slot=Slot(column=column),
            **fields,  # type: ignore[arg-type]
        )

    touchpoints = (
        tp(
            "ad",
            "Instagram ad",
            "pre-purchase",
            0,
            channel="online_ads",
            category=Category.DIGITAL,
            ownership=Ownership.PAID,
            emotion=1,
            personas=("maya",),
        ),
        tp(
            "site",
            "Browse the catalogue",
            "pre-purchase",
            1,
            channel="website",
            category=Category.DIGITAL,
            emotion=0,
            pain_points=("Size guide is hard to find",),
            opportunities=("Fit finder on product pages",),
        ),
        tp(
            "news",
            "Newsletter sign-up for a discount",
            "pre-purchase",
            2,
            channel="newsletter",
            category=Category.DIGITAL,
            emotion=1,
            personas=("maya", "tom"),
        ),
        tp(
            "cart",
            "Checkout",
            "purchase",
            0,
            channel="checkout",
            category=Category.DIGITAL,
            emotion=-1,
            pain_points=("Shipping cost shown late",),
            votes=3,
            kpis=(Kpi(name="Conversion rate", target=4.0, actual=2.7, unit="%"),),
        ),
        tp(
            "confirm",
            "Order confirmation email",
            "purchase",
            1,
            channel="order_confirmation",
            category=Category.DIGITAL,
            emotion=1,
            feedback="Email click-through",
        ),
        tp(
            "ship",
            "Shipping notification",
            "post-purchase",
            0,
            channel="shipping_notification",
            category=Category.DIGITAL,
            emotion=0,
        ),
        tp(
            "support",
            "Contact support to track the order",
            "post-purchase",
            1,
            lane="human",
            channel="customer_support",
            category=Category.HUMAN,
            emotion=-2,
            pain_points=("Long wait on the phone",),
        ),
        tp(
            "review",
            "Leaves a review",
            "post-purchase",
            2,
            channel="online_reviews",
            category=Category.DIGITAL,
            ownership=Ownership.EARNED,
            emotion=2,
        ),
    )
    pairs = [
        ("ad", "site"),
        ("site", "news"),
        ("news", "cart"),
        ("cart", "confirm"),
        ("confirm", "ship"),
        ("ship", "support"),
        ("support", "review"),
        ("ship", "review"),
    ]
    connections = tuple(
        Connection(id=f"c{i}", source=a, target=b, label="" if i else "sees ad")
        for i, (a, b) in enumerate(pairs)
    )
    return JourneyData(
        title="Online clothing store",
        description="From an Instagram ad to a review.",
        personas=(
            Persona(id="maya", name="Maya", description="Busy professional"),
            Persona(id="tom", name="Tom", color="#26A69A"),
        ),
        stages=three_phase_stages(),
        lanes=tuple(lanes),
        touchpoints=touchpoints,
        connections=connections,
    )


def clothing_store() -> Journey:
    return Journey(clothing_store_data())
