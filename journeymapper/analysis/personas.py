"""Per-persona journeys: the paths a persona can take, and the rule that one must exist.

A persona's journey runs only through the touchpoints **tagged with that persona**; an
untagged touchpoint belongs to no persona's journey, so tag shared touchpoints (the
checkout, the order email) with every persona that meets them. A persona has a
**complete path** when such tagged touchpoints lead, connection by connection, from
one of the journey's entry points to one of its exit points (see
`journeymapper.analysis.context`), both tagged with the persona too.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from journeymapper.analysis.context import Context
from journeymapper.analysis.findings import Finding, Severity, register
from journeymapper.analysis.graph import reach
from journeymapper.analysis.text import quoted
from journeymapper.model.document import Journey
from journeymapper.model.schema import Persona

PERSONA_WITHOUT_PATH = register(
    "JM040",
    "persona-without-path",
    Severity.WARNING,
    "No complete path from an entry point to an exit point runs only through "
    "touchpoints tagged with this persona.",
    "Tag every touchpoint this persona meets, including shared ones, and connect them "
    "from an entry point to an exit point.",
)


@dataclass(frozen=True, slots=True)
class PersonaPaths:
    """A persona's journey through the map.

    `on_path` holds the tagged touchpoints lying on at least one complete path;
    `paths` lists up to the requested number of complete paths (simple paths, as ids
    from entry to exit) in depth-first order, not shortest first.
    """

    persona: Persona
    touchpoints: tuple[str, ...]
    entries: tuple[str, ...]
    exits: tuple[str, ...]
    on_path: frozenset[str]
    paths: tuple[tuple[str, ...], ...]

    @property
    def complete(self) -> bool:
        return bool(self.on_path)


def persona_paths(journey: Journey | Context, persona_id: str, limit: int = 20) -> PersonaPaths:
    """The complete paths of `persona_id` (at most `limit` of them listed).

    Raises `UnknownIdError` for a persona the map does not have.
    """
    ctx = Context.of(journey)
    persona = ctx.journey.persona(persona_id)
    tagged = ctx.tagged[persona_id]
    entries = tuple(i for i in ctx.entries if i in tagged)
    exits = tuple(i for i in ctx.exits if i in tagged)
    forward = reach(entries, ctx.succ, within=tagged)
    backward = reach([i for i in exits if i in forward], ctx.pred, within=forward)
    on_path = frozenset(backward)
    paths = tuple(_simple_paths(ctx, entries, set(exits), on_path, limit))
    order = tuple(ctx.in_order(tagged))
    return PersonaPaths(persona, order, entries, exits, on_path, paths)


def _simple_paths(
    ctx: Context, entries: tuple[str, ...], exits: set[str], allowed: frozenset[str], limit: int
) -> Iterator[tuple[str, ...]]:
    """Depth-first simple paths from entries to exits through `allowed`, at most `limit`."""
    found = 0
    for entry in entries:
        if entry not in allowed:
            continue
        path = [entry]
        stack = [iter(ctx.succ[entry])]
        while stack and found < limit:
            step = None
            if path[-1] in exits:
                found += 1
                yield tuple(path)
            else:
                step = next((n for n in stack[-1] if n in allowed and n not in path), None)
            if step is None:
                stack.pop()
                path.pop()
            else:
                path.append(step)
                stack.append(iter(ctx.succ[step]))


def personas_without_path(journey: Journey | Context) -> list[Finding]:
    """JM040: personas with no complete path (see the module docstring)."""
    ctx = Context.of(journey)
    if not ctx.touchpoints:
        return []
    findings = []
    for persona in ctx.journey.personas:
        tagged = ctx.tagged[persona.id]
        who = quoted(persona.name)
        if not tagged:
            message = (
                f"{who} is not tagged on any touchpoint, so the map shows no journey for them."
            )
        else:
            exits = {i for i in ctx.exits if i in tagged}
            forward = reach([i for i in ctx.entries if i in tagged], ctx.succ, within=tagged)
            if exits & forward:
                continue
            message = (
                f"{who} has no complete journey: no path from an entry point to an exit "
                f"point runs only through touchpoints tagged with {who}."
            )
        findings.append(PERSONA_WITHOUT_PATH.finding(message, (persona.id,)))
    return findings
