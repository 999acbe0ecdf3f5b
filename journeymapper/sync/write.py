"""Local changes into the Y document: the objects an edit touched, field by field.

Only fields whose value differs from the document are written, so a local edit never
rewrites (and so never overwrites) a field someone else changed meanwhile; a field back
at its default is deleted, as a `.journey` file leaves it out. Votes change the local
voter's own count; clearing a card's votes clears every voter's.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Iterable, Mapping
from typing import Any

from pycrdt import Doc, Map

from journeymapper.model.document import Journey
from journeymapper.model.schema import Connection, JourneyData, Lane, Persona, Stage, Touchpoint
from journeymapper.sync import layout
from journeymapper.sync.layout import YDoc
from journeymapper.sync.order import rekey
from journeymapper.sync.project import keys_of, read_map, root

#: a dirty key: (root, id); ORDER_ID marks a root's order, ("*", "*") the whole map
Key = tuple[str, str]
ORDER_ID = "#order"
EVERYTHING: Key = ("*", "*")
ORDERED_ROOTS = (layout.STAGES, layout.LANES, layout.PERSONAS)


def new_epoch() -> str:
    return secrets.token_hex(8)


def touchpoint_value(tp: Touchpoint) -> dict[str, Any]:
    """A card's fields as the document holds them (defaults left out), with its place."""
    fields = tp.model_dump(
        mode="json", exclude_defaults=True, exclude={"id", "stage", "lane", "slot", "votes"}
    )
    fields[layout.PLACE] = {
        "stage": tp.stage,
        "lane": tp.lane,
        "column": tp.slot.column,
        "order": tp.slot.order,
    }
    return fields


def _plain(obj: Stage | Lane | Persona) -> dict[str, Any]:
    return obj.model_dump(mode="json", exclude_defaults=True, exclude={"id", "notes"})


def set_fields(target: Map[Any], desired: Mapping[str, Any], managed: Iterable[str]) -> None:
    """Write the fields of `desired` that differ; delete managed fields it leaves out."""
    current = read_map(target)
    for name in managed:
        if name in desired:
            if current.get(name) != desired[name] or name not in current:
                target[name] = desired[name]
        elif name in current:
            del target[name]


def write_touchpoint(doc: YDoc, tp: Touchpoint, voter: str) -> None:
    tps = root(doc, layout.TOUCHPOINTS)
    value = touchpoint_value(tp)
    existing = tps.get(tp.id)
    if not isinstance(existing, Map):
        tps[tp.id] = Map({**value, layout.VOTES: Map({voter: tp.votes} if tp.votes else {})})
        return
    set_fields(existing, value, (*layout.TOUCHPOINT_FIELDS, layout.PLACE))
    _write_votes(existing, tp.votes, voter)


def _write_votes(card: Map[Any], total: int, voter: str) -> None:
    votes = card.get(layout.VOTES)
    if not isinstance(votes, Map):
        card[layout.VOTES] = votes = Map()
    counts = {k: int(v) for k, v in read_map(votes).items() if _count(v)}
    delta = total - sum(counts.values())
    if delta == 0:
        return
    if total == 0:
        for name in list(votes.keys()):
            del votes[name]
        return
    mine = counts.get(voter, 0) + delta
    if mine >= 0:
        votes[voter] = mine
        return
    votes[voter] = 0
    deficit = -mine
    for name in sorted(counts):  # taking back more than my own votes: others', in key order
        if name != voter and deficit:
            take = min(counts[name], deficit)
            votes[name] = counts[name] - take
            deficit -= take


