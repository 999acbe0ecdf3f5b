"""What a participant's or the facilitator's page may send, validated by pydantic.

Every message is one JSON object with a `type`; those that change something carry a
`key` chosen by the page (an idempotency key), so a message sent again after a dropped
connection is recognised and answered without being applied twice. Anything else (bad
JSON, an unknown type, a missing or oversized field) is refused with one sentence.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    TypeAdapter,
    ValidationError,
)

from journeymapper.model.schema import ID_PATTERN

MAX_PERSON_NAME = 40
MAX_CARD_NAME = 200
MAX_PAIN = 500
MAX_VOTES_EACH = 99
MAX_TIMER_SECONDS = 4 * 3600

Key = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{6,64}$")]
ClientId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{16,64}$")]
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]


def one_line(text: str) -> str:
    """Whitespace (newlines, tabs, runs of spaces) as single spaces; control characters
    dropped, so a name is one line on every screen and in the file."""
    cleaned = "".join(ch for ch in text if ch.isprintable() or ch.isspace())
    return " ".join(cleaned.split())


def _card_name(text: str) -> str:
    text = one_line(text)
    if not text:
        raise ValueError("a touchpoint needs a name")
    return text


PersonName = Annotated[str, Field(max_length=4 * MAX_PERSON_NAME), AfterValidator(one_line)]
CardName = Annotated[str, Field(max_length=MAX_CARD_NAME), AfterValidator(_card_name)]
Pain = Annotated[str, Field(max_length=MAX_PAIN), AfterValidator(one_line)]


class _Message(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Hello(_Message):
    """The first message on every connection: who this page is (a secret random id kept
    in the browser) and, optionally, the name to show."""

    type: Literal["hello"]
    client: ClientId
    name: PersonName = ""


class Ping(_Message):
    type: Literal["ping"]


class AddCard(_Message):
    type: Literal["add"]
    key: Key
    stage: Id
    name: CardName
    emotion: int | None = Field(default=None, ge=-100, le=100)
    pain: Pain = ""


class Vote(_Message):
    type: Literal["vote"]
    key: Key
    card: Id


class Unvote(_Message):
    type: Literal["unvote"]
    key: Key
    card: Id


class Done(_Message):
    """The participant says they have finished voting (or takes it back)."""

    type: Literal["done"]
    key: Key
    done: bool


class Capture(_Message):
    """Facilitator: open or close capture for one stage, or for all (`stage` null)."""

    type: Literal["capture"]
    key: Key
    stage: Id | None = None
    open: bool


class StartRound(_Message):
    type: Literal["round_start"]
    key: Key
    votes: int = Field(ge=1, le=MAX_VOTES_EACH)


class SetVotes(_Message):
    """Facilitator: change the votes per person of the running round."""

    type: Literal["round_votes"]
    key: Key
    votes: int = Field(ge=1, le=MAX_VOTES_EACH)


class EndRound(_Message):
    type: Literal["round_end"]
    key: Key


class StartTimer(_Message):
    type: Literal["timer_start"]
    key: Key
    seconds: int = Field(ge=1, le=MAX_TIMER_SECONDS)


class StopTimer(_Message):
    type: Literal["timer_stop"]
    key: Key


Inbound = Annotated[
    Hello | Ping | AddCard | Vote | Unvote | Done
    | Capture | StartRound | SetVotes | EndRound | StartTimer | StopTimer,
    Field(discriminator="type"),
]  # fmt: skip
FACILITATOR_ONLY = (Capture, StartRound, SetVotes, EndRound, StartTimer, StopTimer)
_ADAPTER: TypeAdapter[Inbound] = TypeAdapter(Inbound)


class MessageError(ValueError):
    """A message the session will not take; `str()` is the sentence sent back."""


def parse(text: str) -> Inbound:
    """The message in `text`, or `MessageError` saying in one sentence what is wrong."""
    try:
        return _ADAPTER.validate_json(text)
    except ValidationError as exc:
        raise MessageError(describe(exc)) from None


def describe(exc: ValidationError) -> str:
    first = exc.errors(include_url=False)[0]
    kind = first["type"]
    if kind == "json_invalid":
        return "That message is not valid JSON."
    if kind in ("union_tag_invalid", "union_tag_not_found", "model_attributes_type"):
        return "Unknown message type."
    if kind == "model_type" or kind == "dict_type":
        return "A message must be a JSON object."
    where = ".".join(str(part) for part in first["loc"][1:]) or "message"
    return f"{where}: {first['msg']}."
