"""Edits that make a `Journey` equal to a projected map: how remote changes reach the editor.

The edits are the model's own (`AddTouchpoint`, `UpdateTouchpoint`, `RemoveStage`…),
so the scene, the problems panel, autosave and the poster follow a remote change as
they follow any edit; they are applied by the binding, never pushed on an undo stack.
The order is the one every edit's checks allow: new stages, lanes and personas before
the cards that use them, cards moved out before their stage or lane goes, connections
after their ends. When a list of edits cannot express a change (a refused edit), the
binding falls back to replacing the whole map.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from journeymapper.model.document import Journey
from journeymapper.model.edits import (
    AddLane,
    AddPersona,
    AddStage,
    AddTouchpoint,
    Connect,
    Disconnect,
    Edit,
    RemoveLane,
    RemovePersona,
    RemoveStage,
    RemoveTouchpoint,
    ReorderLanes,
    ReorderPersonas,
    ReorderStages,
    UpdateConnection,
    UpdateInfo,
    UpdateLane,
    UpdatePersona,
    UpdateStage,
    UpdateTouchpoint,
)
from journeymapper.model.schema import (
    EmotionScale,
    JourneyData,
    Lane,
    LaneKind,
    MapInfo,
    Persona,
    Stage,
    Touchpoint,
)


def changes(old: Any, new: Any) -> dict[str, Any]:
    """The fields (but the id) whose values differ between two model objects."""
    return {
        name: getattr(new, name)
        for name in type(new).model_fields
        if name != "id" and getattr(old, name) != getattr(new, name)
    }


def edits_to(journey: Journey, data: JourneyData) -> list[Edit]:
    """Edits that turn `journey` into `data`, in an order every edit accepts."""
    edits: list[Edit] = []
    target_conns = {c.id: c for c in data.connections}
    for conn in journey.connections():
        new = target_conns.get(conn.id)
        if new is None or (new.source, new.target) != (conn.source, conn.target):
            edits.append(Disconnect(conn.id))
    edits += _additions(journey.personas, data.personas, AddPersona)
    edits += _additions(journey.stages, data.stages, AddStage)
    edits += _additions(journey.lanes, data.lanes, AddLane)
    info, final_info = _info_steps(journey.info, data.info())
    edits += info
    edits += _updates(journey.personas, data.personas, UpdatePersona)
    edits += _updates(journey.stages, data.stages, UpdateStage)
    lanes_first, lanes_last = _lane_updates(journey.lanes, data.lanes)
    edits += lanes_first
    edits += _touchpoint_edits(journey, data.touchpoints)
    have = {c.id: c for c in journey.connections()}
    for conn in data.connections:
        old = have.get(conn.id)
        if old is None or (old.source, old.target) != (conn.source, conn.target):
            edits.append(Connect(conn))
        elif old.label != conn.label:
            edits.append(UpdateConnection(conn.id, {"label": conn.label}))
    wanted = {tp.id for tp in data.touchpoints}
    edits += [RemoveTouchpoint(tp.id) for tp in journey.touchpoints() if tp.id not in wanted]
    edits += lanes_last
    edits += _removals(journey.lanes, data.lanes, RemoveLane)
    edits += _removals(journey.stages, data.stages, RemoveStage)
    edits += _removals(journey.personas, data.personas, RemovePersona)
    edits += _reorder(data.stages, journey.stages, ReorderStages)
    edits += _reorder(data.lanes, journey.lanes, ReorderLanes)
    edits += _reorder(data.personas, journey.personas, ReorderPersonas)
    return edits + final_info


def _additions(have: Sequence[Any], want: Sequence[Any], add: Callable[..., Edit]) -> list[Edit]:
    known = {o.id for o in have}
    return [add(obj) for obj in want if obj.id not in known]


def _updates(have: Sequence[Any], want: Sequence[Any], update: Callable[..., Edit]) -> list[Edit]:
    old = {o.id: o for o in have}
    edits = []
    for obj in want:
        if obj.id in old and old[obj.id] != obj:
            edits.append(update(obj.id, changes(old[obj.id], obj)))
    return edits


def _removals(have: Sequence[Any], want: Sequence[Any], remove: Callable[..., Edit]) -> list[Edit]:
    wanted = {o.id for o in want}
    return [remove(o.id) for o in have if o.id not in wanted]


def _reorder(
    want: Sequence[Stage | Lane | Persona],
    have: Sequence[Stage | Lane | Persona],
    reorder: Callable[..., Edit],
) -> list[Edit]:
    """A reorder when the order differs once additions and removals are done."""
    wanted = [o.id for o in want]
    kept = [o.id for o in have if o.id in set(wanted)]
    kept += [ident for ident in wanted if ident not in set(kept)]
    return [] if kept == wanted else [reorder(tuple(wanted))]


def _lane_updates(have: Sequence[Lane], want: Sequence[Lane]) -> tuple[list[Edit], list[Edit]]:
    """Lane changes: those that stop a lane holding cards wait until its cards have moved."""
    old = {lane.id: lane for lane in have}
    first: list[Edit] = []
    last: list[Edit] = []
    for lane in want:
        before = old.get(lane.id)
        if before is None or before == lane:
            continue
        edit = UpdateLane(lane.id, changes(before, lane))
        leaves = before.kind is LaneKind.TOUCHPOINTS and lane.kind is not LaneKind.TOUCHPOINTS
        (last if leaves else first).append(edit)
    return first, last


def _info_steps(old: MapInfo, new: MapInfo) -> tuple[list[Edit], list[Edit]]:
    """Info changes; a new emotion scale goes through the hull of both while cards move."""
    if old == new:
        return [], []
    final: list[Edit] = [UpdateInfo(changes(old, new))]
    if old.emotion_scale == new.emotion_scale:
        return [], final
    hull = EmotionScale(
        minimum=min(old.emotion_scale.minimum, new.emotion_scale.minimum),
        maximum=max(old.emotion_scale.maximum, new.emotion_scale.maximum),
        labels=(),
    )
    return [UpdateInfo({"emotion_scale": hull})], final


def _touchpoint_edits(journey: Journey, want: Sequence[Touchpoint]) -> list[Edit]:
    edits: list[Edit] = []
    for tp in want:
        if not journey.has_touchpoint(tp.id):
            edits.append(AddTouchpoint(tp))
            continue
        old = journey.touchpoint(tp.id)
        if old != tp:
            edits.append(UpdateTouchpoint(tp.id, changes(old, tp)))
    return edits


def touchpoint_edits(journey: Journey, projected: Mapping[str, Touchpoint | None]) -> list[Edit]:
    """Edits for some cards only: None means the card is gone."""
    edits: list[Edit] = []
    present = [tp for tp in projected.values() if tp is not None]
    edits += _touchpoint_edits(journey, present)
    edits += [
        RemoveTouchpoint(ident)
        for ident, tp in projected.items()
        if tp is None and journey.has_touchpoint(ident)
    ]
    return edits
