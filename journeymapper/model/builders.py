"""Helpers that make new objects for a map: fresh ids, a free slot, catalogue defaults.

They only build data; nothing changes until the caller applies an edit with it.
"""

from __future__ import annotations

import re
from typing import Any

from journeymapper.model import catalog
from journeymapper.model.document import Journey
from journeymapper.model.schema import (
    Category,
    Connection,
    Lane,
    LaneKind,
    Persona,
    Slot,
    Stage,
    Touchpoint,
)


def next_slot(journey: Journey, stage_id: str, lane_id: str) -> Slot:
    """The slot right of the last card column of a cell: new cards read left to right."""
    columns = [tp.slot.column for tp in journey.touchpoints_in(stage_id, lane_id)]
    return Slot(column=max(columns) + 1 if columns else 0, order=0.0)


def new_touchpoint(
    journey: Journey,
    name: str,
    stage_id: str,
    lane_id: str,
    slot: Slot | None = None,
    **fields: Any,
) -> Touchpoint:
    """A touchpoint with a fresh id. A catalogue channel brings its category and
    ownership; without one, a lane named for a category ("Physical", "Human
    touchpoints") gives the card that category, so a card captured by keyboard in the
    Physical lane is a physical touchpoint."""
    entry = catalog.channel(fields.get("channel", ""))
    if entry is not None:
        fields.setdefault("category", entry.category)
        fields.setdefault("ownership", entry.ownership)
    if fields.get("category") is None:
        fields["category"] = lane_category(journey, lane_id)
    return Touchpoint(
        id=journey.new_id("tp"),
        name=name,
        stage=stage_id,
        lane=lane_id,
        slot=slot if slot is not None else next_slot(journey, stage_id, lane_id),
        **fields,
    )


def lane_category(journey: Journey, lane_id: str) -> Category | None:
    """The category a touchpoints lane stands for when its name says so: one of the
    words Digital, Physical or Human (any case), and not two of them."""
    lane = next((lane for lane in journey.lanes if lane.id == lane_id), None)
    if lane is None:
        return None
    words = set(re.findall(r"\w+", lane.name.casefold()))
    named = [c for c, label in catalog.CATEGORY_LABELS.items() if label.casefold() in words]
    return named[0] if len(named) == 1 else None


def new_connection(journey: Journey, source: str, target: str, label: str = "") -> Connection:
    return Connection(id=journey.new_id("c"), source=source, target=target, label=label)


STAGE_COLORS = ("#4C78A8", "#F58518", "#54A24B", "#B279A2", "#E45756", "#72B7B2", "#9D755D")


def new_stage(journey: Journey, name: str = "New stage", **fields: Any) -> Stage:
    fields.setdefault("color", STAGE_COLORS[len(journey.stages) % len(STAGE_COLORS)])
    return Stage(id=journey.new_id("stage"), name=name, **fields)


def new_lane(
    journey: Journey, name: str = "New lane", kind: LaneKind = LaneKind.TOUCHPOINTS
) -> Lane:
    return Lane(id=journey.new_id("lane"), name=name, kind=kind)


PERSONA_COLORS = ("#7E57C2", "#26A69A", "#EF6C00", "#5C6BC0", "#D81B60", "#8D6E63")


def new_persona(journey: Journey, name: str = "New persona", **fields: Any) -> Persona:
    fields.setdefault("color", PERSONA_COLORS[len(journey.personas) % len(PERSONA_COLORS)])
    return Persona(id=journey.new_id("persona"), name=name, **fields)
