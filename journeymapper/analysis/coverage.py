"""Coverage rules: does the map cover every stage, purchase phase and kind of touchpoint?

The common mistakes the source articles warn about are exactly these — the “Customer
Touchpoints” lesson of an online Customer Experience Course and “15 Customer
Touchpoints That Will Optimize Your Customer Journey” among them: forgetting what
happens after the purchase, forgetting the indirect (earned) touchpoints customers meet
without the brand, and mapping only one kind of channel. On an empty map only `empty-map` speaks:
the other rules have nothing to judge yet.
"""

from __future__ import annotations

from journeymapper.analysis.context import Context
from journeymapper.analysis.findings import Finding, Severity, register
from journeymapper.analysis.text import name_list, quoted
from journeymapper.model import catalog
from journeymapper.model.document import Journey
from journeymapper.model.schema import Category, Ownership, Phase, Stage

EMPTY_MAP = register(
    "JM010",
    "empty-map",
    Severity.INFO,
    "The map has no touchpoints yet, so no other rule has anything to check.",
    "Add the touchpoints customers meet, stage by stage.",
)
EMPTY_STAGE = register(
    "JM011",
    "empty-stage",
    Severity.WARNING,
    "A stage holds no touchpoints.",
    "Add what customers meet in that stage, or remove the stage.",
)
MISSING_PHASE = register(
    "JM012",
    "missing-phase",
    Severity.WARNING,
    "The map uses purchase phases, but the pre-purchase or purchase phase has no touchpoint.",
    "Add touchpoints to that phase's stages (or mark a stage with that phase).",
)
NO_FOLLOW_UP = register(
    "JM013",
    "no-follow-up",
    Severity.WARNING,
    "The map uses purchase phases, but nothing happens after the purchase.",
    "Add post-purchase touchpoints: confirmation, delivery, support, survey, loyalty.",
)
NO_EARNED = register(
    "JM014",
    "no-earned-touchpoint",
    Severity.WARNING,
    "No touchpoint is earned (indirect): reviews, word of mouth, press, communities.",
    "Add the places customers hear about the brand from others; set their ownership to earned.",
)
MISSING_CATEGORY = register(
    "JM015",
    "missing-category",
    Severity.WARNING,
    "No touchpoint of one category (digital, physical or human) anywhere on the map.",
    "Check whether customers really never meet that kind of touchpoint; add the ones they do.",
)
# ----- live co-editing (issue 18): cards left without a stage or lane ---------------
#: The holding stage and lane the sync layer (journeymapper.sync.layout) puts a card in
#: when a collaborator deleted its stage or lane while it was being added or moved there.
HOLDING_STAGE_ID = "needs-stage"
HOLDING_LANE_ID = "needs-lane"
HELD_CARD = register(
    "JM016",
    "card-needs-a-place",
    Severity.WARNING,
    "A card waits in “Needs a stage” or “Needs a lane”: its stage or lane was deleted by a "
    "collaborator while it was being added or moved there.",
    "Move the card to a stage and lane of the map; the holding column goes away when empty.",
)

_WHEN = {
    Phase.PRE_PURCHASE: "before customers buy",
    Phase.PURCHASE: "while customers buy",
}


def empty_map(journey: Journey | Context) -> list[Finding]:
    """JM010: a map without a single touchpoint."""
    ctx = Context.of(journey)
    if ctx.touchpoints:
        return []
    return [EMPTY_MAP.finding("The map has no touchpoints yet.")]


def empty_stages(journey: Journey | Context) -> list[Finding]:
    """JM011: stages without touchpoints."""
    ctx = Context.of(journey)
    if not ctx.touchpoints:
        return []
    return [
        EMPTY_STAGE.finding(f"The stage {quoted(stage.name)} has no touchpoints.", (stage.id,))
        for stage in ctx.stages
        if not ctx.by_stage[stage.id]
    ]


