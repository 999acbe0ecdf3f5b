"""The session's changes to the map, as edits built and applied on the map's thread.

These functions run through the host's executor (the editor's Qt thread, or the
headless host's map thread): they read the `Journey` there, build one edit, and hand it
to `apply_edit` (the editor pushes it on its undo stack; the headless host applies it).
A refusal comes back as `EditError`, whose sentence the participant sees.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from pydantic import ValidationError

from journeymapper.model.builders import new_touchpoint
from journeymapper.model.document import EditError, Journey
from journeymapper.model.edits import AddTouchpoint, Batch, Edit, UpdateTouchpoint
from journeymapper.model.schema import Lane
from journeymapper.workshop.messages import AddCard
from journeymapper.workshop.views import ROOM_TAG

ApplyEdit = Callable[[Edit], object]


def room_lane(journey: Journey) -> Lane:
    """Where participants' cards go: the first visible touchpoints lane."""
    lanes = journey.touchpoint_lanes()
    visible = [lane for lane in lanes if not lane.hidden]
    if not (visible or lanes):
        raise EditError("The map has no touchpoints lane.")
    return (visible or lanes)[0]


def add_card(journey: Journey, apply_edit: ApplyEdit, request: AddCard) -> str:
    """Add a participant's card at the end of its stage's cell; returns its id."""
    lane = room_lane(journey)
    journey.stage(request.stage)  # UnknownIdError (an EditError) when it has gone
    scale = journey.info.emotion_scale
    if request.emotion is not None and not scale.contains(request.emotion):
        raise EditError(f"The emotion must be from {scale.minimum} to {scale.maximum}.")
    try:
        tp = new_touchpoint(
            journey,
            request.name,
            request.stage,
            lane.id,
            emotion=request.emotion,
            pain_points=(request.pain,) if request.pain else (),
            tags=(ROOM_TAG,),
        )
    except ValidationError as exc:
        raise EditError(f"The card cannot be added: {exc.errors()[0]['msg']}.") from None
    if apply_edit(AddTouchpoint(tp)) is False:
        raise EditError("The map did not take the card.")
    return tp.id


def record_votes(journey: Journey, apply_edit: ApplyEdit, tallies: Counter[str]) -> int:
    """A round's dots added to the cards' votes in one undo step; returns the dots kept
    (those on cards deleted meanwhile are dropped)."""
    changes = tuple(
        UpdateTouchpoint(card, {"votes": journey.touchpoint(card).votes + n})
        for card, n in sorted(tallies.items())
        if journey.has_touchpoint(card)
    )
    if not changes:
        return 0
    total = sum(n for card, n in tallies.items() if journey.has_touchpoint(card))
    label = f"Record {total} vote{'s' if total != 1 else ''} of the workshop's voting round"
    if apply_edit(Batch(changes, label)) is False:
        raise EditError("The map did not take the votes.")
    return total
