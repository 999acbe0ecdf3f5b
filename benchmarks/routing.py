"""Benchmarks of the connection router (issue 15), and what it does for a reader.

- routing: every route of a generated map, from a fresh layout (target ≤ 1 s at 10,000);
- routing: one drag move — the provisional routes of a card's arrows with the card at a
  new place, what the canvas asks per mouse move (target ≤ 16 ms at 10,000);
- routing: one slice — the longest the window waits for the stepped routing (8 ms
  asked; a slice ends at the first check of the clock after that);
- arrow crossings and arrows through cards, routed, and the same map drawn as before
  the router, one Bézier curve per arrow from side to side (the old drawing, kept here
  only to compare). Counts, not times; through-card counts are on the drawn paths.

The Bézier baseline counts crossings of arbitrary segments in a bucket grid, which is
slow: it runs up to 10,000 touchpoints.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterator, Sequence
from functools import partial

from benchmarks.core import map_file
from benchmarks.run import Case, Timed
from journeymapper.io.journey_file import load_journey
from journeymapper.layout.engine import layout_journey
from journeymapper.layout.geometry import MapLayout, Point, Rect
from journeymapper.layout.routing.crossings import count_crossings, through_cards
from journeymapper.layout.routing.router import Routing

MAX_BASELINE = 10_000
TARGETS = {("routing: all routes", 10_000): 1.0, ("routing: one drag move", 10_000): 0.016}
Polyline = list[Point]


def _layout(size: int) -> MapLayout:
    return layout_journey(load_journey(map_file(size)))


def _full(size: int) -> Timed:
    layout = _layout(size)
    fresh: list[Routing] = []
    return Timed(
        run=lambda: fresh[-1].routes(),
        before=lambda: fresh.append(Routing(layout)),
        cleanup=fresh.clear,
    )


def _drag(size: int) -> Callable[[], object]:
    """A card with several arrows, dragged a little further on every call."""
    layout = _layout(size)
    routing = layout.routing
    routing.routes()
    degree: dict[str, list[str]] = {}
    for conn_id, (source, target) in layout.connection_ends.items():
        degree.setdefault(source, []).append(conn_id)
        degree.setdefault(target, []).append(conn_id)
    card = max(degree, key=lambda c: len(degree[c]))
    conns = degree[card]
    rect = layout.cards[card].rect
    steps = itertools.count()

    def move() -> object:
        step = next(steps) % 200
        moved = {card: Rect(rect.x + 3 * step, rect.y + 2 * step, rect.w, rect.h)}
        return [routing.live(conn_id, moved) for conn_id in conns]

    return move


def _slice(size: int) -> Timed:
    layout = _layout(size)
    fresh: list[Routing] = []

    def start() -> None:
        fresh.append(Routing(layout))
        fresh[-1].step(0.0)  # past the grid: a slice in the middle of the work

    return Timed(run=lambda: fresh[-1].step(0.008), before=start, cleanup=fresh.clear)


def _routed_crossings(size: int) -> Callable[[], object]:
    layout = _layout(size)
    return lambda: count_crossings(r.points for r in layout.routes().values())


def _routed_through(size: int) -> Callable[[], object]:
    layout = _layout(size)
    cards = {c: g.rect for c, g in layout.cards.items()}

    def count() -> object:
        drawn = {c: r.flatten() for c, r in layout.routes().items()}
        return len(through_cards(drawn, layout.connection_ends, cards))

    return count


def _bezier_crossings(size: int) -> Callable[[], object]:
    layout = _layout(size)
    return lambda: _count_any_crossings(_beziers(layout).values())


def _bezier_through(size: int) -> Callable[[], object]:
    layout = _layout(size)
    cards = {c: g.rect for c, g in layout.cards.items()}
    return lambda: len(through_cards(_beziers(layout), layout.connection_ends, cards))


# ----- the drawing before the router: one cubic Bézier per arrow ----------------------


def _beziers(layout: MapLayout) -> dict[str, Polyline]:
    out = {}
    for conn_id, (s, t) in layout.connection_ends.items():
        if s in layout.cards and t in layout.cards:
            out[conn_id] = _old_curve(layout.cards[s].rect, layout.cards[t].rect)
    return out


def _old_curve(source: Rect, target: Rect) -> Polyline:
    """The pre-router curve (`edge_path` before issue 15), as 16 straight pieces."""
    sx, sy = source.center
    tx, ty = target.center
    if target.x >= source.right + 8:
        a, d = (source.right, sy), (target.x, ty)
        bend = max((d[0] - a[0]) / 2, min(d[0] - a[0], 30.0, abs(ty - sy) / 2))
        b, c = (a[0] + bend, a[1]), (d[0] - bend, d[1])
    elif target.right <= source.x - 8:
        a, d = (source.x, sy), (target.right, ty)
        bend = max((a[0] - d[0]) / 2, min(a[0] - d[0], 30.0, abs(ty - sy) / 2))
        b, c = (a[0] - bend, a[1]), (d[0] + bend, d[1])
    else:
        down = ty >= sy
        a, d = (
            ((sx, source.bottom), (tx, target.y)) if down else ((sx, source.y), (tx, target.bottom))
        )
        gap = abs(d[1] - a[1])
        bend = max(gap / 2, min(gap, 20.0, abs(tx - sx) / 2)) * (1 if down else -1)
        b, c = (a[0], a[1] + bend), (d[0], d[1] - bend)
    pts = []
    for i in range(17):
        t = i / 16
        u = 1 - t
        w = (u**3, 3 * u * u * t, 3 * u * t * t, t**3)
        pts.append(
            (
                w[0] * a[0] + w[1] * b[0] + w[2] * c[0] + w[3] * d[0],
                w[0] * a[1] + w[1] * b[1] + w[2] * c[1] + w[3] * d[1],
            )
        )
    return pts


def _count_any_crossings(polylines: Iterator[Polyline] | Sequence[Polyline]) -> int:
    """Crossings between pieces of different polylines, in any direction: each pair is
    tested in the 64-point buckets both touch, and counted in the bucket its crossing
    point falls in."""
    size = 64.0
    buckets: dict[tuple[int, int], list[tuple[int, Point, Point]]] = {}
    for n, points in enumerate(polylines):
        for a, b in itertools.pairwise(points):
            x0, x1 = math.floor(min(a[0], b[0]) / size), math.floor(max(a[0], b[0]) / size)
            y0, y1 = math.floor(min(a[1], b[1]) / size), math.floor(max(a[1], b[1]) / size)
            for key in itertools.product(range(x0, x1 + 1), range(y0, y1 + 1)):
                buckets.setdefault(key, []).append((n, a, b))
    total = 0
    for (bx, by), segs in buckets.items():
        for (m, a, b), (n, c, d) in itertools.combinations(segs, 2):
            if m == n:
                continue
            hit = _crossing(a, b, c, d)
            if hit is not None and (math.floor(hit[0] / size), math.floor(hit[1] / size)) == (
                bx,
                by,
            ):
                total += 1
    return total


def _crossing(a: Point, b: Point, c: Point, d: Point) -> Point | None:
    rx, ry, sx, sy = b[0] - a[0], b[1] - a[1], d[0] - c[0], d[1] - c[1]
    den = rx * sy - ry * sx
    if abs(den) < 1e-12:
        return None
    t = ((c[0] - a[0]) * sy - (c[1] - a[1]) * sx) / den
    u = ((c[0] - a[0]) * ry - (c[1] - a[1]) * rx) / den
    if 1e-9 < t < 1 - 1e-9 and 1e-9 < u < 1 - 1e-9:
        return (a[0] + t * rx, a[1] + t * ry)
    return None


OPERATIONS: dict[str, Callable[[int], Callable[[], object] | Timed]] = {
    "routing: all routes": _full,
    "routing: one drag move": _drag,
    "routing: one 8 ms slice": _slice,
}
COUNTS: dict[str, Callable[[int], Callable[[], object]]] = {
    "arrow crossings: routed": _routed_crossings,
    "arrow crossings: one Bézier per arrow (before)": _bezier_crossings,
    "arrows through cards: routed": _routed_through,
    "arrows through cards: one Bézier per arrow (before)": _bezier_through,
}


def cases(sizes: Sequence[int]) -> Iterator[Case]:
    for size in sizes:
        for operation, setup in OPERATIONS.items():
            yield Case(
                operation,
                size,
                partial(setup, size),
                TARGETS.get((operation, size)),
                repeat=3 if size >= 100_000 else None,
                trace=size < 100_000,
            )
        for operation, count in COUNTS.items():
            if "before" in operation and size > MAX_BASELINE:
                continue
            target = 0.0 if operation == "arrows through cards: routed" else None
            yield Case(operation, size, partial(count, size), target, kind="count", repeat=1)
