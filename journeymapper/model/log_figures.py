"""What an event log showed, kept in the map: figures, never the events themselves.

A map that has been laid against a log keeps three things so the *Analytics* overlay
reopens and prints without the log: which log activity each touchpoint stands for
(`mapping`), the figures computed from the log (`figures`: reach, flows, drop-off,
conformance, with the log's name, period and case count), and whether the overlay is
on (`shown`). Figures refer to touchpoints, connections and stages by id; ids the map no
longer has are ignored by whoever draws them.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

_ID = r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$"
_CLEAN = r"^[^\x00-\x08\x0B\x0C\x0E-\x1F]*$"
_NAME = r"^[^\x00-\x08\x0B\x0C\x0E-\x1F]*[^\s\x00-\x1F][^\x00-\x08\x0B\x0C\x0E-\x1F]*$"
MAX_FIGURES = 100_000

Id = Annotated[str, StringConstraints(pattern=_ID)]
Activity = Annotated[str, StringConstraints(min_length=1, max_length=400, pattern=_NAME)]
Label = Annotated[str, StringConstraints(max_length=400, pattern=_CLEAN)]
Count = Annotated[int, Field(ge=0, le=10**13)]
Seconds = Annotated[float, Field(ge=0, le=1e12)] | None


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)


class Reach(_Frozen):
    """How many cases reached a touchpoint (at least one of its activities)."""

    touchpoint: Id
    cases: Count


class Flow(_Frozen):
    """Cases going straight from one touchpoint to the next, and how long it took."""

    source: Id
    target: Id
    count: Count
    median_seconds: Seconds = None
    p90_seconds: Seconds = None


class StageFlow(_Frozen):
    """Cases that reached a stage, and those whose journey went no further."""

    stage: Id
    cases: Count
    dropped: Count


class Skip(_Frozen):
    """Cases that never passed a moment of truth."""

    touchpoint: Id
    cases: Count


class LogFigures(_Frozen):
    log: Label
    period_start: dt.datetime | None = None
    period_end: dt.datetime | None = None
    cases: Count = 0
    events: Count = 0
    filter: Label = ""
    mapped_cases: Count = 0
    entered: Count = 0
    converted: Count = 0
    fitting: Count = 0
    reach: Annotated[tuple[Reach, ...], Field(max_length=MAX_FIGURES)] = ()
    flows: Annotated[tuple[Flow, ...], Field(max_length=MAX_FIGURES)] = ()
    stages: Annotated[tuple[StageFlow, ...], Field(max_length=MAX_FIGURES)] = ()
    skips: Annotated[tuple[Skip, ...], Field(max_length=MAX_FIGURES)] = ()


class LogAnalytics(_Frozen):
    """The analytics kept in a map: the activity mapping, the figures, the overlay switch."""

    mapping: Annotated[dict[Activity, Id], Field(max_length=MAX_FIGURES)] = Field(
        default_factory=dict
    )
    figures: LogFigures | None = None
    shown: bool = True
