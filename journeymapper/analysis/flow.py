"""Flow rules: can a customer get from the start of the journey to its end?

Entry points, exit points, first and last stage are defined in
`journeymapper.analysis.context`. A touchpoint with no connection at all is reported
once, as not connected (JM020), and left out of the other flow rules, so a card a
workshop has not wired up yet does not raise three warnings.
"""

from __future__ import annotations

from journeymapper.analysis.context import Context
from journeymapper.analysis.findings import Finding, Severity, register
from journeymapper.analysis.text import name_list, plural, quoted
from journeymapper.model.document import Journey

W = Severity.WARNING

NOT_CONNECTED = register(
    "JM020",
    "not-connected",
    W,
    "A touchpoint has no connection to any other touchpoint.",
    "Draw the arrows from the step before it and to the step after it.",
)
UNREACHABLE = register(
    "JM021",
    "unreachable",
    W,
    "No path from an entry point of the journey leads to this touchpoint.",
    "Connect it from the step customers take before it.",
)
DEAD_END = register(
    "JM022",
    "dead-end",
    W,
    "Nothing leads on from this touchpoint, yet it is before the last stage.",
    "Connect it to the step customers take next, or move it to the last stage.",
)
DISCONNECTED_PARTS = register(
    "JM023",
    "disconnected-parts",
    W,
    "The connections form more than one separate journey.",
    "Connect the separate part to the main journey, or move it to a map of its own.",
)
BACKWARD_FLOW = register(
    "JM024",
    "backward-flow",
    Severity.INFO,
    "A connection leads back to an earlier stage.",
    "Fine if it is a deliberate loop, such as a repurchase; otherwise reverse it.",
)


def not_connected(journey: Journey | Context) -> list[Finding]:
    """JM020: touchpoints without a connection to another one.

    A map of several touchpoints and no connection at all gets a single finding.
    """
    ctx = Context.of(journey)
    connected = ctx.connected
    if len(connected) == len(ctx.touchpoints):
        return []
    loose = ctx.in_order(ctx.touchpoints.keys() - connected)
    if not connected:
        if len(loose) < 2:
            return []
        return [
            NOT_CONNECTED.finding(
                f"None of the {len(loose)} touchpoints is connected yet: draw arrows in "
                "the order customers meet them.",
                loose,
            )
        ]
    return [
        NOT_CONNECTED.finding(
            f"{quoted(ctx.name(i))} in {quoted(ctx.stage_name(i))} is not connected to "
            "any other touchpoint.",
            (i,),
        )
        for i in loose
    ]


def unreachable(journey: Journey | Context) -> list[Finding]:
    """JM021: connected touchpoints that no path from an entry point leads to."""
    ctx = Context.of(journey)
    return [
        UNREACHABLE.finding(
            f"{quoted(ctx.name(i))} cannot be reached: no path from the start of the "
            "journey leads to it.",
            (i,),
        )
        for i in ctx.in_order(ctx.connected - ctx.reached)
    ]


def dead_ends(journey: Journey | Context) -> list[Finding]:
    """JM022: connected touchpoints before the last stage that lead nowhere."""
    ctx = Context.of(journey)
    if ctx.last_stage is None:
        return []
    last = ctx.stage_rank[ctx.last_stage]
    ends = [i for i in ctx.flow.sinks if ctx.rank_of[i] < last]
    return [
        DEAD_END.finding(
            f"{quoted(ctx.name(i))} is a dead end: no connection leads on from it, before "
            "the last stage.",
            (i,),
        )
        for i in ctx.in_order(ends)
    ]


def disconnected_parts(journey: Journey | Context) -> list[Finding]:
    """JM023: one finding per separate part beyond the largest (the main journey)."""
    ctx = Context.of(journey)
    return [
        DISCONNECTED_PARTS.finding(
            f"{name_list(ctx.names(part))} form a separate part "
            f"({plural(len(part), 'touchpoint')}): no connection links it to the main "
            "journey.",
            part,
        )
        for part in map(ctx.in_order, ctx.flow.stray_parts)
    ]


def backward_flow(journey: Journey | Context) -> list[Finding]:
    """JM024: connections into an earlier stage (info: loops can be deliberate)."""
    ctx = Context.of(journey)
    key = ctx.reading_key
    steps = sorted(ctx.flow.backward, key=lambda step: (key(step[0]), key(step[1])))
    return [_backward(ctx, source, target) for source, target in steps]


def _backward(ctx: Context, source: str, target: str) -> Finding:
    conn = ctx.succ[source][target]["conn"]
    return BACKWARD_FLOW.finding(
        f"The flow goes back from {quoted(ctx.name(source))} ({quoted(ctx.stage_name(source))}) "
        f"to {quoted(ctx.name(target))} ({quoted(ctx.stage_name(target))}); fine if it is a "
        "deliberate loop, such as a repurchase.",
        (conn.id, source, target),
    )
