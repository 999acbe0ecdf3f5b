"""Write realistic generated journey maps for benchmarks and scale tests.

    python -m benchmarks.generate --touchpoints 10000 -o big.journey

12 stages, 3 touchpoint lanes (digital, physical, human), about two forward
connections per touchpoint, names up to 40 characters, emotions and pain points.
The same size and seed always give the same map.
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
    Persona,
    Phase,
    Slot,
    Stage,
    Touchpoint,
)

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
    cell_counts: dict[tuple[int, int], int] = {}
    by_stage: list[list[str]] = [[] for _ in stages]
    for n in range(touchpoints):
        stage_index = n * len(stages) // touchpoints
        lane_index = rng.randrange(len(LANES))
        k = cell_counts.get((stage_index, lane_index), 0)
        cell_counts[stage_index, lane_index] = k + 1
        name = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}"[:40]
        pains = tuple(rng.sample(PAINS, rng.randrange(3))) if rng.random() < 0.3 else ()
        tp_id = f"tp{n:06d}"
        tps.append(
            Touchpoint(
                id=tp_id,
                name=name,
                stage=stages[stage_index].id,
                lane=LANES[lane_index][0],
                slot=Slot(column=k % columns, order=float(k // columns)),
                channel=rng.choice(channels),
                category=LANES[lane_index][2],
                emotion=rng.randint(-2, 2) if rng.random() < 0.9 else None,
                pain_points=pains,
                opportunities=tuple(rng.sample(GAINS, 1)) if pains and rng.random() < 0.7 else (),
                kpis=(Kpi(name="Conversion rate", target=4.0, actual=3.1, unit="%"),)
                if rng.random() < 0.1
                else (),
                personas=("p-ana",) if rng.random() < 0.2 else (),
            )
        )
        by_stage[stage_index].append(tp_id)
    conns: list[Connection] = []
    pairs: set[tuple[str, str]] = set()
    for i, ids in enumerate(by_stage):
        later = by_stage[i + 1] if i + 1 < len(by_stage) else []
        for tp_id in ids:
            for _ in range(2):
                pool = later if later and rng.random() < 0.5 else ids
                target = rng.choice(pool)
                if target != tp_id and (tp_id, target) not in pairs:
                    pairs.add((tp_id, target))
                    conns.append(Connection(id=f"c{len(conns):07d}", source=tp_id, target=target))
    return JourneyData(
        title=f"Generated journey ({touchpoints:,} touchpoints)",
        description="A generated map for benchmarks.",
        personas=personas,
        stages=stages,
        lanes=lanes,
        touchpoints=tuple(tps),
        connections=tuple(conns),
    )


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
