"""Copied cards as data: what a copy carries and the edit a paste makes (no Qt here).

A copy carries the cards, the connections among them, and the names of their stages
and lanes, so a paste into another map can put each card in the stage and lane of the
same name. Pasted cards get fresh ids and land in free columns beside what is there.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pydantic import ValidationError

from journeymapper.model.builders import next_slot
from journeymapper.model.document import Journey
from journeymapper.model.edits import AddTouchpoint, Batch, Connect, Edit
from journeymapper.model.schema import Connection, LaneKind, Slot, Touchpoint

PAYLOAD_FORMAT = "journeymapper-cards"


def copy_payload(journey: Journey, ids: Iterable[str]) -> dict[str, Any]:
    """The clipboard form of the cards `ids` and the connections among them."""
    chosen = [journey.touchpoint(i) for i in ids if journey.has_touchpoint(i)]
    keep = {tp.id for tp in chosen}
    connections = [c for c in journey.connections_of(keep) if c.source in keep and c.target in keep]
    return {
        "format": PAYLOAD_FORMAT,
        "version": 1,
        "stages": {s.id: s.name for s in journey.stages},
        "lanes": {lane.id: lane.name for lane in journey.lanes},
        "personas": {p.id: p.name for p in journey.personas},
        "touchpoints": [tp.model_dump(mode="json") for tp in chosen],
        "connections": [c.model_dump(mode="json") for c in connections],
    }


def paste_edit(
    journey: Journey, payload: dict[str, Any], cell: tuple[str, str] | None
) -> tuple[Batch, list[str]] | None:
    """The edit that pastes `payload` (into `cell` when given) and the new card ids."""
    try:
        cards = [Touchpoint.model_validate(t) for t in payload.get("touchpoints", [])]
        links = [Connection.model_validate(c) for c in payload.get("connections", [])]
    except (ValidationError, TypeError):
        return None
    if not cards:
        return None
    resolver = _Resolver(journey, payload, cell)
    fresh: set[str] = set()
    new_ids = {tp.id: _fresh_id(journey, "tp", fresh) for tp in cards}
    placed = resolver.place(cards)
    touchpoints = [
        tp.model_copy(
            update={
                "id": new_ids[tp.id],
                "stage": placed[tp.id][0],
                "lane": placed[tp.id][1],
                "slot": placed[tp.id][2],
                "personas": resolver.personas(tp.personas),
            }
        )
        for tp in cards
    ]
    connections = [
        Connection(
            id=_fresh_id(journey, "c", fresh),
            source=new_ids[c.source],
            target=new_ids[c.target],
            label=c.label,
        )
        for c in links
        if c.source in new_ids and c.target in new_ids and c.source != c.target
    ]
    edits: list[Edit] = [AddTouchpoint(tp) for tp in touchpoints]
    edits += [Connect(c) for c in connections]
    count = len(touchpoints)
    label = f"Paste {count} touchpoint{'s' if count != 1 else ''}"
    return Batch(tuple(edits), label), [tp.id for tp in touchpoints]


def text_edit(journey: Journey, text: str, cell: tuple[str, str]) -> tuple[Edit, list[str]] | None:
    """Plain text from another application: one card per non-empty line, in `cell`."""
    names = [" ".join(line.split())[:200] for line in text.splitlines()]
    names = [n for n in names if n][:200]
    if not names:
        return None
    slot = next_slot(journey, *cell)
    fresh: set[str] = set()
    cards = [
        Touchpoint(
            id=_fresh_id(journey, "tp", fresh),
            name=name,
            stage=cell[0],
            lane=cell[1],
            slot=Slot(column=slot.column, order=float(i)),
        )
        for i, name in enumerate(names)
    ]
    label = f"Paste {len(cards)} touchpoint{'s' if len(cards) != 1 else ''}"
    return Batch(tuple(AddTouchpoint(tp) for tp in cards), label), [tp.id for tp in cards]


def _fresh_id(journey: Journey, prefix: str, taken: set[str]) -> str:
    while True:
        candidate = journey.new_id(prefix)
        if candidate not in taken:
            taken.add(candidate)
            return candidate


class _Resolver:
    """Maps the copied map's stages, lanes and personas onto this map's."""

    def __init__(self, journey: Journey, payload: dict[str, Any], cell: tuple[str, str] | None):
        self.journey = journey
        self.cell = cell
        self.stage_names: dict[str, str] = payload.get("stages") or {}
        self.lane_names: dict[str, str] = payload.get("lanes") or {}
        self.persona_names: dict[str, str] = payload.get("personas") or {}
        self.lanes = {lane.id: lane for lane in journey.touchpoint_lanes()}

    def _stage(self, stage_id: str) -> str:
        stages = self.journey.stages
        if any(s.id == stage_id for s in stages):
            return stage_id
        name = self.stage_names.get(stage_id, "").casefold()
        match = next((s.id for s in stages if s.name.casefold() == name), None)
        return match or stages[0].id

    def _lane(self, lane_id: str) -> str:
        if lane_id in self.lanes:
            return lane_id
        name = self.lane_names.get(lane_id, "").casefold()
        match = next((i for i, lane in self.lanes.items() if lane.name.casefold() == name), None)
        return match or next(iter(self.lanes))

    def personas(self, ids: tuple[str, ...]) -> tuple[str, ...]:
        mine = {p.id: p for p in self.journey.personas}
        by_name = {p.name.casefold(): p.id for p in self.journey.personas}
        result = []
        for pid in ids:
            match = pid if pid in mine else by_name.get(self.persona_names.get(pid, "").casefold())
            if match and match not in result:
                result.append(match)
        return tuple(result)

    def place(self, cards: list[Touchpoint]) -> dict[str, tuple[str, str, Slot]]:
        """Destination (stage, lane, slot) per copied card id, columns kept side by side."""
        groups: dict[tuple[str, str], list[Touchpoint]] = {}
        for tp in cards:
            if (
                self.cell is not None
                and self.journey.lane(self.cell[1]).kind is LaneKind.TOUCHPOINTS
            ):
                target = self.cell
            else:
                target = (self._stage(tp.stage), self._lane(tp.lane))
            groups.setdefault(target, []).append(tp)
        placed = {}
        for (stage, lane), members in groups.items():
            base = next_slot(self.journey, stage, lane).column
            first = min(tp.slot.column for tp in members)
            for tp in members:
                column = min(999, base + tp.slot.column - first)
                placed[tp.id] = (stage, lane, Slot(column=column, order=tp.slot.order))
        return placed
