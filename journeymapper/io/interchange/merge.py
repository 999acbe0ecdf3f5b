"""Merging an imported map into an open one, as one undoable edit.

Stages, touchpoint lanes and personas are matched by name (case aside) and created at
the end when the open map has none of that name; an import's default "Touchpoints"
lane goes to the open map's first touchpoints lane. Imported cards sit to the right of
the cards already in their cell, ids that are taken get a suffix, emotions are moved
onto the open map's scale, and notes are appended to the notes lanes of the same name.
"""

from __future__ import annotations

from journeymapper.io.interchange.build import DEFAULT_LANE
from journeymapper.model.document import Journey
from journeymapper.model.edits import (
    AddLane,
    AddPersona,
    AddStage,
    AddTouchpoint,
    Batch,
    Connect,
    Edit,
    SetNote,
)
from journeymapper.model.schema import EmotionScale, JourneyData, LaneKind, Slot, Touchpoint


def merge_edit(journey: Journey, data: JourneyData, label: str = "Import") -> Batch:
    """The edit that adds `data`'s stages, lanes, personas, cards and flow to `journey`."""
    return _Merge(journey, data).batch(label)


class _Merge:
    def __init__(self, journey: Journey, data: JourneyData) -> None:
        self.journey = journey
        self.data = data
        self.new_ids: set[str] = set()
        self.ids: dict[str, str] = {}  # an imported id → its id in the open map
        self.edits: list[Edit] = []

    def fresh(self, ident: str) -> str:
        candidate, n = ident, 1
        while self.journey.has_id(candidate) or candidate in self.new_ids:
            n += 1
            candidate = f"{ident[:56]}-{n}"
        self.new_ids.add(candidate)
        return candidate

    def batch(self, label: str) -> Batch:
        self._stages()
        self._lanes()
        self._personas()
        notes = self._notes()
        cards = self._touchpoints()
        self.edits += notes + cards
        for conn in self.data.connections:
            self.edits.append(
                Connect(
                    conn.model_copy(
                        update={
                            "id": self.fresh(conn.id),
                            "source": self.ids[conn.source],
                            "target": self.ids[conn.target],
                        }
                    )
                )
            )
        return Batch(tuple(self.edits), label)

    def _stages(self) -> None:
        existing = {s.name.casefold(): s.id for s in self.journey.stages}
        for stage in self.data.stages:
            found = existing.get(stage.name.casefold())
            if found is None:
                found = self.fresh(stage.id)
                self.edits.append(AddStage(stage.model_copy(update={"id": found})))
                existing[stage.name.casefold()] = found
            self.ids[stage.id] = found

    def _lanes(self) -> None:
        card_lanes = self.journey.touchpoint_lanes()
        existing = {lane.name.casefold(): lane.id for lane in card_lanes}
        at = max(
            (i for i, lane in enumerate(self.journey.lanes) if lane.kind is LaneKind.TOUCHPOINTS),
            default=len(self.journey.lanes) - 1,
        )
        for lane in self.data.lanes:
            if lane.kind is not LaneKind.TOUCHPOINTS:
                continue
            found = existing.get(lane.name.casefold())
            if found is None and lane.name == DEFAULT_LANE and card_lanes:
                found = card_lanes[0].id
            if found is None:
                found = self.fresh(lane.id)
                at += 1
                self.edits.append(AddLane(lane.model_copy(update={"id": found, "notes": {}}), at))
                existing[lane.name.casefold()] = found
            self.ids[lane.id] = found

    def _personas(self) -> None:
        existing = {p.name.casefold(): p.id for p in self.journey.personas}
        for persona in self.data.personas:
            found = existing.get(persona.name.casefold())
            if found is None:
                found = self.fresh(persona.id)
                self.edits.append(AddPersona(persona.model_copy(update={"id": found})))
                existing[persona.name.casefold()] = found
            self.ids[persona.id] = found

    def _notes(self) -> list[Edit]:
        edits: list[Edit] = []
        mine = {(lane.name.casefold(), lane.kind): lane for lane in self.journey.lanes}
        for lane in self.data.lanes:
            if lane.kind is not LaneKind.NOTES or not lane.notes:
                continue
            target = mine.get((lane.name.casefold(), lane.kind))
            notes = {self.ids[s]: text for s, text in lane.notes.items() if s in self.ids}
            if target is None:
                new = lane.model_copy(update={"id": self.fresh(lane.id), "notes": notes})
                self.edits.append(AddLane(new))
                continue
            for stage_id, text in notes.items():
                old = target.notes.get(stage_id, "")
                if text and text not in old:
                    edits.append(SetNote(target.id, stage_id, f"{old}\n{text}" if old else text))
        return edits

    def _touchpoints(self) -> list[Edit]:
        offsets: dict[tuple[str, str], int] = {}
        for tp in self.journey.touchpoints():
            cell = (tp.stage, tp.lane)
            offsets[cell] = max(offsets.get(cell, 0), tp.slot.column + 1)
        for tp in self.data.touchpoints:
            self.ids[tp.id] = self.fresh(tp.id)
        edits: list[Edit] = []
        for tp in self.data.touchpoints:
            edits.append(AddTouchpoint(self._moved(tp, offsets)))
        return edits

    def _moved(self, tp: Touchpoint, offsets: dict[tuple[str, str], int]) -> Touchpoint:
        stage, lane = self.ids[tp.stage], self.ids[tp.lane]
        column = min(999, tp.slot.column + offsets.get((stage, lane), 0))
        return tp.model_copy(
            update={
                "id": self.ids[tp.id],
                "stage": stage,
                "lane": lane,
                "slot": Slot(column=column, order=tp.slot.order),
                "personas": tuple(dict.fromkeys(self.ids[p] for p in tp.personas)),
                "emotion": _rescaled(
                    tp.emotion, self.data.emotion_scale, self.journey.info.emotion_scale
                ),
            }
        )


def _rescaled(value: int | None, old: EmotionScale, new: EmotionScale) -> int | None:
    if value is None:
        return None
    if (old.minimum, old.maximum) != (new.minimum, new.maximum):
        fraction = (value - old.minimum) / (old.maximum - old.minimum)
        value = round(new.minimum + fraction * (new.maximum - new.minimum))
    return min(new.maximum, max(new.minimum, value))
