"""Reversible edits: every change to a `Journey` is one of these.

`journey.apply(edit)` performs the edit and returns its inverse, so undo is applying
the inverse and redo is applying the edit again. An edit that fails raises
`EditError` and leaves the map as it was (compound edits roll back what they did).

Edits that carry a `merge_key` can merge with the next edit of the same kind and key
(a run of arrow-key nudges, typing in one field) into one undo step.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, TypeVar

from pydantic import BaseModel, ValidationError

from journeymapper.model.document import EditError, Journey
from journeymapper.model.schema import (
    Slot,
    Touchpoint,
)

M = TypeVar("M", bound=BaseModel)


class Placement(NamedTuple):
    """Where a card is: its stage, its touchpoints lane and its slot in that cell."""

    stage: str
    lane: str
    slot: Slot

    @classmethod
    def of(cls, tp: Touchpoint) -> Placement:
        return cls(tp.stage, tp.lane, tp.slot)


@dataclass(frozen=True)
class Edit:
    """Base of all edits. Subclasses implement `apply_to` and `describe`."""

    merge_key: str | None = field(default=None, kw_only=True)

    def apply_to(self, journey: Journey) -> Edit:
        raise NotImplementedError

    def describe(self, journey: Journey) -> str:
        """A short label for Edit ▸ Undo, computed before the edit is applied."""
        return "Edit"

    def merge_with(self, later: Edit) -> Edit | None:
        """One edit doing self then `later`, when they may share an undo step; else None."""
        return None


def quoted(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"


def validated(model: M, changes: Mapping[str, Any]) -> M:
    """`model` with `changes`, validated as a whole; errors become an `EditError`."""
    if "id" in changes and changes["id"] != getattr(model, "id", None):
        raise EditError("an id never changes")
    try:
        return type(model).model_validate({**dict(model), **changes})
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise EditError(f"{where}: {first['msg']}") from None


def old_values(model: BaseModel, changes: Mapping[str, Any]) -> dict[str, Any]:
    return {key: getattr(model, key) for key in changes}


def mergeable(first: Edit, later: Edit, *same: str) -> bool:
    return (
        first.merge_key is not None
        and type(first) is type(later)
        and first.merge_key == later.merge_key
        and all(getattr(first, name) == getattr(later, name) for name in same)
    )


@dataclass(frozen=True)
class Batch(Edit):
    """Several edits as one undo step, applied in order and undone in reverse."""

    edits: tuple[Edit, ...] = ()
    label: str = ""

    def apply_to(self, journey: Journey) -> Edit:
        inverses: list[Edit] = []
        try:
            for edit in self.edits:
                inverses.append(edit.apply_to(journey))
        except Exception:
            for inverse in reversed(inverses):
                inverse.apply_to(journey)
            raise
        return Batch(tuple(reversed(inverses)), self.label)

    def describe(self, journey: Journey) -> str:
        if self.label:
            return self.label
        return self.edits[0].describe(journey) if len(self.edits) == 1 else "Several changes"


def apply_all(journey: Journey, edits: Sequence[Edit], undo_first: Callable[[], None]) -> None:
    """Apply `edits` after a first step already done; on failure undo them and that step."""
    try:
        Batch(tuple(edits)).apply_to(journey)
    except Exception:
        undo_first()
        raise


def describe_update(what: str, name: str, changes: Mapping[str, Any]) -> str:
    if list(changes) == ["name"] or list(changes) == ["title"]:
        return f"Rename {what} {quoted(name)}"
    if list(changes) == ["color"]:
        return f"Recolour {what} {quoted(name)}"
    fields = ", ".join(key.replace("_", " ") for key in changes)
    return f"Change {fields} of {what} {quoted(name)}"
