"""What participants see of the map: stages and cards as small JSON-ready dicts.

Built on the map's thread from the `Journey` (the only place it is read) and handed to
the session on the server's loop, so the loop never touches the live map. A card shows
its name, emotion, pain points and recorded votes; nothing else of the map leaves the
laptop (descriptions, KPIs, owners and notes stay private).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from journeymapper.model.document import Journey
from journeymapper.model.schema import Stage, Touchpoint

ROOM_TAG = "workshop"  # the tag of cards a participant added: easy to find afterwards
MAX_SHOWN_PAIN_POINTS = 5

View = dict[str, Any]


@dataclass(frozen=True)
class MapView:
    """A whole snapshot: title, emotion scale, stages in order, cards by id."""

    title: str
    scale: View
    stages: tuple[View, ...]
    cards: dict[str, View] = field(default_factory=dict)


@dataclass(frozen=True)
class CardChanged:
    card: View


@dataclass(frozen=True)
class CardRemoved:
    card_id: str


Change = MapView | CardChanged | CardRemoved


def lane_order(journey: Journey) -> dict[str, int]:
    return {lane.id: i for i, lane in enumerate(journey.lanes)}


def card_view(tp: Touchpoint, lanes: dict[str, int]) -> View:
    return {
        "id": tp.id,
        "stage": tp.stage,
        "name": tp.name,
        "emotion": tp.emotion,
        "pain": list(tp.pain_points[:MAX_SHOWN_PAIN_POINTS]),
        "votes": tp.votes,
        "room": ROOM_TAG in tp.tags,
        "pos": [lanes.get(tp.lane, len(lanes)), tp.slot.column, tp.slot.order],
    }


def stage_view(stage: Stage) -> View:
    return {"id": stage.id, "name": stage.name, "color": stage.color}


def map_view(journey: Journey) -> MapView:
    scale = journey.info.emotion_scale
    lanes = lane_order(journey)
    return MapView(
        title=journey.title,
        scale={"min": scale.minimum, "max": scale.maximum, "labels": list(scale.labels)},
        stages=tuple(stage_view(s) for s in journey.stages),
        cards={tp.id: card_view(tp, lanes) for tp in journey.touchpoints()},
    )