def missing_phases(journey: Journey | Context) -> list[Finding]:
    """JM012: the pre-purchase or the purchase phase without a touchpoint.

    Only for maps that use phases (at least one stage has one); post-purchase is JM013.
    """
    ctx = Context.of(journey)
    findings = []
    for phase in (Phase.PRE_PURCHASE, Phase.PURCHASE):
        stages = _empty_phase(ctx, phase)
        if stages is not None:
            gap = _phase_gap(stages, phase)
            findings.append(
                MISSING_PHASE.finding(
                    f"{gap[:1].upper()}{gap[1:]}, so the map shows nothing {_WHEN[phase]}.",
                    [s.id for s in stages],
                )
            )
    return findings


def no_follow_up(journey: Journey | Context) -> list[Finding]:
    """JM013: a map using phases whose post-purchase phase holds no touchpoint."""
    ctx = Context.of(journey)
    stages = _empty_phase(ctx, Phase.POST_PURCHASE)
    if stages is None:
        return []
    gap = _phase_gap(stages, Phase.POST_PURCHASE)
    return [
        NO_FOLLOW_UP.finding(
            f"Nothing follows the purchase: {gap}. Order confirmations, delivery, support "
            "and surveys are easy to forget.",
            [s.id for s in stages],
        )
    ]


def _empty_phase(ctx: Context, phase: Phase) -> list[Stage] | None:
    """The stages of `phase` (maybe none) when the map uses phases and `phase` is empty."""
    if not ctx.touchpoints or all(s.phase is None for s in ctx.stages):
        return None
    stages = [s for s in ctx.stages if s.phase is phase]
    if any(ctx.by_stage[s.id] for s in stages):
        return None
    return stages


def _phase_gap(stages: list[Stage], phase: Phase) -> str:
    word = catalog.PHASE_LABELS[phase].lower()
    if not stages:
        return f"no stage belongs to the {word} phase"
    return f"the {word} phase ({name_list([s.name for s in stages])}) has no touchpoints"


def no_earned(journey: Journey | Context) -> list[Finding]:
    """JM014: no earned (indirect) touchpoint anywhere."""
    ctx = Context.of(journey)
    if not ctx.touchpoints:
        return []
    if Ownership.EARNED in ctx.ownerships:
        return []
    return [
        NO_EARNED.finding(
            "No touchpoint is earned (indirect): the map leaves out what customers hear "
            "from others, such as reviews, word of mouth and communities."
        )
    ]


def missing_categories(journey: Journey | Context) -> list[Finding]:
    """JM015: a category (digital, physical, human) no touchpoint of the map has."""
    ctx = Context.of(journey)
    if not ctx.touchpoints:
        return []
    findings = []
    for category in Category:
        if category not in ctx.categories:
            examples = [c.label.lower() for c in catalog.CHANNELS if c.category is category][:3]
            label = catalog.CATEGORY_LABELS[category].lower()
            findings.append(
                MISSING_CATEGORY.finding(
                    f"The map has no {label} touchpoint (such as {', '.join(examples)})."
                )
            )
    return findings


def held_cards(journey: Journey | Context) -> list[Finding]:
    """JM016: cards in the holding stage or lane, one finding each, in reading order.

    Concurrent edits must never silently lose a card (issue 18), so such a card is kept
    and shown; this rule says so wherever the map is checked — the editor's problems,
    `journeymapper validate` on a map saved during a session — until it is moved.
    """
    ctx = Context.of(journey)
    held = [
        tp_id
        for tp_id, tp in ctx.touchpoints.items()
        if tp.stage == HOLDING_STAGE_ID or tp.lane == HOLDING_LANE_ID
    ]
    findings = []
    for tp_id in ctx.in_order(held):
        where = "stage" if ctx.touchpoints[tp_id].stage == HOLDING_STAGE_ID else "lane"
        findings.append(
            HELD_CARD.finding(
                f"{quoted(ctx.name(tp_id))} needs a {where}: a collaborator deleted its {where} "
                "while the card was being added or moved there.",
                (tp_id,),
            )
        )
    return findings
