"""Where reality departs from the design: the map's conformance to a log.

Four questions, after the conformance-checking questions of process mining (van der
Aalst, *Process Mining*, Springer 2016, ch. 8) asked of a journey map instead of a
process model:
- observed steps between touchpoints that are not connections on the map;
- designed connections no case took;
- moments of truth (touchpoints every designed path passes) that cases skipped;
- the share of cases whose whole path follows the map (*fitness* at case level).
Everything comes from the stored `LogFigures`, so it works on a map reopened without
its log; the unmapped activities need the log's activity list as well.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from journeymapper.model.document import Journey
from journeymapper.model.edits import Batch, Connect, Edit
from journeymapper.model.log_figures import Flow, LogFigures, Skip
from journeymapper.model.schema import Connection


@dataclass(frozen=True, slots=True)
class Conformance:
    undesigned: tuple[Flow, ...]  # observed, not on the map; most frequent first
    unused: tuple[str, ...]  # connection ids nobody took
    skipped: tuple[Skip, ...]  # moments of truth some cases never passed
    fitting: int
    mapped_cases: int
    unmapped: tuple[tuple[str, int], ...]  # activity, cases; most frequent first

    @property
    def fit_share(self) -> float | None:
        """Share of the cases on the map whose path follows it; None when none are on it."""
        return self.fitting / self.mapped_cases if self.mapped_cases else None


def conformance(
    journey: Journey,
    figures: LogFigures,
    activities: Mapping[str, int] | None = None,
    mapping: Mapping[str, str] | None = None,
) -> Conformance:
    """The conformance of `journey` to the log `figures` came from."""
    present = [f for f in figures.flows if _on_map(journey, f.source, f.target)]
    undesigned = tuple(f for f in present if journey.connection_between(f.source, f.target) is None)
    taken = {(f.source, f.target) for f in present}
    unused = tuple(
        sorted(cid for cid, ends in journey.connection_ends().items() if ends not in taken)
    )
    skipped = tuple(
        s for s in figures.skips if s.cases > 0 and journey.has_touchpoint(s.touchpoint)
    )
    mapped = {a for a, tp in (mapping or {}).items() if journey.has_touchpoint(tp)}
    unmapped = tuple(
        sorted(
            ((a, n) for a, n in (activities or {}).items() if a not in mapped),
            key=lambda item: (-item[1], item[0]),
        )
    )
    return Conformance(undesigned, unused, skipped, figures.fitting, figures.mapped_cases, unmapped)


def _on_map(journey: Journey, source: str, target: str) -> bool:
    return journey.has_touchpoint(source) and journey.has_touchpoint(target)


def connect_edit(journey: Journey, flows: Iterable[Flow]) -> Edit:
    """Add observed steps as connections: one undo step."""
    edits: list[Edit] = []
    taken: set[str] = set()
    for flow in flows:
        if not _on_map(journey, flow.source, flow.target) or flow.source == flow.target:
            continue
        if journey.connection_between(flow.source, flow.target) is not None:
            continue
        ident = journey.new_id("c")
        while ident in taken:
            ident = journey.new_id("c")
        taken.add(ident)
        edits.append(Connect(Connection(id=ident, source=flow.source, target=flow.target)))
    count = len(edits)
    label = f"Add {count} observed step{'' if count == 1 else 's'} as connections"
    return Batch(tuple(edits), label)
