"""Edits of touchpoints and connections: add, remove, update, move; connect."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from journeymapper.model.document import Journey
from journeymapper.model.edits.base import (
    Edit,
    Placement,
    apply_all,
    mergeable,
    old_values,
    quoted,
    validated,
)
from journeymapper.model.schema import (
    Connection,
    Touchpoint,
)

# ----- touchpoints ---------------------------------------------------------------


@dataclass(frozen=True)
class AddTouchpoint(Edit):
    touchpoint: Touchpoint
    connections: tuple[Connection, ...] = ()

    def apply_to(self, journey: Journey) -> Edit:
        tp = self.touchpoint
        journey._add_touchpoint(tp)
        apply_all(
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
            self.touchpoint_id, old_values(old, self.changes), merge_key=self.merge_key
        )

    def describe(self, journey: Journey) -> str:
        name = quoted(journey.touchpoint(self.touchpoint_id).name)
        if list(self.changes) == ["name"]:
            return f"Rename {name}"
        what = ", ".join(key.replace("_", " ") for key in self.changes)
        return f"Change {what} of {name}"

    def merge_with(self, later: Edit) -> Edit | None:
        if not mergeable(self, later, "touchpoint_id"):
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
        if not mergeable(self, later):
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
        return UpdateConnection(self.connection_id, old_values(old, self.changes))

    def describe(self, journey: Journey) -> str:
        return "Label connection" if list(self.changes) == ["label"] else "Change connection"
