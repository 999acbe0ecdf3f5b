"""Run every coverage rule on a map and return its findings, most severe first.

`validate(journey)` checks a live map; `validate_data(data)` checks file data that may
still have broken references (the loader would refuse it): it reports those as
errors and runs the other rules only once there are none, since they need a graph.
"""

from __future__ import annotations

from collections.abc import Callable

from journeymapper.analysis import content, coverage, flow, integrity, personas
from journeymapper.analysis.context import Context
from journeymapper.analysis.findings import Finding, sort_findings
from journeymapper.base.perf import gc_paused
from journeymapper.model.document import Journey
from journeymapper.model.integrity import reference_problems
from journeymapper.model.schema import JourneyData

Check = Callable[[Context], list[Finding]]

CHECKS: tuple[Check, ...] = (
    integrity.self_loops,
    coverage.empty_map,
    coverage.empty_stages,
    coverage.missing_phases,
    coverage.no_follow_up,
    coverage.no_earned,
    coverage.missing_categories,
    coverage.held_cards,  # live co-editing (issue 18)
    flow.not_connected,
    flow.unreachable,
    flow.dead_ends,
    flow.disconnected_parts,
    flow.backward_flow,
    content.pain_without_opportunity,
    content.unmeasured,
    content.emotion_gaps,
    personas.personas_without_path,
)


def validate(journey: Journey) -> list[Finding]:
    """Every finding of every rule on `journey`, sorted by severity, then rule id.

    The collector is paused: a full collection in the middle would scan every object of
    a big map, costing more than all the rules together.
    """
    with gc_paused():
        ctx = Context(journey)
        findings: list[Finding] = []
        for check in CHECKS:
            findings += check(ctx)
        return sort_findings(findings)


def validate_data(data: JourneyData) -> list[Finding]:
    """Integrity errors of `data`; when there are none, every finding of its journey."""
    problems = reference_problems(data)
    if problems:
        return sort_findings(integrity.integrity_findings(data, problems))
    with gc_paused():
        journey = Journey(data)
    return validate(journey)
