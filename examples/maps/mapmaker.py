"""A small helper for writing example maps as Python: stages, lanes, cards and flow.

Used by the map modules beside it, which `build.py` runs.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

from journeymapper.model import catalog
from journeymapper.model.schema import (
    Category,
    Connection,
    Evidence,
    JourneyData,
    Kpi,
    Lane,
    LaneKind,
    Ownership,
    Persona,
    Phase,
    Slot,
    Stage,
    Touchpoint,
)

PRE, BUY, POST = Phase.PRE_PURCHASE, Phase.PURCHASE, Phase.POST_PURCHASE
EARNED, PAID, OWNED = Ownership.EARNED, Ownership.PAID, Ownership.OWNED
DIGITAL, PHYSICAL, HUMAN = Category.DIGITAL, Category.PHYSICAL, Category.HUMAN
RESEARCH, GUESS = Evidence.RESEARCH_BASED, Evidence.ASSUMPTION

# Lanes every example has: what customers do and think, the three kinds of touchpoint
# the source articles name (digital, physical, human), and the derived rows.
LANES = (
    Lane(id="doing", name="Doing", kind=LaneKind.NOTES),
    Lane(id="thinking", name="Thinking", kind=LaneKind.NOTES),
    Lane(id="digital", name="Digital"),
    Lane(id="physical", name="Physical"),
    Lane(id="human", name="Human"),
    Lane(id="feeling", name="Feeling", kind=LaneKind.EMOTION),
    Lane(id="pain-points", name="Pain points", kind=LaneKind.PAIN_POINTS),
    Lane(id="opportunities", name="Opportunities", kind=LaneKind.OPPORTUNITIES),
    Lane(id="backstage", name="Backstage", kind=LaneKind.NOTES),
)


def kpi(name: str, actual: float | None, target: float | None, unit: str = "") -> Kpi:
    return Kpi(name=name, actual=actual, target=target, unit=unit)


class MapMaker:
    def __init__(
        self,
        title: str,
        description: str,
        stages: Sequence[tuple[str, str, Phase | None, str, str]],
        personas: Sequence[Persona],
        *,
        require_measurement: bool = True,
    ) -> None:
        self.info: dict[str, Any] = {
            "title": title,
            "description": description,
            "require_measurement": require_measurement,
        }
        self.stages = tuple(
            Stage(id=i, name=n, phase=p, color=c, description=d) for i, n, p, c, d in stages
        )
        self.personas = tuple(personas)
        self.notes: dict[str, dict[str, str]] = {"doing": {}, "thinking": {}, "backstage": {}}
        self.cards: list[Touchpoint] = []
        self.connections: list[Connection] = []

    def note(self, stage: str, doing: str, thinking: str, backstage: str) -> None:
        for lane, text in (("doing", doing), ("thinking", thinking), ("backstage", backstage)):
            self.notes[lane][stage] = text

    def card(
        self,
        ident: str,
        name: str,
        stage: str,
        lane: str,
        column: int,
        channel: str,
        emotion: int | None,
        **fields: Any,
    ) -> None:
        entry = catalog.channel(channel)
        if entry is not None:
            fields.setdefault("category", entry.category)
            fields.setdefault("ownership", entry.ownership)
        for key in ("pain_points", "opportunities", "tags", "personas", "kpis"):
            fields[key] = tuple(fields.get(key, ()))
        fields.setdefault("evidence", Evidence.PARTLY_BACKED)
        order = float(fields.pop("order", 0.0))
        self.cards.append(
            Touchpoint(
                id=ident,
                name=name,
                stage=stage,
                lane=lane,
                slot=Slot(column=column, order=order),
                channel=channel,
                emotion=emotion,
                **fields,
            )
        )

    def flow(self, *ids: str, label: str = "") -> None:
        """Connect `ids` in a chain; `label` goes on the last step."""
        for i, (source, target) in enumerate(itertools.pairwise(ids)):
            if any(c.source == source and c.target == target for c in self.connections):
                continue
            last = i == len(ids) - 2
            self.connections.append(
                Connection(
                    id=f"{source}--{target}",
                    source=source,
                    target=target,
                    label=label if last else "",
                )
            )

    def data(self) -> JourneyData:
        lanes = tuple(
            lane.model_copy(update={"notes": self.notes[lane.id]})
            if lane.id in self.notes
            else lane
            for lane in LANES
        )
        return JourneyData(
            **self.info,
            personas=self.personas,
            stages=self.stages,
            lanes=lanes,
            touchpoints=tuple(sorted(self.cards, key=lambda t: t.id)),
            connections=tuple(sorted(self.connections, key=lambda c: c.id)),
        )
