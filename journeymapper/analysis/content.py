"""Content rules: what each touchpoint card says — pain points, measures, emotions.

A journey map is made to improve the journey: a pain point without an opportunity is
a finding nobody acts on, a touchpoint nobody measures cannot show improvement, and
a card without an emotion leaves a gap in the emotion curve.
"""

from __future__ import annotations

from journeymapper.analysis.context import Context
from journeymapper.analysis.findings import Finding, Severity, register
from journeymapper.analysis.text import name_list, plural, quoted
from journeymapper.model.document import Journey
from journeymapper.model.schema import LaneKind

PAIN_WITHOUT_OPPORTUNITY = register(
    "JM030",
    "pain-without-opportunity",
    Severity.WARNING,
    "A touchpoint has pain points but no opportunity to address them.",
    "Add at least one opportunity that would remove or soften the pain.",
)
UNMEASURED = register(
    "JM031",
    "unmeasured",
    Severity.WARNING,
    "The map asks for measurement, and a touchpoint has neither a KPI nor a feedback method.",
    "Add a KPI (name, target) or say how feedback is collected there; or turn off "
    "“require measurement” in the map's properties.",
)
EMOTION_GAP = register(
    "JM032",
    "emotion-gap",
    Severity.INFO,
    "Touchpoints in a stage have no emotion, so the emotion curve has a gap there.",
    "Set how customers feel at each of them (or leave it, if nobody knows yet).",
)


def pain_without_opportunity(journey: Journey | Context) -> list[Finding]:
    """JM030: touchpoints listing pain points and no opportunity."""
    ctx = Context.of(journey)
    tps = ctx.touchpoints
    return [
        PAIN_WITHOUT_OPPORTUNITY.finding(
            f"{quoted(tps[i].name)} has {plural(len(tps[i].pain_points), 'pain point')} "
            f"but no opportunity to address {'it' if len(tps[i].pain_points) == 1 else 'them'}.",
            (i,),
        )
        for i in ctx.in_order(ctx.pain_only)
    ]


def unmeasured(journey: Journey | Context) -> list[Finding]:
    """JM031: with `require_measurement`, touchpoints with no KPI and no feedback."""
    ctx = Context.of(journey)
    if not ctx.journey.info.require_measurement:
        return []
    tps = ctx.touchpoints
    found = [i for i, tp in tps.items() if not tp.kpis and not tp.feedback.strip()]
    return [
        UNMEASURED.finding(
            f"{quoted(tps[i].name)} is not measured: it has no KPI and no feedback method.",
            (i,),
        )
        for i in ctx.in_order(found)
    ]


def emotion_gaps(journey: Journey | Context) -> list[Finding]:
    """JM032: per stage, the touchpoints without an emotion, when the map has an emotion lane."""
    ctx = Context.of(journey)
    if not any(lane.kind is LaneKind.EMOTION for lane in ctx.journey.lanes):
        return []
    per_stage: dict[int, list[str]] = {}
    for i in ctx.in_order(ctx.no_emotion):
        per_stage.setdefault(ctx.rank_of[i], []).append(i)
    findings = []
    for rank, missing in per_stage.items():
        verb = "has" if len(missing) == 1 else "have"
        names = name_list(ctx.names(missing[:4]), more=len(missing))  # (not all 3,000)
        findings.append(
            EMOTION_GAP.finding(
                f"In {quoted(ctx.stages[rank].name)}, {names} {verb} "
                "no emotion, so the emotion curve has a gap there.",
                missing,
            )
        )
    return findings
