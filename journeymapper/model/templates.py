"""Starting points for new maps: the default three-phase map and the named templates."""

from __future__ import annotations

from journeymapper.model.schema import JourneyData, Lane, LaneKind, Phase, Stage

PHASE_COLORS = {
    Phase.PRE_PURCHASE: "#4C78A8",
    Phase.PURCHASE: "#F58518",
    Phase.POST_PURCHASE: "#54A24B",
}


def default_lanes() -> tuple[Lane, ...]:
    """The rows a new map starts with: what the customer does, meets, feels, suffers, could get."""
    return (
        Lane(id="doing", name="Doing", kind=LaneKind.NOTES),
        Lane(id="touchpoints", name="Touchpoints", kind=LaneKind.TOUCHPOINTS),
        Lane(id="feeling", name="Feeling", kind=LaneKind.EMOTION),
        Lane(id="pain-points", name="Pain points", kind=LaneKind.PAIN_POINTS),
        Lane(id="opportunities", name="Opportunities", kind=LaneKind.OPPORTUNITIES),
        Lane(id="backstage", name="Backstage", kind=LaneKind.NOTES),
    )


def three_phase_stages() -> tuple[Stage, ...]:
    return (
        Stage(
            id="pre-purchase",
            name="Pre-purchase",
            phase=Phase.PRE_PURCHASE,
            color=PHASE_COLORS[Phase.PRE_PURCHASE],
        ),
        Stage(
            id="purchase", name="Purchase", phase=Phase.PURCHASE, color=PHASE_COLORS[Phase.PURCHASE]
        ),
        Stage(
            id="post-purchase",
            name="Post-purchase",
            phase=Phase.POST_PURCHASE,
            color=PHASE_COLORS[Phase.POST_PURCHASE],
        ),
    )


def blank_map(title: str = "Untitled journey") -> JourneyData:
    """The map File ▸ New and `journeymapper new` give."""
    return JourneyData(title=title, stages=three_phase_stages(), lanes=default_lanes())
