"""The data of a journey map: validated, immutable pydantic models.

These models are both the `.journey` file format and every value that crosses into
the live `Journey`. They hold no behaviour beyond validation; change them with
`model_copy(update=...)` and re-validate through `Journey` edits.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Final, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from journeymapper.model.log_figures import LogAnalytics

FORMAT_NAME: Final = "journeymapper"
FORMAT_VERSION: Final = 3

MAX_NAME = 200
MAX_TEXT = 20_000
MAX_ITEMS = 500

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$"
COLOR_PATTERN = r"^#[0-9A-Fa-f]{6}$"


# Text may hold tabs and newlines; other C0 controls corrupt CSV, PDF and diffs. The checks
# are regular expressions so pydantic-core runs them natively: loading 100,000 touchpoints
# would spend most of its time in Python validators otherwise. `describe_error` in
# io/errors.py turns a pattern mismatch back into a sentence.
_CLEAN = r"[^\x00-\x08\x0B\x0C\x0E-\x1F]"
CLEAN_TEXT_PATTERN = rf"^{_CLEAN}*$"
NAME_PATTERN = rf"^{_CLEAN}*[^\s\x00-\x1F]{_CLEAN}*$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Color = Annotated[str, StringConstraints(pattern=COLOR_PATTERN)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=MAX_NAME, pattern=NAME_PATTERN)]
Text = Annotated[str, StringConstraints(max_length=MAX_TEXT, pattern=CLEAN_TEXT_PATTERN)]
Short = Annotated[str, StringConstraints(max_length=MAX_NAME, pattern=CLEAN_TEXT_PATTERN)]
Item = Annotated[str, StringConstraints(min_length=1, max_length=2_000, pattern=NAME_PATTERN)]
Items = Annotated[tuple[Item, ...], Field(max_length=MAX_ITEMS)]
Number = float | None


class Phase(StrEnum):
    """The purchase phase a stage belongs to; coverage rules look for each one."""

    PRE_PURCHASE = "pre_purchase"
    PURCHASE = "purchase"
    POST_PURCHASE = "post_purchase"


class LaneKind(StrEnum):
    TOUCHPOINTS = "touchpoints"
    NOTES = "notes"
    EMOTION = "emotion"
    PAIN_POINTS = "pain_points"
    OPPORTUNITIES = "opportunities"


class Category(StrEnum):
    DIGITAL = "digital"
    PHYSICAL = "physical"
    HUMAN = "human"


class Ownership(StrEnum):
    """Owned and paid touchpoints are direct; earned ones are the indirect touchpoints."""

    OWNED = "owned"
    PAID = "paid"
    EARNED = "earned"


class Evidence(StrEnum):
    ASSUMPTION = "assumption"
    PARTLY_BACKED = "partly_backed"
    RESEARCH_BASED = "research_based"


class MapState(StrEnum):
    CURRENT = "current"
    FUTURE = "future"


class _Frozen(BaseModel):
    model_config = ConfigDict(
        frozen=True, extra="forbid", allow_inf_nan=False, validate_default=False
    )


class Kpi(_Frozen):
    """A measure attached to a touchpoint, e.g. conversion rate 3 % against a target of 4 %."""

    name: Name
    target: Number = None
    actual: Number = None
    unit: Short = ""


class Slot(_Frozen):
    """Where a card sits in its stage × lane cell: a column of cards, and a sort key in it."""

    column: int = Field(default=0, ge=0, le=999)
    order: float = Field(default=0.0, ge=-1e12, le=1e12)


class Persona(_Frozen):
    id: Id
    name: Name
    description: Text = ""
    goals: Items = ()
    color: Color = "#7E57C2"


class Stage(_Frozen):
    id: Id
    name: Name
    color: Color = "#4C78A8"
    description: Text = ""
    phase: Phase | None = None


class Lane(_Frozen):
    """A row of the map. Notes lanes keep one free-text cell per stage id."""

    id: Id
    name: Name
    kind: LaneKind = LaneKind.TOUCHPOINTS
    hidden: bool = False
    notes: dict[Id, Text] = Field(default_factory=dict)


class Touchpoint(_Frozen):
    id: Id
    name: Name
    stage: Id
    lane: Id
    slot: Slot = Slot()
    description: Text = ""
    channel: Short = ""
    category: Category | None = None
    ownership: Ownership = Ownership.OWNED
    emotion: int | None = Field(default=None, ge=-1000, le=1000)
    pain_points: Items = ()
    opportunities: Items = ()
    kpis: Annotated[tuple[Kpi, ...], Field(max_length=MAX_ITEMS)] = ()
    feedback: Text = ""
    owner: Short = ""
    personas: Annotated[tuple[Id, ...], Field(max_length=MAX_ITEMS)] = ()
    votes: int = Field(default=0, ge=0, le=1_000_000)
    tags: Items = ()
    evidence: Evidence = Evidence.ASSUMPTION


class Connection(_Frozen):
    """A directed step of the flow: the customer goes from `source` to `target`."""

    id: Id
    source: Id
    target: Id
    label: Short = ""


class EmotionScale(_Frozen):
    minimum: int = Field(default=-2, ge=-100, le=0)
    maximum: int = Field(default=2, ge=0, le=100)
    labels: Annotated[tuple[Short, ...], Field(max_length=201)] = (
        "Frustrated",
        "Unhappy",
        "Neutral",
        "Pleased",
        "Delighted",
    )

    @model_validator(mode="after")
    def _labels_fit(self) -> EmotionScale:
        if self.maximum <= self.minimum:
            raise ValueError("maximum must be greater than minimum")
        if self.labels and len(self.labels) != self.maximum - self.minimum + 1:
            raise ValueError(
                f"needs {self.maximum - self.minimum + 1} labels, one per step, or none"
            )
        return self

    def contains(self, value: int) -> bool:
        return self.minimum <= value <= self.maximum

    def label(self, value: int) -> str:
        if self.labels and self.contains(value):
            return self.labels[value - self.minimum]
        return f"{value:+d}"


class _InfoFields(_Frozen):
    title: Name = "Untitled journey"
    description: Text = ""
    state: MapState = MapState.CURRENT
    emotion_scale: EmotionScale = EmotionScale()
    require_measurement: bool = False
    analytics: LogAnalytics | None = None
    """What an event log showed (see model/log_figures.py); format version 3."""


class MapInfo(_InfoFields):
    """Map-wide properties: everything but the content lists."""


class _Header(_Frozen):
    format: Literal["journeymapper"] = FORMAT_NAME
    version: Literal[3] = FORMAT_VERSION


class JourneyData(_InfoFields, _Header):
    """A whole map as stored in a `.journey` file.

    Field validation happens here; references between objects (a touchpoint's stage,
    a connection's ends) are checked when the data becomes a `Journey`, so a broken
    file can still be parsed and reported on in full.
    """

    personas: tuple[Persona, ...] = ()
    stages: tuple[Stage, ...] = ()
    lanes: tuple[Lane, ...] = ()
    touchpoints: tuple[Touchpoint, ...] = ()
    connections: tuple[Connection, ...] = ()

    def info(self) -> MapInfo:
        return MapInfo(**{name: getattr(self, name) for name in MapInfo.model_fields})


Identified = Persona | Stage | Lane | Touchpoint | Connection  # what has a map-wide id
