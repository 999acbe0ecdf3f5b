"""Reversible edits: every change to a `Journey` is one of these.

`journey.apply(edit)` performs the edit and returns its inverse, so undo is applying
the inverse and redo is applying the edit again. An edit that fails raises
`EditError` and leaves the map as it was (compound edits roll back what they did).

Edits that carry a `merge_key` can merge with the next edit of the same kind and key
(a run of arrow-key nudges, typing in one field) into one undo step.

The edits live in `base` (the base class, `Batch`), `cards` (touchpoints and
connections) and `structure` (stages, lanes, personas, the map's info); this package
names them all.
"""

from journeymapper.model.edits.base import Batch, Edit, Placement, quoted, validated
from journeymapper.model.edits.cards import (
    AddTouchpoint,
    Connect,
    Disconnect,
    MoveTouchpoints,
    RemoveTouchpoint,
    UpdateConnection,
    UpdateTouchpoint,
)
from journeymapper.model.edits.structure import (
    AddLane,
    AddPersona,
    AddStage,
    RemoveLane,
    RemovePersona,
    RemoveStage,
    ReorderLanes,
    ReorderPersonas,
    ReorderStages,
    SetNote,
    UpdateInfo,
    UpdateLane,
    UpdatePersona,
    UpdateStage,
)

__all__ = [
    "AddLane",
    "AddPersona",
    "AddStage",
    "AddTouchpoint",
    "Batch",
    "Connect",
    "Disconnect",
    "Edit",
    "MoveTouchpoints",
    "Placement",
    "RemoveLane",
    "RemovePersona",
    "RemoveStage",
    "RemoveTouchpoint",
    "ReorderLanes",
    "ReorderPersonas",
    "ReorderStages",
    "SetNote",
    "UpdateConnection",
    "UpdateInfo",
    "UpdateLane",
    "UpdatePersona",
    "UpdateStage",
    "UpdateTouchpoint",
    "quoted",
    "validated",
]
