"""Edits of the grid: stages, lanes (notes included), personas and the map's info."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from journeymapper.model.document import Journey
from journeymapper.model.edits.base import (
    Batch,
    Edit,
    apply_all,
    describe_update,
    mergeable,
    old_values,
    quoted,
    validated,
)
from journeymapper.model.edits.cards import (
    AddTouchpoint,
    Connect,
    Disconnect,
    RemoveTouchpoint,
    UpdateTouchpoint,
)
from journeymapper.model.schema import (
    Connection,
    Lane,
    MapInfo,
    Persona,
    Stage,
    Touchpoint,
)

# ----- stages --------------------------------------------------------------------


@dataclass(frozen=True)
class AddStage(Edit):
    """Insert a stage at `index` (-1: at the end), with the content it had when removed."""

    stage: Stage
    index: int = -1
    touchpoints: tuple[Touchpoint, ...] = ()
    connections: tuple[Connection, ...] = ()
    notes: Mapping[str, str] = field(default_factory=dict)

    def apply_to(self, journey: Journey) -> Edit:
        index = len(journey.stages) if self.index < 0 else self.index
        journey._insert_stage(index, self.stage)
        steps: list[Edit] = [
            SetNote(lane, self.stage.id, text) for lane, text in self.notes.items()
        ]
        steps += [AddTouchpoint(tp) for tp in self.touchpoints]
        steps += [Connect(c) for c in self.connections]
        apply_all(journey, steps, lambda: journey._remove_stage(self.stage.id))
        return RemoveStage(self.stage.id)

    def describe(self, journey: Journey) -> str:
        return f"Add stage {quoted(self.stage.name)}"


@dataclass(frozen=True)
class RemoveStage(Edit):
    """Remove a stage with its touchpoints, their connections and its notes cells."""

    stage_id: str

    def apply_to(self, journey: Journey) -> Edit:
        stage = journey.stage(self.stage_id)
        index = journey.stage_index(stage.id)
        touchpoints = journey.touchpoints_in(stage.id)
        connections = journey.connections_of(tp.id for tp in touchpoints)
        notes = {lane.id: lane.notes[stage.id] for lane in journey.lanes if stage.id in lane.notes}
        steps: list[Edit] = [Disconnect(c.id) for c in connections]
        steps += [RemoveTouchpoint(tp.id) for tp in touchpoints]
        steps += [SetNote(lane, stage.id, "") for lane in notes]
        undo = Batch(tuple(steps)).apply_to(journey)
        try:
            journey._remove_stage(stage.id)
        except Exception:
            undo.apply_to(journey)
            raise
        return AddStage(
            stage,
            index,
            tuple(sorted(touchpoints, key=lambda t: t.id)),
            tuple(connections),
            notes,
        )

    def describe(self, journey: Journey) -> str:
        return f"Delete stage {quoted(journey.stage(self.stage_id).name)}"


@dataclass(frozen=True)
class UpdateStage(Edit):
    stage_id: str
    changes: Mapping[str, Any]

    def apply_to(self, journey: Journey) -> Edit:
        old = journey.stage(self.stage_id)
        journey._set_stage(validated(old, self.changes))
        return UpdateStage(self.stage_id, old_values(old, self.changes))

    def describe(self, journey: Journey) -> str:
        return describe_update("stage", journey.stage(self.stage_id).name, self.changes)


@dataclass(frozen=True)
class ReorderStages(Edit):
    order: tuple[str, ...]

    def apply_to(self, journey: Journey) -> Edit:
        old = tuple(s.id for s in journey.stages)
        journey._reorder_stages(self.order)
        return ReorderStages(old)

    def describe(self, journey: Journey) -> str:
        return "Reorder stages"


# ----- lanes ---------------------------------------------------------------------


@dataclass(frozen=True)
class AddLane(Edit):
    """Insert a lane at `index` (-1: at the end), with the cards it had when removed."""

    lane: Lane
    index: int = -1
    touchpoints: tuple[Touchpoint, ...] = ()
    connections: tuple[Connection, ...] = ()

    def apply_to(self, journey: Journey) -> Edit:
        index = len(journey.lanes) if self.index < 0 else self.index
        journey._insert_lane(index, self.lane)
        steps: list[Edit] = [AddTouchpoint(tp) for tp in self.touchpoints]
        steps += [Connect(c) for c in self.connections]
        apply_all(journey, steps, lambda: journey._remove_lane(self.lane.id))
        return RemoveLane(self.lane.id)

    def describe(self, journey: Journey) -> str:
        return f"Add lane {quoted(self.lane.name)}"


@dataclass(frozen=True)
class RemoveLane(Edit):
    lane_id: str

    def apply_to(self, journey: Journey) -> Edit:
        lane = journey.lane(self.lane_id)
        index = journey.lane_index(lane.id)
        touchpoints = [tp for tp in journey.touchpoints() if tp.lane == lane.id]
        connections = journey.connections_of(tp.id for tp in touchpoints)
        journey._check_keeps_touchpoint_lane(lane.id, None)
        steps: list[Edit] = [Disconnect(c.id) for c in connections]
        steps += [RemoveTouchpoint(tp.id) for tp in touchpoints]
        undo = Batch(tuple(steps)).apply_to(journey)
        try:
            journey._remove_lane(lane.id)
        except Exception:
            undo.apply_to(journey)
            raise
        return AddLane(
            lane, index, tuple(sorted(touchpoints, key=lambda t: t.id)), tuple(connections)
        )

    def describe(self, journey: Journey) -> str:
        return f"Delete lane {quoted(journey.lane(self.lane_id).name)}"


@dataclass(frozen=True)
class UpdateLane(Edit):
    lane_id: str
    changes: Mapping[str, Any]

    def apply_to(self, journey: Journey) -> Edit:
        old = journey.lane(self.lane_id)
        journey._set_lane(validated(old, self.changes))
        return UpdateLane(self.lane_id, old_values(old, self.changes))

    def describe(self, journey: Journey) -> str:
        return describe_update("lane", journey.lane(self.lane_id).name, self.changes)


@dataclass(frozen=True)
class SetNote(Edit):
    """Set the text of one notes cell; empty text clears it."""

    lane_id: str
    stage_id: str
    text: str

    def apply_to(self, journey: Journey) -> Edit:
        lane = journey.lane(self.lane_id)
        journey.stage_index(self.stage_id)
        old = lane.notes.get(self.stage_id, "")
        notes = {k: v for k, v in lane.notes.items() if k != self.stage_id}
        if self.text:
            notes[self.stage_id] = self.text
        journey._set_lane(validated(lane, {"notes": notes}))
        return SetNote(self.lane_id, self.stage_id, old, merge_key=self.merge_key)

    def describe(self, journey: Journey) -> str:
        return f"Edit {quoted(journey.lane(self.lane_id).name)} note"

    def merge_with(self, later: Edit) -> Edit | None:
        return later if mergeable(self, later, "lane_id", "stage_id") else None


@dataclass(frozen=True)
class ReorderLanes(Edit):
    order: tuple[str, ...]

    def apply_to(self, journey: Journey) -> Edit:
        old = tuple(lane.id for lane in journey.lanes)
        journey._reorder_lanes(self.order)
        return ReorderLanes(old)

    def describe(self, journey: Journey) -> str:
        return "Reorder lanes"


# ----- personas and the map ------------------------------------------------------


@dataclass(frozen=True)
class AddPersona(Edit):
    """Insert a persona; `members` restores the persona lists of touchpoints that had it."""

    persona: Persona
    index: int = -1
    members: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def apply_to(self, journey: Journey) -> Edit:
        index = len(journey.personas) if self.index < 0 else self.index
        journey._insert_persona(index, self.persona)
        steps = [UpdateTouchpoint(tp, {"personas": ids}) for tp, ids in self.members.items()]
        apply_all(journey, steps, lambda: journey._remove_persona(self.persona.id))
        return RemovePersona(self.persona.id)

    def describe(self, journey: Journey) -> str:
        return f"Add persona {quoted(self.persona.name)}"


@dataclass(frozen=True)
class RemovePersona(Edit):
    persona_id: str

    def apply_to(self, journey: Journey) -> Edit:
        persona = journey.persona(self.persona_id)
        index = journey.persona_index(persona.id)
        members = {tp.id: tp.personas for tp in journey.touchpoints() if persona.id in tp.personas}
        steps = tuple(
            UpdateTouchpoint(tp, {"personas": tuple(p for p in ids if p != persona.id)})
            for tp, ids in members.items()
        )
        undo = Batch(steps).apply_to(journey)
        try:
            journey._remove_persona(persona.id)
        except Exception:
            undo.apply_to(journey)
            raise
        return AddPersona(persona, index, dict(sorted(members.items())))

    def describe(self, journey: Journey) -> str:
        return f"Delete persona {quoted(journey.persona(self.persona_id).name)}"


@dataclass(frozen=True)
class UpdatePersona(Edit):
    persona_id: str
    changes: Mapping[str, Any]

    def apply_to(self, journey: Journey) -> Edit:
        old = journey.persona(self.persona_id)
        journey._set_persona(validated(old, self.changes))
        return UpdatePersona(self.persona_id, old_values(old, self.changes))

    def describe(self, journey: Journey) -> str:
        return describe_update("persona", journey.persona(self.persona_id).name, self.changes)


@dataclass(frozen=True)
class ReorderPersonas(Edit):
    order: tuple[str, ...]

    def apply_to(self, journey: Journey) -> Edit:
        old = tuple(p.id for p in journey.personas)
        journey._reorder_personas(self.order)
        return ReorderPersonas(old)

    def describe(self, journey: Journey) -> str:
        return "Reorder personas"


@dataclass(frozen=True)
class UpdateInfo(Edit):
    """Change map-wide properties: title, description, state, emotion scale, measurement."""

    changes: Mapping[str, Any]

    def apply_to(self, journey: Journey) -> Edit:
        old: MapInfo = journey.info
        journey._set_info(validated(old, self.changes))
        return UpdateInfo(old_values(old, self.changes), merge_key=self.merge_key)

    def describe(self, journey: Journey) -> str:
        return describe_update("map", journey.title, self.changes)

    def merge_with(self, later: Edit) -> Edit | None:
        if not mergeable(self, later):
            return None
        assert isinstance(later, UpdateInfo)
        return UpdateInfo({**self.changes, **later.changes}, merge_key=self.merge_key)