def _count(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value >= 0


def write_object(doc: YDoc, name: str, obj: Stage | Lane | Persona) -> None:
    """A stage, lane or persona: its fields (and a lane's notes), not its order."""
    target_root = root(doc, name)
    fields = {
        layout.STAGES: layout.STAGE_FIELDS,
        layout.LANES: layout.LANE_FIELDS,
        layout.PERSONAS: layout.PERSONA_FIELDS,
    }[name]
    existing = target_root.get(obj.id)
    desired = _plain(obj)
    if not isinstance(existing, Map):
        if isinstance(obj, Lane):
            desired[layout.NOTES] = Map(dict(obj.notes))
        target_root[obj.id] = Map(desired)
        return
    set_fields(existing, desired, fields)
    if isinstance(obj, Lane):
        notes = existing.get(layout.NOTES)
        if not isinstance(notes, Map):
            existing[layout.NOTES] = Map(dict(obj.notes))
        else:
            set_fields(notes, obj.notes, set(obj.notes) | set(notes.keys()))


def write_connection(doc: YDoc, conn: Connection) -> None:
    conns = root(doc, layout.CONNECTIONS)
    value = conn.model_dump(mode="json", exclude_defaults=True, exclude={"id"})
    if conns.get(conn.id) != value:
        conns[conn.id] = value


def write_info(doc: YDoc, journey_info: Any) -> None:
    desired = journey_info.model_dump(mode="json", exclude_defaults=True)
    set_fields(root(doc, layout.INFO), desired, layout.INFO_FIELDS)


def write_order(doc: YDoc, name: str, ids: list[str]) -> None:
    target_root = root(doc, name)
    keys: dict[str, object] = {}
    for ident in ids:
        obj = target_root.get(ident)
        keys[ident] = obj.get(layout.ORDER) if isinstance(obj, Map) else None
    for ident, key in rekey(ids, keys).items():
        obj = target_root.get(ident)
        if isinstance(obj, Map):
            obj[layout.ORDER] = key


def write_keys(doc: YDoc, journey: Journey, keys: Iterable[Key], voter: str) -> None:
    """Write the objects named by dirty `keys` as `journey` has them (absent: deleted)."""
    keys = set(keys)
    if EVERYTHING in keys:
        keys = all_keys(journey) | existing_keys(doc)
    orders = {name for name, ident in keys if ident == ORDER_ID}
    for name, ident in sorted(keys):
        if ident != ORDER_ID:
            _write_key(doc, journey, name, ident, voter)
    for name in sorted(orders):
        ids = [o.id for o in _objects(journey, name)]
        for ident in ids:  # an object only the projection had (the holding stage) joins
            if root(doc, name).get(ident) is None:
                _write_key(doc, journey, name, ident, voter)
        write_order(doc, name, ids)


def _write_key(doc: YDoc, journey: Journey, name: str, ident: str, voter: str) -> None:
    if name == layout.INFO:
        write_info(doc, journey.info)
        return
    found = _find(journey, name, ident)
    target_root = root(doc, name)
    if found is None:
        if ident in target_root:
            del target_root[ident]
    elif isinstance(found, Touchpoint):
        write_touchpoint(doc, found, voter)
    elif isinstance(found, Connection):
        write_connection(doc, found)
    else:
        write_object(doc, name, found)


def _find(journey: Journey, name: str, ident: str) -> Any:
    if name == layout.TOUCHPOINTS:
        return journey.touchpoint(ident) if journey.has_touchpoint(ident) else None
    if name == layout.CONNECTIONS:
        return journey.connection(ident) if journey.has_connection(ident) else None
    return next((o for o in _objects(journey, name) if o.id == ident), None)


def _objects(journey: Journey, name: str) -> tuple[Any, ...]:
    return {
        layout.STAGES: journey.stages,
        layout.LANES: journey.lanes,
        layout.PERSONAS: journey.personas,
    }[name]


def all_keys(journey: Journey) -> set[Key]:
    keys: set[Key] = {(layout.INFO, "")}
    for name in ORDERED_ROOTS:
        keys |= {(name, o.id) for o in _objects(journey, name)} | {(name, ORDER_ID)}
    keys |= {(layout.TOUCHPOINTS, tp.id) for tp in journey.touchpoints()}
    keys |= {(layout.CONNECTIONS, c.id) for c in journey.connections()}
    return keys


def existing_keys(doc: YDoc) -> set[Key]:
    return {
        (name, ident)
        for name in (*ORDERED_ROOTS, layout.TOUCHPOINTS, layout.CONNECTIONS)
        for ident in keys_of(root(doc, name))
    }


def stamp_epoch(doc: YDoc, epoch: str) -> None:
    """Mark the document as built (or rebuilt) in `epoch`; see `session` for the guard."""
    meta = root(doc, layout.META)
    meta["format"] = layout.FORMAT
    meta["layout"] = layout.LAYOUT_VERSION
    meta["epoch"] = epoch
    root(doc, layout.EPOCHS)[epoch] = float(int(time.time() * 1000))


def build_doc(data: JourneyData, epoch: str | None = None, voter: str = "file") -> YDoc:
    """A new document holding `data`, in a new epoch."""
    doc: YDoc = Doc()
    journey = Journey(data)
    with doc.transaction(origin="build"):
        stamp_epoch(doc, epoch or new_epoch())
        write_keys(doc, journey, {EVERYTHING}, voter)
    return doc
