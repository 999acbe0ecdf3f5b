"""The map a Y document holds: always a valid `JourneyData`, plus what it could not show.

`project(doc)` is a pure function of the document, so replicas that hold the same Y
state show the same map; it is also total, so whatever concurrent edits (or a hostile
peer) left in the document, the result loads: a card whose stage was deleted goes to
the "Needs a stage" holding stage, a card whose lane was deleted to the first
touchpoints lane, a connection whose end is gone is hidden, two connections between the
same cards show the one with the smaller id, and every such decision is a problem the
editor shows. The binding projects only the objects an update touched, with the same
functions (`project_touchpoint`, `project_connection`) and a `Frame` from the map.
"""

from __future__ import annotations

import json
from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pycrdt import Map

from journeymapper.model.document import Journey
from journeymapper.model.schema import (
    Connection,
    EmotionScale,
    JourneyData,
    Lane,
    LaneKind,
    Stage,
    Touchpoint,
)
from journeymapper.sync import entities, layout
from journeymapper.sync.entities import Report, SyncProblem
from journeymapper.sync.layout import YDoc
from journeymapper.sync.order import sort_ids

HOLDING_STAGE = Stage(
    id=layout.HOLDING_STAGE_ID,
    name=layout.HOLDING_STAGE_NAME,
    color="#9E9E9E",
    description=layout.HOLDING_STAGE_TEXT,
)
HOLDING_LANE = Lane(id=layout.HOLDING_LANE_ID, name=layout.HOLDING_LANE_NAME)


@dataclass
class Frame:
    """What cards and connections are placed against: the map's stages, lanes, personas."""

    stage_ids: set[str]
    card_lanes: list[str]
    persona_ids: set[str]
    scale: EmotionScale

    @classmethod
    def of(cls, journey: Journey) -> Frame:
        return cls(
            {s.id for s in journey.stages},
            [lane.id for lane in journey.touchpoint_lanes()],
            {p.id for p in journey.personas},
            journey.info.emotion_scale,
        )


@dataclass
class Projection:
    data: JourneyData
    problems: list[SyncProblem] = field(default_factory=list)
    hidden: dict[str, str] = field(default_factory=dict)  # connection id → why


def root(doc: YDoc, name: str) -> Map[Any]:
    return doc.get(name, type=Map)


def content(doc: YDoc, name: str) -> dict[str, Any]:
    """A root map as plain Python data, through yrs's own JSON (7× faster than `to_py`)."""
    return read_map(root(doc, name))


def read_map(ymap: Map[Any]) -> dict[str, Any]:
    try:
        value = json.loads(str(ymap))
    except (ValueError, RecursionError):  # e.g. binary content a foreign peer stored
        value = _read_slowly(ymap)
    return value if isinstance(value, dict) else {}


def keys_of(ymap: Map[Any]) -> list[str]:
    """A map's keys (pycrdt types `Map.__iter__` as an Iterable, so `for k in ymap` fails mypy)."""
    return list(ymap.keys())


