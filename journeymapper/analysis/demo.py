"""A small, realistic journey map that passes every coverage rule: an online clothing store.

It follows the practical example of the “Customer Touchpoints” lesson of an online
Customer Experience Course (an Instagram ad, the website, the newsletter discount,
checkout, the order confirmation, the shipping notification, a support contact, a
review). `journeymapper run-demo` shows it, and the analysis tests
use it as the map that must raise no finding.
"""

from __future__ import annotations

from typing import Any

from journeymapper.model import catalog
from journeymapper.model.schema import (
    Connection,
    JourneyData,
    Kpi,
    Persona,
    Slot,
    Touchpoint,
)
from journeymapper.model.templates import default_lanes, three_phase_stages

PRE, BUY, POST = "pre-purchase", "purchase", "post-purchase"
MAYA, LEO = "persona-maya", "persona-leo"

# id, name, stage, channel, column, personas, extra fields
_CARDS: tuple[tuple[str, str, str, str, int, tuple[str, ...], dict[str, Any]], ...] = (
    ("tp-instagram-ad", "Sees an ad on Instagram", PRE, "online_ads", 0, (MAYA,), {"emotion": 0}),
    (
        "tp-friend",
        "A friend recommends the shop",
        PRE,
        "referral",
        0,
        (LEO,),
        {"emotion": 1, "slot": Slot(column=0, order=1.0)},
    ),
    (
        "tp-website",
        "Browses the catalogue on the website",
        PRE,
        "website",
        1,
        (MAYA, LEO),
        {"emotion": 1, "kpis": (Kpi(name="Bounce rate", target=40, actual=52, unit="%"),)},
    ),
    (
        "tp-newsletter",
        "Signs up for the newsletter discount",
        PRE,
        "newsletter",
        2,
        (LEO,),
        {"emotion": 1},
    ),
    (
        "tp-checkout",
        "Adds items to the cart and checks out",
        BUY,
        "checkout",
        0,
        (MAYA, LEO),
        {
            "emotion": 0,
            "pain_points": ("Shipping cost shown only at the last step",),
            "opportunities": ("Show the shipping cost on the product page",),
        },
    ),
    (
        "tp-payment",
        "Pays by card",
        BUY,
        "payment",
        1,
        (MAYA, LEO),
        {
            "emotion": -1,
            "pain_points": ("Card declined once, with no explanation",),
            "opportunities": ("Explain payment errors and offer a second method",),
        },
    ),
    (
        "tp-confirmation",
        "Receives the order confirmation email",
        BUY,
        "order_confirmation",
        2,
        (MAYA, LEO),
        {"emotion": 1, "feedback": "Reply rate to the confirmation email"},
    ),
    (
        "tp-shipping",
        "Receives a shipping notification",
        POST,
        "shipping_notification",
        0,
        (MAYA, LEO),
        {"emotion": 1},
    ),
    (
        "tp-support",
        "Asks customer support where the parcel is",
        POST,
        "customer_support",
        1,
        (LEO,),
        {
            "emotion": -1,
            "pain_points": ("Waited 20 minutes in the chat queue",),
            "opportunities": ("Link live tracking in the shipping notification",),
            "feedback": "Satisfaction survey after each chat",
        },
    ),
    ("tp-delivery", "Unpacks the parcel at home", POST, "delivery", 2, (MAYA, LEO), {"emotion": 2}),
    (
        "tp-review",
        "Leaves a review on the website",
        POST,
        "online_reviews",
        3,
        (MAYA, LEO),
        {"emotion": 2, "kpis": (Kpi(name="Reviews per 100 orders", target=10, actual=6),)},
    ),
)

_FLOW = (
    ("tp-instagram-ad", "tp-website", ""),
    ("tp-friend", "tp-website", ""),
    ("tp-website", "tp-newsletter", "wants the discount"),
    ("tp-website", "tp-checkout", ""),
    ("tp-newsletter", "tp-checkout", ""),
    ("tp-checkout", "tp-payment", ""),
    ("tp-payment", "tp-confirmation", ""),
    ("tp-confirmation", "tp-shipping", ""),
    ("tp-shipping", "tp-support", "parcel late"),
    ("tp-shipping", "tp-delivery", ""),
    ("tp-support", "tp-delivery", ""),
    ("tp-delivery", "tp-review", ""),
)

_DOING = {
    PRE: "Looks for a spring jacket; compares shops on the phone.",
    BUY: "Orders online in the evening.",
    POST: "Waits for the parcel; tries the jacket on.",
}


def demo_map() -> JourneyData:
    """The clothing-store journey: 11 touchpoints, 12 connections, two personas."""
    lanes = tuple(
        lane.model_copy(update={"notes": _DOING}) if lane.id == "doing" else lane
        for lane in default_lanes()
    )
    return JourneyData(
        title="Online clothing store: buying a spring jacket",
        description="From the first ad to the review, for two kinds of shopper.",
        personas=(
            Persona(
                id=MAYA,
                name="Maya",
                description="Busy professional, buys on mobile.",
                goals=("Get a jacket that fits, fast",),
                color="#7E57C2",
            ),
            Persona(
                id=LEO,
                name="Leo",
                description="Bargain hunter who asks friends first.",
                goals=("Pay as little as possible",),
                color="#26A69A",
            ),
        ),
        stages=three_phase_stages(),
        lanes=lanes,
        touchpoints=tuple(_touchpoint(*card) for card in _CARDS),
        connections=tuple(
            Connection(id=f"c-{i:02d}", source=source, target=target, label=label)
            for i, (source, target, label) in enumerate(_FLOW, start=1)
        ),
    )


def _touchpoint(
    tp_id: str,
    name: str,
    stage: str,
    channel: str,
    column: int,
    personas: tuple[str, ...],
    fields: dict[str, Any],
) -> Touchpoint:
    fields = dict(fields)
    slot = fields.pop("slot", Slot(column=column))
    entry = catalog.channel(channel)
    if entry is None:
        raise ValueError(f"'{channel}' is not in the channel catalogue")
    return Touchpoint(
        id=tp_id,
        name=name,
        stage=stage,
        lane="touchpoints",
        slot=slot,
        channel=channel,
        category=entry.category,
        ownership=entry.ownership,
        personas=personas,
        **fields,
    )
