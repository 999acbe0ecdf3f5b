"""Maps for the analysis and command-line tests, built in code so each test reads its map.

`card` and `journey` make small maps in a line or two; `every_rule_data` and
`broken_data` are the maps that, between them and an empty map, trigger every rule.
The same two are stored under tests/data/analysis/ for the command-line tests
(`test_stored_maps_are_current` keeps the files equal to this code).
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

from journeymapper.model.document import Journey
from journeymapper.model.schema import (
    Category,
    Connection,
    JourneyData,
    Kpi,
    Lane,
    LaneKind,
    Persona,
    Phase,
    Stage,
    Touchpoint,
)
from journeymapper.model.templates import default_lanes

DATA = Path(__file__).parent.parent / "data" / "analysis"
EVERY_RULE_FILE = DATA / "every_rule.journey"
BROKEN_FILE = DATA / "broken_references.journey"

PLAIN_STAGES = (
    Stage(id="s1", name="First"),
    Stage(id="s2", name="Second"),
    Stage(id="s3", name="Third"),
)
PHASED_STAGES = (
    Stage(id="s1", name="Pre", phase=Phase.PRE_PURCHASE),
    Stage(id="s2", name="Buy", phase=Phase.PURCHASE),
    Stage(id="s3", name="Post", phase=Phase.POST_PURCHASE),
)


def card(tp_id: str, stage: str, **fields: Any) -> Touchpoint:
    """A touchpoint named after its id (`tp-a` → “A”) in the touchpoints lane."""
    fields.setdefault("name", tp_id.removeprefix("tp-").replace("-", " ").capitalize())
    fields.setdefault("lane", "touchpoints")
    fields.setdefault("category", Category.DIGITAL)
    fields.setdefault("emotion", 0)
    return Touchpoint(id=tp_id, stage=stage, **fields)


def conn(source: str, target: str) -> Connection:
    return Connection(id=f"c-{source}-{target}", source=source, target=target)


def data(
    cards: list[Touchpoint],
    flow: list[tuple[str, str]] = (),  # type: ignore[assignment]
    stages: tuple[Stage, ...] = PLAIN_STAGES,
    **info: Any,
) -> JourneyData:
    info.setdefault("lanes", default_lanes())
    return JourneyData(
        stages=stages,
        touchpoints=tuple(cards),
        connections=tuple(conn(s, t) for s, t in flow),
        **info,
    )


def journey(
    cards: list[Touchpoint],
    flow: list[tuple[str, str]] = (),  # type: ignore[assignment]
    stages: tuple[Stage, ...] = PLAIN_STAGES,
    **info: Any,
) -> Journey:
    return Journey(data(cards, flow, stages, **info))


def chain(*ids: str) -> list[tuple[str, str]]:
    """`chain("a", "b", "c")` → [("a", "b"), ("b", "c")]."""
    return list(itertools.pairwise(ids))


def every_rule_data() -> JourneyData:
    """One map that triggers every rule a valid map can trigger (all but JM001–JM010).

    Stages: Awareness, Consideration (pre-purchase), Checkout (purchase, empty),
    Support (post-purchase, empty), Loyalty (no phase, the last stage).
    """
    stages = (
        Stage(id="s-aware", name="Awareness", phase=Phase.PRE_PURCHASE),
        Stage(id="s-consider", name="Consideration", phase=Phase.PRE_PURCHASE),
        Stage(id="s-checkout", name="Checkout", phase=Phase.PURCHASE),  # JM011, JM012
        Stage(id="s-support", name="Support", phase=Phase.POST_PURCHASE),  # JM011, JM013
        Stage(id="s-loyalty", name="Loyalty"),
    )
    # no human touchpoint (JM015), no earned one (JM014)
    cards = [
        card(
            "tp-ad", "s-aware", name="Instagram ad", pain_points=("Too loud",), personas=("p-ana",)
        ),  # JM030
        card(
            "tp-poster",
            "s-aware",
            name="Shop window poster",
            category=Category.PHYSICAL,
            feedback="Footfall counter",
            slot={"column": 1},
        ),
        card(
            "tp-page",
            "s-consider",
            name="Product page",
            emotion=None,  # JM032
            personas=("p-ana",),
        ),
        card("tp-size", "s-consider", name="Size guide", slot={"column": 1}),  # JM022
        card("tp-stray", "s-consider", name="Stray banner", slot={"column": 2}),  # JM021, 23
        card("tp-app", "s-loyalty", name="Loyalty app", personas=("p-ana",)),  # JM004, JM024
        card(
            "tp-mail",
            "s-loyalty",
            name="Birthday email",
            slot={"column": 1},
            kpis=(Kpi(name="Open rate", target=30, unit="%"),),
        ),
        card("tp-gift", "s-loyalty", name="Gift card", slot={"column": 2}),  # JM020
        card("tp-stray-end", "s-loyalty", name="Stray coupon", slot={"column": 3}),
    ]
    flow = [
        ("tp-ad", "tp-page"),
        ("tp-poster", "tp-page"),
        ("tp-page", "tp-size"),
        ("tp-page", "tp-app"),
        ("tp-app", "tp-mail"),
        ("tp-app", "tp-page"),
        ("tp-app", "tp-app"),
        ("tp-stray", "tp-stray-end"),
    ]
    personas = (  # JM040 twice: Ana's path stops before the exit, Ben has no card
        Persona(id="p-ana", name="Ana"),
        Persona(id="p-ben", name="Ben"),
    )
    return data(
        cards, flow, stages, title="Every rule", personas=personas, require_measurement=True
    )  # JM031: every card but the poster and the email


def broken_data() -> JourneyData:
    """File data with every kind of reference problem the model knows (JM001–JM003, 5–7)."""
    lanes = (
        Lane(id="doing", name="Doing", kind=LaneKind.NOTES),
        Lane(id="feeling", name="Feeling", kind=LaneKind.EMOTION),
    )  # JM007: no touchpoints lane
    cards = (
        card("t1", "s1", name="Ad", lane="doing"),  # JM005
        card("t2", "s1", name="Page", lane="nowhere"),  # JM002
        card("t3", "gone", name="Email", lane="doing", emotion=9),  # JM002, JM005, JM006
        card("t1", "s1", name="Copy of the ad", lane="doing"),  # JM001, JM005
    )
    connections = (
        Connection(id="c1", source="t1", target="t2"),
        Connection(id="c2", source="t1", target="t2"),  # JM003
        Connection(id="c3", source="t2", target="ghost"),  # JM002
    )
    return JourneyData(
        title="Broken",
        stages=(Stage(id="s1", name="Only"),),
        lanes=lanes,
        touchpoints=cards,
        connections=connections,
    )
