"""Integrity rules: ids and references that make a map unusable, reported as errors.

The checks themselves live in `journeymapper.model.integrity` (the loader refuses the
same problems); here each problem becomes a finding that names the object by its
place in the file and, where it has one, by its name. Self-loops are the exception:
the live model allows them, so they are checked on the `Journey`.
"""

from __future__ import annotations

import re

from journeymapper.analysis.context import Context
from journeymapper.analysis.findings import Finding, Rule, Severity, register
from journeymapper.analysis.text import quoted
from journeymapper.model.document import Journey
from journeymapper.model.integrity import ProblemKind, ReferenceProblem, reference_problems
from journeymapper.model.schema import JourneyData

E = Severity.ERROR

DUPLICATE_ID = register(
    "JM001",
    "duplicate-id",
    E,
    "Two objects of the map share one id.",
    "Give one of them a new id in the file (ids are never shown in the editor).",
)
DANGLING_REFERENCE = register(
    "JM002",
    "dangling-reference",
    E,
    "Something refers to a stage, lane, persona or touchpoint that does not exist.",
    "Point it at an existing object, or restore the missing one.",
)
DUPLICATE_CONNECTION = register(
    "JM003",
    "duplicate-connection",
    E,
    "Two connections join the same two touchpoints in the same direction.",
    "Delete one of them; put both labels on the one you keep.",
)
SELF_LOOP = register(
    "JM004",
    "self-loop",
    E,
    "A connection leads from a touchpoint back to itself.",
    "Delete the connection; to show a repeated step, connect to an earlier touchpoint.",
)
WRONG_LANE = register(
    "JM005",
    "wrong-lane",
    E,
    "A touchpoint sits in a lane that does not hold touchpoints (notes, emotion…).",
    "Move the touchpoint into a touchpoints lane.",
)
EMOTION_OUT_OF_SCALE = register(
    "JM006",
    "emotion-out-of-scale",
    E,
    "A touchpoint's emotion lies outside the map's emotion scale.",
    "Pick an emotion on the scale, or widen the scale in the map's properties.",
)
NO_TOUCHPOINT_LANE = register(
    "JM007",
    "no-touchpoint-lane",
    E,
    "The map has lanes, but none of them holds touchpoints.",
    "Add a touchpoints lane (or change an empty lane's kind to touchpoints).",
)

_RULE_OF_KIND: dict[ProblemKind, Rule] = {
    ProblemKind.DUPLICATE_ID: DUPLICATE_ID,
    ProblemKind.DANGLING: DANGLING_REFERENCE,
    ProblemKind.DUPLICATE_CONNECTION: DUPLICATE_CONNECTION,
    ProblemKind.WRONG_LANE: WRONG_LANE,
    ProblemKind.OUT_OF_SCALE: EMOTION_OUT_OF_SCALE,
    ProblemKind.NO_TOUCHPOINT_LANE: NO_TOUCHPOINT_LANE,
}
_PLACE = re.compile(r"^(personas|stages|lanes|touchpoints|connections)\[(\d+)\]")


def integrity_findings(
    data: JourneyData, problems: list[ReferenceProblem] | None = None
) -> list[Finding]:
    """Every broken id or reference in `data` as an error finding, in file order.

    Pass `problems` when `reference_problems(data)` has already been computed.
    """
    if problems is None:
        problems = reference_problems(data)
    names: dict[str, str] = {}
    for tp in reversed(data.touchpoints):  # the first of duplicate ids wins
        names[tp.id] = tp.name
    return [_finding(data, names, problem) for problem in problems]


def _finding(data: JourneyData, names: dict[str, str], problem: ReferenceProblem) -> Finding:
    # A kind added to the model later is still reported, as a broken reference.
    rule = _RULE_OF_KIND.get(problem.kind, DANGLING_REFERENCE)
    what = _describe_object(data, names, problem.place)
    where = f"{problem.place} ({what})" if what else problem.place
    message = problem.message.rstrip(".")
    return rule.finding(f"{where}: {message}.", problem.subjects)


def _describe_object(data: JourneyData, names: dict[str, str], place: str) -> str:
    """The object a place like `touchpoints[3].stage` is in, as people would name it."""
    match = _PLACE.match(place)
    if match is None:
        return ""
    group, index = match.group(1), int(match.group(2))
    if group == "connections":
        conn = data.connections[index]
        ends = [
            quoted(names[end]) if end in names else f"'{end}'" for end in (conn.source, conn.target)
        ]
        return f"the connection {ends[0]} → {ends[1]}"
    obj = getattr(data, group)[index]
    return quoted(obj.name)


def self_loops(journey: Journey | Context) -> list[Finding]:
    """JM004: connections whose source is their target."""
    ctx = Context.of(journey)
    return [
        SELF_LOOP.finding(
            f"{quoted(ctx.name(tp_id))} is connected to itself; delete that connection.",
            (ctx.succ[tp_id][tp_id]["conn"].id, tp_id),
        )
        for tp_id in ctx.in_order(ctx.flow.looped)
    ]
