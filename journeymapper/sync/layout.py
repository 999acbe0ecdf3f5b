"""The Y document layout of a map: which shared types hold what, field by field.

Any Yjs client can read and write a map through this layout (the README's "Working
together" section documents it for other languages). The rules that make concurrent
edits merge into a valid map:

- every object lives in a root `Y.Map` keyed by its stable id (`stages`, `lanes`,
  `personas`, `touchpoints`, `connections`): concurrent additions never collide and a
  rebuilt document cannot duplicate an object;
- stages, lanes and personas carry an `order` field holding a fractional-index key (the
  string keys of David Greenspan's "Implementing Fractional Indexing", as the npm
  `fractional-indexing` package writes them), sorted with ties broken by id; they are
  never positions in a `Y.Array`, where a concurrent move (delete and reinsert)
  duplicates the item;
- a touchpoint's place (stage, lane, column, order in its cell) is ONE value, `place`,
  so two people moving the same card end with one whole move;
- votes are a nested `Y.Map` keyed by voter, so two people voting at once both count;
- a field that is absent holds its default (as in a `.journey` file); numbers are
  stored as JSON numbers (float64), the only number Yjs and JavaScript agree on.

Stages, lanes, personas and touchpoints are nested `Y.Map`s (one entry per field), so
concurrent edits of different fields of one card both survive and edits of the same
field end equal everywhere (the later writer by Yjs's rules). A connection is one JSON
value `{source, target, label}`: its ends never change.
"""

from __future__ import annotations

from typing import Any, Final, TypeAlias

from pycrdt import Doc, Map

from journeymapper.analysis import coverage

#: a map's Y document: every root is a `Y.Map` (pycrdt types a document by its roots)
YDoc: TypeAlias = Doc[Map[Any]]

#: the document's format marker and the version of this layout
FORMAT: Final = "journeymapper"
LAYOUT_VERSION: Final = 1

# root shared types (all `Y.Map`)
META: Final = "meta"  # format, layout, epoch (the current one)
EPOCHS: Final = "epochs"  # every epoch this history was built or rebuilt in: id → ms
INFO: Final = "info"  # title, description, state, emotion_scale, require_measurement
STAGES: Final = "stages"
LANES: Final = "lanes"
PERSONAS: Final = "personas"
TOUCHPOINTS: Final = "touchpoints"
CONNECTIONS: Final = "connections"
ROOTS: Final = (META, EPOCHS, INFO, STAGES, LANES, PERSONAS, TOUCHPOINTS, CONNECTIONS)
#: the roots that hold the map itself (what undo covers and what a push replaces)
CONTENT_ROOTS: Final = (INFO, STAGES, LANES, PERSONAS, TOUCHPOINTS, CONNECTIONS)

# fields with a shape of their own
ORDER: Final = "order"  # stages, lanes, personas: a fractional-index key (string)
PLACE: Final = "place"  # touchpoints: {"stage", "lane", "column", "order"}
VOTES: Final = "votes"  # touchpoints: nested Y.Map voter → count
NOTES: Final = "notes"  # lanes: nested Y.Map stage id → text

STAGE_FIELDS: Final = ("name", "color", "description", "phase")
LANE_FIELDS: Final = ("name", "kind", "hidden")
PERSONA_FIELDS: Final = ("name", "description", "goals", "color")
TOUCHPOINT_FIELDS: Final = (
    "name",
    "description",
    "channel",
    "category",
    "ownership",
    "emotion",
    "pain_points",
    "opportunities",
    "kpis",
    "feedback",
    "owner",
    "personas",
    "tags",
    "evidence",
)
INFO_FIELDS: Final = ("title", "description", "state", "emotion_scale", "require_measurement")

#: where cards go whose stage was deleted while someone added or moved them there: a
#: stage that exists only while it holds cards, with the same id on every replica
HOLDING_STAGE_ID: Final = coverage.HOLDING_STAGE_ID  # "needs-stage"; rule JM016 flags it
HOLDING_STAGE_NAME: Final = "Needs a stage"
HOLDING_STAGE_TEXT: Final = (
    "Cards whose stage was deleted by a collaborator while they were being added or "
    "moved there. Move each one to a stage; this column goes away when it is empty."
)
#: the same for cards whose lane went away and no touchpoints lane is left
HOLDING_LANE_ID: Final = coverage.HOLDING_LANE_ID  # "needs-lane"
HOLDING_LANE_NAME: Final = "Needs a lane"
