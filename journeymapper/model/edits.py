"""Reversible edits: every change to a `Journey` is one of these.

`journey.apply(edit)` performs the edit and returns its inverse, so undo is applying
the inverse and redo is applying the edit again. An edit that fails raises
`EditError` and leaves the map as it was (compound edits roll back what they did).

Edits that carry a `merge_key` can merge with the next edit of the same kind and key
(a run of arrow-key nudges, typing in one field) into one undo step.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, TypeVar

from pydantic import BaseModel, ValidationError

from journeymapper.model.document import EditError, Journey
from journeymapper.model.schema import (
    Connection,
    Lane,
    MapInfo,
    Persona,
    Slot,
    Stage,
    Touchpoint,
)

M = TypeVar("M", bound=BaseModel)


class Placement(NamedTuple):
    """Where a card is: its stage, its touchpoints lane and its slot in that cell."""

    stage: str
    lane: str
    slot: Slot

    @classmethod
    def of(cls, tp: Touchpoint) -> Placement:
        return cls(tp.stage, tp.lane, tp.slot)


@dataclass(frozen=True)
class Edit:
    """Base of all edits. Subclasses implement `apply_to` and `describe`."""

    merge_key: str | None = field(default=None, kw_only=True)

    def apply_to(self, journey: Journey) -> Edit:
        raise NotImplementedError

    def describe(self, journey: Journey) -> str:
        """A short label for Edit ▸ Undo, computed before the edit is applied."""
        return "Edit"

    def merge_with(self, later: Edit) -> Edit | None:
        """One edit doing self then `later`, when they may share an undo step; else None."""
        return None


def quoted(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"


def validated(model: M, changes: Mapping[str, Any]) -> M:
    """`model` with `changes`, validated as a whole; errors become an `EditError`."""
    if "id" in changes and changes["id"] != getattr(model, "id", None):
        raise EditError("an id never changes")
    try:
        return type(model).model_validate({**dict(model), **changes})
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise EditError(f"{where}: {first['msg']}") from None


def _old_values(model: BaseModel, changes: Mapping[str, Any]) -> dict[str, Any]:
    return {key: getattr(model, key) for key in changes}


def _mergeable(first: Edit, later: Edit, *same: str) -> bool:
    return (
        first.merge_key is not None
        and type(first) is type(later)
        and first.merge_key == later.merge_key
        and all(getattr(first, name) == getattr(later, name) for name in same)
    )


@dataclass(frozen=True)
class Batch(Edit):
    """Several edits as one undo step, applied in order and undone in reverse."""

    edits: tuple[Edit, ...] = ()
    label: str = ""

    def apply_to(self, journey: Journey) -> Edit:
        inverses: list[Edit] = []
        try:
            for edit in self.edits:
                inverses.append(edit.apply_to(journey))
        except Exception:
            for inverse in reversed(inverses):
                inverse.apply_to(journey)
            raise
        return Batch(tuple(reversed(inverses)), self.label)

    def describe(self, journey: Journey) -> str:
        if self.label:
            return self.label
        return self.edits[0].describe(journey) if len(self.edits) == 1 else "Several changes"


def _apply_all(journey: Journey, edits: Sequence[Edit], undo_first: Callable[[], None]) -> None:
    """Apply `edits` after a first step already done; on failure undo them and that step."""
    try:
        Batch(tuple(edits)).apply_to(journey)
    except Exception:
        undo_first()
        raise


# ----- touchpoints ---------------------------------------------------------------


@dataclass(frozen=True)
class AddTouchpoint(Edit):
    touchpoint: Touchpoint
    connections: tuple[Connection, ...] = ()

    def apply_to(self, journey: Journey) -> Edit:
        tp = self.touchpoint
        journey._add_touchpoint(tp)
        _apply_all(
            journey,
            [Connect(c) for c in self.connections],
            lambda: journey._remove_touchpoint(tp.id),
        )
        return RemoveTouchpoint(tp.id)

    def describe(self, journey: Journey) -> str:
        return f"Add {quoted(self.touchpoint.name)}"


@dataclass(frozen=True)
class RemoveTouchpoint(Edit):
    touchpoint_id: str

    def apply_to(self, journey: Journey) -> Edit:
        tp = journey.touchpoint(self.touchpoint_id)
        connections = tuple(journey.connections_of([tp.id]))
        journey._remove_touchpoint(tp.id)
        return AddTouchpoint(tp, connections)

    def describe(self, journey: Journey) -> str:
        return f"Delete {quoted(journey.touchpoint(self.touchpoint_id).name)}"


@dataclass(frozen=True)
class UpdateTouchpoint(Edit):
    """Change any fields of a touchpoint but its id (name, emotion, pain points, stage…)."""

    touchpoint_id: str
    changes: Mapping[str, Any]

    def apply_to(self, journey: Journey) -> Edit:
        old = journey.touchpoint(self.touchpoint_id)
        journey._set_touchpoint(validated(old, self.changes))
        return UpdateTouchpoint(
            self.touchpoint_id, _old_values(old, self.changes), merge_key=self.merge_key
        )

    def describe(self, journey: Journey) -> str:
        name = quoted(journey.touchpoint(self.touchpoint_id).name)
        if list(self.changes) == ["name"]:
            return f"Rename {name}"
        what = ", ".join(key.replace("_", " ") for key in self.changes)
        return f"Change {what} of {name}"

    def merge_with(self, later: Edit) -> Edit | None:
        if not _mergeable(self, later, "touchpoint_id"):
            return None
        assert isinstance(later, UpdateTouchpoint)
        return UpdateTouchpoint(
            self.touchpoint_id, {**self.changes, **later.changes}, merge_key=self.merge_key
        )


@dataclass(frozen=True)
class MoveTouchpoints(Edit):
    """Move cards to new placements in one step (a drag, a nudge, a stage change)."""

    moves: Mapping[str, Placement]

    def apply_to(self, journey: Journey) -> Edit:
        old = {ident: journey.touchpoint(ident) for ident in self.moves}
        new = {
            ident: tp.model_copy(update=self.moves[ident]._asdict()) for ident, tp in old.items()
        }
        for tp in new.values():
            journey._check_touchpoint(tp)
        for tp in new.values():
            journey._set_touchpoint(tp)
        return MoveTouchpoints(
            {ident: Placement.of(tp) for ident, tp in old.items()}, merge_key=self.merge_key
        )

    def describe(self, journey: Journey) -> str:
        if len(self.moves) == 1:
            return f"Move {quoted(journey.touchpoint(next(iter(self.moves))).name)}"
        return f"Move {len(self.moves)} touchpoints"

    def merge_with(self, later: Edit) -> Edit | None:
        if not _mergeable(self, later):
            return None
        assert isinstance(later, MoveTouchpoints)
        return MoveTouchpoints({**self.moves, **later.moves}, merge_key=self.merge_key)


# ----- connections ---------------------------------------------------------------


@dataclass(frozen=True)
class Connect(Edit):
    connection: Connection

    def apply_to(self, journey: Journey) -> Edit:
        journey._add_connection(self.connection)
        return Disconnect(self.connection.id)

    def describe(self, journey: Journey) -> str:
        source = journey.touchpoint(self.connection.source).name
        target = journey.touchpoint(self.connection.target).name
        return f"Connect {quoted(source, 20)} → {quoted(target, 20)}"


@dataclass(frozen=True)
class Disconnect(Edit):
    connection_id: str

    def apply_to(self, journey: Journey) -> Edit:
        conn = journey.connection(self.connection_id)
        journey._remove_connection(conn.id)
        return Connect(conn)

    def describe(self, journey: Journey) -> str:
        return "Delete connection"


@dataclass(frozen=True)
class UpdateConnection(Edit):
    connection_id: str
    changes: Mapping[str, Any]

    def apply_to(self, journey: Journey) -> Edit:
        old = journey.connection(self.connection_id)
        journey._set_connection(validated(old, self.changes))
        return UpdateConnection(self.connection_id, _old_values(old, self.changes))

    def describe(self, journey: Journey) -> str:
        return "Label connection" if list(self.changes) == ["label"] else "Change connection"


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
        _apply_all(journey, steps, lambda: journey._remove_stage(self.stage.id))
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
        return UpdateStage(self.stage_id, _old_values(old, self.changes))

    def describe(self, journey: Journey) -> str:
        return _describe_update("stage", journey.stage(self.stage_id).name, self.changes)


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
        _apply_all(journey, steps, lambda: journey._remove_lane(self.lane.id))
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
        return UpdateLane(self.lane_id, _old_values(old, self.changes))

    def describe(self, journey: Journey) -> str:
        return _describe_update("lane", journey.lane(self.lane_id).name, self.changes)


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
        return later if _mergeable(self, later, "lane_id", "stage_id") else None


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
        _apply_all(journey, steps, lambda: journey._remove_persona(self.persona.id))
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
        return UpdatePersona(self.persona_id, _old_values(old, self.changes))

    def describe(self, journey: Journey) -> str:
        return _describe_update("persona", journey.persona(self.persona_id).name, self.changes)


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
        return UpdateInfo(_old_values(old, self.changes), merge_key=self.merge_key)

    def describe(self, journey: Journey) -> str:
        return _describe_update("map", journey.title, self.changes)

    def merge_with(self, later: Edit) -> Edit | None:
        if not _mergeable(self, later):
            return None
        assert isinstance(later, UpdateInfo)
        return UpdateInfo({**self.changes, **later.changes}, merge_key=self.merge_key)


def _describe_update(what: str, name: str, changes: Mapping[str, Any]) -> str:
    if list(changes) == ["name"] or list(changes) == ["title"]:
        return f"Rename {what} {quoted(name)}"
    if list(changes) == ["color"]:
        return f"Recolour {what} {quoted(name)}"
    fields = ", ".join(key.replace("_", " ") for key in changes)
    return f"Change {fields} of {what} {quoted(name)}"