def _read_slowly(ymap: Map[Any]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key in keys_of(ymap):
        try:
            result[key] = json.loads(str(ymap[key])) if isinstance(ymap[key], Map) else ymap[key]
        except (ValueError, RecursionError, TypeError):
            result[key] = None
    return result


def project(doc: YDoc) -> Projection:
    """The whole map the document holds, valid, with the problems met on the way."""
    problems: list[SyncProblem] = []
    report = problems.append
    info = entities.info(content(doc, layout.INFO), report)
    used: set[str] = set()
    personas = _ordered(doc, layout.PERSONAS, used, report, entities.persona)
    stages = _ordered(doc, layout.STAGES, used, report, entities.stage)
    stage_ids = {s.id for s in stages}
    lanes = _ordered(
        doc, layout.LANES, used, report, lambda i, r, rep: entities.lane(i, r, stage_ids, rep)
    )
    frame = Frame(
        stage_ids,
        [lane.id for lane in lanes if lane.kind is LaneKind.TOUCHPOINTS],
        {p.id for p in personas},
        info.emotion_scale,
    )
    if lanes and not frame.card_lanes:
        lanes.append(HOLDING_LANE)
    touchpoints = []
    for ident, raw in content(doc, layout.TOUCHPOINTS).items():
        if _fresh(ident, used, "touchpoints", report):
            tp = project_touchpoint(ident, raw, frame, report)
            if tp is not None:
                touchpoints.append(tp)
    if any(tp.stage == layout.HOLDING_STAGE_ID for tp in touchpoints) and (
        layout.HOLDING_STAGE_ID not in stage_ids
    ):
        stages.append(HOLDING_STAGE)
    if any(tp.lane == layout.HOLDING_LANE_ID for tp in touchpoints) and not any(
        lane.id == layout.HOLDING_LANE_ID for lane in lanes
    ):
        lanes.append(HOLDING_LANE)
    hidden: dict[str, str] = {}
    connections = project_connections(
        content(doc, layout.CONNECTIONS), {tp.id for tp in touchpoints}, used, report, hidden
    )
    data = JourneyData.model_construct(
        **dict(info),
        personas=tuple(personas),
        stages=tuple(stages),
        lanes=tuple(lanes),
        touchpoints=tuple(sorted(touchpoints, key=lambda t: t.id)),
        connections=tuple(sorted(connections, key=lambda c: c.id)),
    )
    return Projection(data, problems, hidden)


def _ordered(doc: YDoc, name: str, used: set[str], report: Report, build: Any) -> list[Any]:
    raw = content(doc, name)
    keys = {ident: value.get(layout.ORDER) if isinstance(value, dict) else None
            for ident, value in raw.items()}  # fmt: skip
    result = []
    for ident in sort_ids(keys):
        value = entities.as_map(raw[ident], f"{name}.{ident}", report)
        if value is not None and _fresh(ident, used, name, report):
            result.append(build(ident, value, report))
    return result


def _fresh(ident: str, used: set[str], where: str, report: Report) -> bool:
    """Whether `ident` is a well-formed id not taken by an object read before."""
    if not entities.is_id(ident):
        report(SyncProblem(f"{where}.{ident[:40]!r}", "is not a valid id; ignored"))
        return False
    if ident in used or (where != "stages" and ident == layout.HOLDING_STAGE_ID):
        report(SyncProblem(f"{where}.{ident}", "repeats an id used before; ignored", (ident,)))
        return False
    used.add(ident)
    return True


def project_touchpoint(ident: str, raw: object, frame: Frame, report: Report) -> Touchpoint | None:
    """One card, placed in the frame: never dropped for a missing stage, lane or persona."""
    where = f"touchpoints.{ident}"
    value = entities.as_map(raw, where, report)
    if value is None:
        return None
    fields = entities.known(value, layout.TOUCHPOINT_FIELDS)
    _check_emotion(fields, frame.scale, where, report, ident)
    _check_personas(fields, frame.persona_ids, where, report, ident)
    place = value.get(layout.PLACE)
    if not isinstance(place, dict):
        report(SyncProblem(f"{where}.place", "has no place; put in a holding cell", (ident,)))
        place = {}
    fields["stage"] = _stage_of(place.get("stage"), frame, where, report, ident)
    fields["lane"] = _lane_of(place.get("lane"), frame, where, report, ident)
    fields["slot"] = entities.slot(place, f"{where}.place", report, ident)
    fields["votes"] = entities.votes(value.get(layout.VOTES), f"{where}.votes", report, ident)
    fields.setdefault("name", entities.PLACEHOLDER_NAME)
    return entities.validated(Touchpoint, {"id": ident, **fields}, where, report, ident)


def _stage_of(stage: object, frame: Frame, where: str, report: Report, ident: str) -> str:
    if isinstance(stage, str) and stage in frame.stage_ids:
        return stage
    if stage != layout.HOLDING_STAGE_ID:
        report(
            SyncProblem(
                f"{where}.place.stage",
                f"its stage {entities._shown(stage)} was deleted; "
                f"kept in “{layout.HOLDING_STAGE_NAME}”",
                (ident,),
            )
        )
    return layout.HOLDING_STAGE_ID


def _lane_of(lane: object, frame: Frame, where: str, report: Report, ident: str) -> str:
    if isinstance(lane, str) and lane in frame.card_lanes:
        return lane
    target = frame.card_lanes[0] if frame.card_lanes else layout.HOLDING_LANE_ID
    if lane != target:
        report(
            SyncProblem(
                f"{where}.place.lane",
                f"its lane {entities._shown(lane)} does not hold touchpoints; shown in "
                f"lane '{target}'",
                (ident,),
            )
        )
    return target


def _check_emotion(
    fields: dict[str, Any], scale: EmotionScale, where: str, report: Report, ident: str
) -> None:
    emotion = fields.get("emotion")
    if emotion is None:
        return
    if (
        not (isinstance(emotion, int | float) and not isinstance(emotion, bool))
        or not float(emotion).is_integer()
    ):
        report(
            SyncProblem(f"{where}.emotion", f"{emotion!r:.40} is not a score; ignored", (ident,))
        )
        del fields["emotion"]
        return
    value = int(emotion)
    clamped = max(scale.minimum, min(scale.maximum, value))
    if clamped != value:
        report(
            SyncProblem(
                f"{where}.emotion",
                f"{value} is outside the scale {scale.minimum}…{scale.maximum}; shown as {clamped}",
                (ident,),
            )
        )
    fields["emotion"] = clamped


def _check_personas(
    fields: dict[str, Any], known: set[str], where: str, report: Report, ident: str
) -> None:
    personas = fields.get("personas")
    if personas is None:
        return
    if not isinstance(personas, list):
        report(SyncProblem(f"{where}.personas", "is not a list; ignored", (ident,)))
        del fields["personas"]
        return
    kept = list(dict.fromkeys(p for p in personas if isinstance(p, str) and p in known))
    if len(kept) != len(personas):
        report(SyncProblem(f"{where}.personas", "names personas that were deleted", (ident,)))
    fields["personas"] = kept


def project_connections(
    raw: Mapping[str, Any],
    touchpoint_ids: set[str],
    used: set[str],
    report: Report,
    hidden: dict[str, str],
) -> list[Connection]:
    """The connections to show: ends present, one per pair of cards (the smallest id)."""
    shown: dict[tuple[str, str], Connection] = {}
    for ident in sorted(raw):
        if not _fresh(ident, used, "connections", report):
            continue
        conn = project_connection(ident, raw[ident], touchpoint_ids, report, hidden)
        if conn is None:
            continue
        pair = (conn.source, conn.target)
        if pair in shown:
            why = f"repeats connection '{shown[pair].id}' between the same cards"
            hidden[ident] = why
            report(SyncProblem(f"connections.{ident}", f"{why}; hidden", (ident,)))
        else:
            shown[pair] = conn
    return list(shown.values())


def project_connection(
    ident: str,
    raw: object,
    touchpoint_ids: Container[str],
    report: Report,
    hidden: dict[str, str],
) -> Connection | None:
    conn = entities.connection(ident, raw, report)
    if conn is None:
        hidden[ident] = "not a valid connection"
        return None
    missing = [end for end in (conn.source, conn.target) if end not in touchpoint_ids]
    if missing:
        why = f"its end '{missing[0]}' was deleted"
        hidden[ident] = why
        report(SyncProblem(f"connections.{ident}", f"{why}; hidden", (ident,)))
        return None
    return conn


def ids_in(doc: YDoc, name: str) -> Iterable[str]:
    return root(doc, name).keys()
