"""Which touchpoint each log activity stands for: suggested by name, kept in the map.

A log names what happened (`A_SUBMITTED`, `checkout_viewed`, `Call centre: complaint`);
a map names where the customer was (*Online application*, *Checkout*, *Phone
support*). Suggestions compare the two names with rapidfuzz's weighted ratio (WRatio:
the best of plain, partial and token-sorted Levenshtein similarity) after splitting
`snake_case` and `camelCase` into words. The user confirms or changes them; the
confirmed mapping is stored in the map (`analytics.mapping`) through an undoable edit.
Activities that match nothing can be added as touchpoints in one step.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from journeymapper.model.document import Journey
from journeymapper.model.edits import AddTouchpoint, Batch, Edit, UpdateInfo
from journeymapper.model.log_figures import LogAnalytics, LogFigures
from journeymapper.model.schema import MAX_NAME, Slot, Touchpoint

MIN_SCORE = 80.0
"""Below this similarity (0–100) a name is not suggested."""

_WORD_BREAK = re.compile(r"[_\-./:]+|(?<=[a-z])(?=[A-Z])")
_CONTROL = re.compile(r"[\x00-\x1F\x7F]+")


@dataclass(frozen=True, slots=True)
class Suggestion:
    activity: str
    touchpoint: str | None  # None: nothing close enough
    score: float
    confirmed: bool  # already in the map's stored mapping


def words(name: str) -> str:
    """`A_SUBMITTED` → `a submitted`; `checkoutViewed` → `checkout viewed`."""
    from rapidfuzz import utils  # (imported on first use: the editor starts without it)

    return utils.default_process(_WORD_BREAK.sub(" ", name))


def stored(journey: Journey) -> LogAnalytics:
    return journey.info.analytics or LogAnalytics()


def confirmed_mapping(journey: Journey) -> dict[str, str]:
    """The stored mapping, without touchpoints the map no longer has."""
    return {a: tp for a, tp in stored(journey).mapping.items() if journey.has_touchpoint(tp)}


def suggest(
    activities: Iterable[str],
    journey: Journey,
    min_score: float = MIN_SCORE,
    *,
    stored_only: bool = False,
) -> list[Suggestion]:
    """For each activity, the stored touchpoint, else the most similar name (unless
    `stored_only`), else none."""
    from rapidfuzz import fuzz, process

    known = confirmed_mapping(journey)
    choices = {tp.id: words(tp.name) for tp in journey.touchpoints()}
    result = []
    for activity in activities:
        if activity in known:
            result.append(Suggestion(activity, known[activity], 100.0, True))
            continue
        if stored_only:
            result.append(Suggestion(activity, None, 0.0, False))
            continue
        best = process.extractOne(
            words(activity), choices, scorer=fuzz.WRatio, processor=None, score_cutoff=min_score
        )
        if best is None:
            result.append(Suggestion(activity, None, 0.0, False))
        else:
            result.append(Suggestion(activity, str(best[2]), float(best[1]), False))
    return result


def mapping_of(suggestions: Iterable[Suggestion]) -> dict[str, str]:
    return {s.activity: s.touchpoint for s in suggestions if s.touchpoint is not None}


def analytics_edit(
    journey: Journey,
    label: str,
    *,
    mapping: Mapping[str, str] | None = None,
    figures: LogFigures | bool | None = False,
    shown: bool | None = None,
) -> Edit:
    """One undoable change of the stored analytics (`figures=False`: keep the current)."""
    old = stored(journey)
    new = LogAnalytics(
        mapping=dict(old.mapping if mapping is None else mapping),
        figures=old.figures if figures is False else figures,
        shown=old.shown if shown is None else shown,
    )
    empty = not new.mapping and new.figures is None
    return Batch((UpdateInfo({"analytics": None if empty else new}),), label)


def confirm_edit(journey: Journey, mapping: Mapping[str, str]) -> Edit:
    """Store `mapping` (activity → touchpoint) in the map, replacing the stored one."""
    return analytics_edit(journey, "Map log activities to touchpoints", mapping=mapping)


def touchpoint_name(activity: str) -> str:
    name = " ".join(_CONTROL.sub(" ", activity).split()) or "Activity"
    return name if len(name) <= MAX_NAME else name[: MAX_NAME - 1] + "…"


def add_activities_edit(
    journey: Journey, activities: Iterable[str], stage_of: Mapping[str, str] | None = None
) -> Edit:
    """Add each activity as a touchpoint (in the stage `stage_of` gives, else the first),
    and map it: one undo step."""
    lane = journey.touchpoint_lanes()[0].id
    first_stage = journey.stages[0].id
    taken: set[str] = set()
    column: dict[str, int] = {}
    for tp in journey.touchpoints():
        if tp.lane == lane:
            column[tp.stage] = max(column.get(tp.stage, -1), tp.slot.column)
    adds: list[Edit] = []
    mapping = dict(stored(journey).mapping)
    for activity in activities:
        stage = (stage_of or {}).get(activity, first_stage)
        column[stage] = column.get(stage, -1) + 1
        ident = _fresh_id(journey, taken)
        tp = Touchpoint(
            id=ident,
            name=touchpoint_name(activity),
            stage=stage,
            lane=lane,
            slot=Slot(column=min(column[stage], 999)),
        )
        adds.append(AddTouchpoint(tp))
        mapping[activity] = ident
    if not adds:
        return Batch((), "Add activities as touchpoints")
    store = analytics_edit(journey, "", mapping=mapping)
    count = len(adds)
    label = f"Add {count} activit{'y' if count == 1 else 'ies'} as touchpoints"
    return Batch((*adds, store), label)


def _fresh_id(journey: Journey, taken: set[str]) -> str:
    while True:
        ident = journey.new_id("tp")
        if ident not in taken:
            taken.add(ident)
            return ident
