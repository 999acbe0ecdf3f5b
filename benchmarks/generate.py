"""Write realistic generated journey maps for benchmarks and scale tests.

    python -m benchmarks.generate --touchpoints 10000 -o big.journey

12 stages, 3 touchpoint lanes (digital, physical, human), names up to 40 characters,
emotions, pain points (most with an opportunity), owned, paid and earned touchpoints.
The flow is what a real map's is: every card is reached from the first stage's entry
cards, and about two connections leave each card, mostly to a neighbour (the next card
in its column or row, a card of another lane of the same stage), some to the next
stage, a few further ahead or back to an earlier stage (a repurchase loop).
The same size and seed always give the same map; `VERSION` names the recipe, so a
map written by an older recipe is never mistaken for this one's.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from pathlib import Path

from journeymapper.model import catalog
from journeymapper.model.schema import (
    Category,
    Connection,
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

VERSION = 2

STAGE_NAMES = (
    "Awareness",
    "Discovery",
    "Research",
    "Consideration",
    "Comparison",
    "Decision",
    "Checkout",
    "Payment",
    "Delivery",
    "Onboarding",
    "Support",
    "Loyalty",
)
VERBS = (
    "Sees",
    "Reads",
    "Opens",
    "Compares",
    "Asks about",
    "Checks",
    "Shares",
    "Reviews",
    "Tries",
    "Signs up for",
    "Pays for",
    "Tracks",
    "Returns",
    "Rates",
    "Recommends",
)
OBJECTS = (
    "spring sale banner",
    "product page",
    "size guide",
    "delivery options",
    "store opening hours",
    "loyalty points",
    "gift card",
    "order status",
    "return policy",
    "newsletter offer",
    "smartphone bundle",
    "price match",
    "customer reviews",
    "installation guide",
    "warranty terms",
)
PAINS = (
    "Page loads slowly on mobile",
    "Shipping cost shown too late",
    "Hard to reach a person",
    "Confusing size chart",
    "Discount code rejected",
    "No stock information",
)
GAINS = (
    "Show delivery cost up front",
    "Offer call-back",
    "Add live stock levels",
    "Simplify the form",
    "Send proactive updates",
)
LANES = (
    ("digital", "Digital", Category.DIGITAL),
    ("physical", "Physical", Category.PHYSICAL),
    ("human", "Human", Category.HUMAN),
)


def _phase(index: int) -> Phase:
    return (Phase.PRE_PURCHASE, Phase.PURCHASE, Phase.POST_PURCHASE)[min(index // 4, 2)]


def generate_map(touchpoints: int, seed: int = 1) -> JourneyData:
    rng = random.Random(seed)
    stages = tuple(
        Stage(
            id=f"s{i:02d}",
            name=name,
            phase=_phase(i),
            color=("#4C78A8", "#F58518", "#54A24B")[min(i // 4, 2)],
        )
        for i, name in enumerate(STAGE_NAMES)
    )
    lanes = (
        Lane(
            id="doing",
            name="Doing",
            kind=LaneKind.NOTES,
            notes={s.id: f"The customer is in the {s.name.lower()} stage." for s in stages},
        ),
        *(Lane(id=key, name=name) for key, name, _ in LANES),
        Lane(id="feeling", name="Feeling", kind=LaneKind.EMOTION),
        Lane(id="pains", name="Pain points", kind=LaneKind.PAIN_POINTS),
        Lane(id="gains", name="Opportunities", kind=LaneKind.OPPORTUNITIES),
    )
    personas = (
        Persona(id="p-ana", name="Ana", color="#7E57C2"),
        Persona(id="p-ben", name="Ben", color="#26A69A"),
    )
    per_cell = math.ceil(touchpoints / (len(stages) * len(LANES)))
    columns = max(1, math.ceil(math.sqrt(per_cell) * 1.6))
    channels = [c.key for c in catalog.CHANNELS]
    tps: list[Touchpoint] = []
    cells: dict[tuple[int, int], list[str]] = {}
    for n in range(touchpoints):
        stage_index = n * len(stages) // touchpoints
        lane_index = rng.randrange(len(LANES))
        cell = cells.setdefault((stage_index, lane_index), [])
        k = len(cell)
        name = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}"[:40]
        pains = tuple(rng.sample(PAINS, rng.randrange(3))) if rng.random() < 0.3 else ()
        tp_id = f"tp{n:06d}"
        cell.append(tp_id)
        tps.append(
            Touchpoint(
                id=tp_id,
                name=name,
                stage=stages[stage_index].id,
                lane=LANES[lane_index][0],
                slot=Slot(column=k % columns, order=float(k // columns)),
                channel=rng.choice(channels),
                category=LANES[lane_index][2],
                ownership=_ownership(rng.random()),
                emotion=rng.randint(-2, 2) if rng.random() < 0.9 else None,
                pain_points=pains,
                opportunities=tuple(rng.sample(GAINS, 1)) if pains and rng.random() < 0.85 else (),
                kpis=(Kpi(name="Conversion rate", target=4.0, actual=3.1, unit="%"),)
                if rng.random() < 0.1
                else (),
                personas=("p-ana",) if rng.random() < 0.2 else (),
            )
        )
    conns = _flow(rng, cells, columns, len(stages))
    return JourneyData(
        title=f"Generated journey ({touchpoints:,} touchpoints)",
        description="A generated map for benchmarks.",
        personas=personas,
        stages=stages,
        lanes=lanes,
        touchpoints=tuple(tps),
        connections=tuple(conns),
    )


def _ownership(draw: float) -> Ownership:
    if draw < 0.08:
        return Ownership.EARNED
    return Ownership.PAID if draw < 0.2 else Ownership.OWNED


def _flow(
    rng: random.Random, cells: dict[tuple[int, int], list[str]], columns: int, stage_count: int
) -> list[Connection]:
    """The connections: see the module docstring. `cells` holds each stage × lane cell's
    card ids in the order they fill it (row by row, `columns` cards a row)."""
    conns: list[Connection] = []
    pairs: set[tuple[str, str]] = set()

    def link(source: str, target: str) -> None:
        if source != target and (source, target) not in pairs:
            pairs.add((source, target))
            conns.append(Connection(id=f"c{len(conns):07d}", source=source, target=target))

    lanes = sorted({lane for _, lane in cells})
    for (stage, lane), ids in sorted(cells.items()):
        before = [cells.get((stage - 1, other)) for other in (lane, *lanes)]
        earlier = next((c for c in before if c), None)
        for k, tp_id in enumerate(ids):
            # in: from the card above, or the one to the left; a row's first card from
            # the previous stage. Every card is reached from the first stage's entries.
            if k >= columns:
                link(ids[k - columns], tp_id)
            elif k > 0:
                link(ids[k - 1], tp_id)
            elif earlier:
                link(earlier[-1], tp_id)
            link(tp_id, _next_step(rng, cells, ids, k, stage, lane, lanes, stage_count))
    return conns


def _next_step(
    rng: random.Random,
    cells: dict[tuple[int, int], list[str]],
    ids: list[str],
    k: int,
    stage: int,
    lane: int,
    lanes: list[int],
    stage_count: int,
) -> str:
    """Where a customer goes next from card `k` of a cell: mostly a neighbour."""
    draw = rng.random()
    if draw < 0.6 and k + 1 < len(ids):
        return ids[k + 1]
    if draw < 0.85:
        other = cells.get((stage, rng.choice(lanes)))
        if other:
            return other[min(len(other) - 1, max(0, k + rng.randint(-2, 2)))]
    if draw < 0.99 and stage + 1 < stage_count:
        ahead = cells.get((stage + 1, rng.choice(lanes)))
        if ahead:
            reach = len(ahead) if draw >= 0.97 else min(len(ahead), 12)
            return ahead[rng.randrange(reach)]
    if draw >= 0.99 and stage > 0:
        back = cells.get((rng.randrange(stage), rng.choice(lanes)))
        if back:
            return back[rng.randrange(len(back))]
    return ids[(k + 1) % len(ids)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--touchpoints", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args(argv)
    from journeymapper.io.journey_file import save_data

    save_data(generate_map(args.touchpoints, args.seed), args.output)
    sys.stdout.write(f"wrote {args.output}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
