"""One object of the Y document as a valid model object, whatever a peer wrote there.

A peer may be another JourneyMapper, a JavaScript client, an old version or a hostile
program, so nothing read from the document is trusted: each field is validated by the
same pydantic models that validate a `.journey` file; a field that does not validate
falls back to its default (or, for a name, to a placeholder) and becomes a problem. An
object is dropped only when it cannot be one at all (its key is not an id, its value is
not a map), and that is a problem too.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from journeymapper.model.schema import (
    CLEAN_TEXT_PATTERN,
    ID_PATTERN,
    MAX_NAME,
    Connection,
    EmotionScale,
    Lane,
    MapInfo,
    Persona,
    Slot,
    Stage,
)
from journeymapper.sync import layout

M = TypeVar("M", bound=BaseModel)
PLACEHOLDER_NAME = "Untitled"
MAX_VOTES = 1_000_000

_ID_RE = re.compile(ID_PATTERN)
_CLEAN_RE = re.compile(CLEAN_TEXT_PATTERN)


@dataclass(frozen=True, slots=True)
class SyncProblem:
    """Something in the shared map that could not be shown as it was written.

    `place` names the object and field (`touchpoints.tp-1.emotion`), `message` says what
    was done about it, `subjects` are the ids the editor can select.
    """

    place: str
    message: str
    subjects: tuple[str, ...] = ()

    def line(self) -> str:
        return f"{self.place}: {self.message}"


Report = Callable[[SyncProblem], None]


def is_id(value: object) -> bool:
    return isinstance(value, str) and _ID_RE.match(value) is not None


def validated(
    model: type[M], fields: dict[str, Any], where: str, report: Report, subject: str = ""
) -> M:
    """`model` from `fields`, dropping each field that does not validate (with a problem).

    Fields are dropped one error at a time, so one bad value never costs the others; a
    required name becomes a placeholder.
    """
    fields = dict(fields)
    for _ in range(len(fields) + 2):
        try:
            return model.model_validate(fields)
        except ValidationError as exc:
            error = exc.errors()[0]
            name = str(error["loc"][0]) if error["loc"] else ""
            shown = _shown(fields.get(name))
            report(
                SyncProblem(
                    f"{where}.{name}",
                    f"{shown} is not valid ({error['msg']}); ignored",
                    _s(subject),
                )
            )
            if name == "name":
                fields["name"] = PLACEHOLDER_NAME
            elif name in fields:
                del fields[name]
            else:
                raise
    raise AssertionError("unreachable: every round drops a field")


def _s(subject: str) -> tuple[str, ...]:
    return (subject,) if subject else ()


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


def known(raw: Mapping[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    """The fields of `raw` this version knows (a newer peer's extra fields are left alone)."""
    return {name: raw[name] for name in names if name in raw and raw[name] is not None}


def as_map(value: object, where: str, report: Report) -> dict[str, Any] | None:
    if isinstance(value, dict):
        return value
    report(SyncProblem(where, f"{_shown(value)} is not an object; ignored"))
    return None


def stage(ident: str, raw: Mapping[str, Any], report: Report) -> Stage:
    fields = {"id": ident, **known(raw, layout.STAGE_FIELDS)}
    return validated(Stage, fields, f"stages.{ident}", report, ident)


def lane(ident: str, raw: Mapping[str, Any], stage_ids: set[str], report: Report) -> Lane:
    fields = {"id": ident, **known(raw, layout.LANE_FIELDS)}
    notes = raw.get(layout.NOTES)
    if isinstance(notes, dict):
        fields["notes"] = {
            k: v for k, v in notes.items() if k in stage_ids and isinstance(v, str) and v
        }
    return validated(Lane, fields, f"lanes.{ident}", report, ident)


def persona(ident: str, raw: Mapping[str, Any], report: Report) -> Persona:
    fields = {"id": ident, **known(raw, layout.PERSONA_FIELDS)}
    return validated(Persona, fields, f"personas.{ident}", report, ident)


def info(raw: Mapping[str, Any], report: Report) -> MapInfo:
    fields = known(raw, layout.INFO_FIELDS)
    scale = fields.get("emotion_scale")
    if scale is not None:
        try:
            fields["emotion_scale"] = EmotionScale.model_validate(scale)
        except ValidationError as exc:
            report(SyncProblem("info.emotion_scale", f"not a valid scale ({_first(exc)}); ignored"))
            del fields["emotion_scale"]
    return validated(MapInfo, fields, "info", report)


def connection(ident: str, raw: object, report: Report) -> Connection | None:
    value = as_map(raw, f"connections.{ident}", report)
    if value is None:
        return None
    fields = {"id": ident, **known(value, ("source", "target", "label"))}
    if not (is_id(fields.get("source")) and is_id(fields.get("target"))):
        report(SyncProblem(f"connections.{ident}", "has no valid ends; hidden", (ident,)))
        return None
    label = fields.get("label", "")
    if isinstance(label, str) and len(label) <= MAX_NAME and _CLEAN_RE.match(label):
        return Connection.model_construct(**{"label": "", **fields})  # checked: no pydantic
    return validated(Connection, fields, f"connections.{ident}", report, ident)


def slot(raw: Mapping[str, Any], where: str, report: Report, subject: str) -> Slot:
    fields = known(raw, ("column", "order"))
    return validated(Slot, fields, where, report, subject)


def votes(raw: object, where: str, report: Report, subject: str) -> int:
    """The sum of every voter's count; an entry that is not a count is ignored."""
    if raw is None:
        return 0
    if not isinstance(raw, dict):
        report(SyncProblem(where, f"{_shown(raw)} is not a map of voters; ignored", (subject,)))
        return 0
    total = 0
    for voter, count in raw.items():
        if _is_count(count):
            total += int(count)
        else:
            report(SyncProblem(f"{where}.{voter}", f"{_shown(count)} is not a count", (subject,)))
    return min(total, MAX_VOTES)


def _is_count(value: object) -> bool:
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(value)
        and value >= 0
        and float(value).is_integer()
        and value <= MAX_VOTES
    )


def _first(exc: ValidationError) -> str:
    return str(exc.errors()[0]["msg"])
