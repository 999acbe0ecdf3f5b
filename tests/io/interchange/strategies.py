"""Hypothesis strategies for whole maps, and how the interchange formats compare them.

`journey_maps()` draws valid `JourneyData`: any names, every field, branching flow.
`sheet_maps()` draws the maps a CSV can carry by name: stage, lane and persona names
unique (case aside), text trimmed where the CSV import trims it, channels either
catalogue keys or free text that is no catalogue label.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from journeymapper.model import catalog
from journeymapper.model.schema import (
    Category,
    Connection,
    Evidence,
    JourneyData,
    Kpi,
    Lane,
    LaneKind,
    Ownership,
    Persona,
    Phase,
    Slot,
    Stage,
    Touchpoint,
)

_TEXT_CHARS = st.characters(
    blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029\x85"
) | st.sampled_from("|\\=;,:#%'\"+-@/ \t\n\r")
_LINE_CHARS = st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")) | st.sampled_from(
    "|\\=;,:#%'\"+-@/ "
)

text = st.text(_TEXT_CHARS, max_size=40)
line = st.text(_LINE_CHARS, max_size=30)
name = line.map(str.strip).filter(bool)
RESERVED_LANES = frozenset({"doing", "feeling", "pain points", "opportunities", "backstage"})
number = (
    st.none()
    | st.floats(allow_nan=False, allow_infinity=False, width=64)
    | st.integers(-1000, 1000).map(float)
)


@st.composite
def kpis(draw: st.DrawFn) -> Kpi:
    return Kpi(
        name=draw(name),
        actual=draw(number),
        target=draw(number),
        unit=draw(line.map(str.strip)),
    )


def unique_names(min_size: int, max_size: int, avoid: frozenset[str] = frozenset()) -> Any:
    return st.lists(
        name.filter(lambda n: n.casefold() not in avoid),
        min_size=min_size,
        max_size=max_size,
        unique_by=str.casefold,
    )


channel = st.sampled_from([c.key for c in catalog.CHANNELS]) | name.filter(
    lambda n: (
        catalog.channel(n) is None
        and n.casefold() not in {c.label.casefold() for c in catalog.CHANNELS}
    )
)


@st.composite
def journey_maps(draw: st.DrawFn, *, for_sheets: bool = False, max_cards: int = 8) -> JourneyData:
    """A valid map; `for_sheets` keeps to what a CSV carries by name (see the module doc)."""
    persona_names = draw(unique_names(0, 3))
    personas = tuple(
        Persona(id=f"p{i}", name=n, description=draw(text)) for i, n in enumerate(persona_names)
    )
    stage_names = draw(unique_names(1, 4))
    stages = tuple(
        Stage(id=f"s{i}", name=n, phase=draw(st.none() | st.sampled_from(Phase)))
        for i, n in enumerate(stage_names)
    )
    lane_names = draw(unique_names(1, 3, RESERVED_LANES if for_sheets else frozenset()))
    lanes = [Lane(id=f"l{i}", name=n) for i, n in enumerate(lane_names)]
    if not for_sheets:
        notes = {s.id: draw(text) for s in stages if draw(st.booleans())}
        kept = {k: v for k, v in notes.items() if v}
        lanes.append(Lane(id="notes", name="Notes", kind=LaneKind.NOTES, notes=kept))
        lanes.append(Lane(id="feel", name="Feeling", kind=LaneKind.EMOTION, hidden=True))
    count = draw(st.integers(0, max_cards))
    taken = {o.id for o in (*personas, *stages, *lanes)} | {"notes", "feel"}
    taken |= {f"c{i}" for i in range(12)}  # the connections' ids
    ids = draw(
        st.lists(
            st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9_.:-]{0,20}\Z").filter(lambda i: i not in taken),
            min_size=count,
            max_size=count,
            unique=True,
        )
    )
    strip = str.strip if for_sheets else (lambda s: s)
    touchpoints = []
    for ident in ids:
        items = st.lists(name, max_size=3)
        touchpoints.append(
            Touchpoint(
                id=ident,
                name=draw(name),
                stage=draw(st.sampled_from(stages)).id,
                lane=draw(st.sampled_from(lanes[: len(lane_names)])).id,
                slot=Slot(column=draw(st.integers(0, 5)), order=draw(st.integers(-3, 3)) / 2),
                description=draw(text),
                channel=draw(channel),
                category=draw(st.none() | st.sampled_from(Category)),
                ownership=draw(st.sampled_from(Ownership)),
                emotion=draw(st.none() | st.integers(-2, 2)),
                pain_points=tuple(draw(items)),
                opportunities=tuple(draw(items)),
                kpis=tuple(draw(st.lists(kpis(), max_size=3))),
                feedback=draw(text),
                owner=strip(draw(line)),
                personas=tuple(
                    p.id for p in draw(st.lists(st.sampled_from(personas), unique=True, max_size=3))
                )
                if personas
                else (),
                votes=draw(st.integers(0, 1_000_000)),
                tags=tuple(draw(items)),
                evidence=draw(st.sampled_from(Evidence)),
            )
        )
    pairs = (
        draw(
            st.lists(
                st.tuples(st.sampled_from(ids), st.sampled_from(ids)).filter(
                    lambda pair: pair[0] != pair[1]
                ),
                unique=True,
                max_size=12,
            )
        )
        if len(ids) > 1
        else []
    )
    connections = tuple(
        Connection(id=f"c{i}", source=a, target=b, label=draw(line.map(str.strip)))
        for i, (a, b) in enumerate(pairs)
    )
    return JourneyData(
        title=draw(name),
        description=draw(text),
        personas=personas,
        stages=stages,
        lanes=tuple(lanes),
        touchpoints=tuple(touchpoints),
        connections=connections,
    )


def sheet_view(data: JourneyData) -> tuple[Any, ...]:
    """What a CSV round trip keeps: cards with stages, lanes and personas by name, the
    flow by card ids, and the order of the stages that hold cards."""
    stages = {s.id: s.name for s in data.stages}
    lanes = {lane.id: lane.name for lane in data.lanes}
    personas = {p.id: p.name for p in data.personas}
    cards = sorted(
        (
            tp.id,
            stages[tp.stage],
            lanes[tp.lane],
            tp.name,
            tp.description,
            tp.channel,
            tp.category,
            tp.ownership,
            tp.emotion,
            tp.pain_points,
            tp.opportunities,
            tp.kpis,
            tp.feedback,
            tp.owner,
            tuple(personas[p] for p in tp.personas),
            tp.votes,
            tp.tags,
            tp.evidence,
        )
        for tp in data.touchpoints
    )
    flow = sorted((c.source, c.target, c.label) for c in data.connections)
    used = {tp.stage for tp in data.touchpoints}
    return cards, flow, [s.name for s in data.stages if s.id in used]
