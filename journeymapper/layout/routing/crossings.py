"""What a reader trips over: arrows crossing arrows, and arrows through cards.

`count_crossings` counts the points where two drawn arrows cross: a sweep over x with
a Fenwick tree of the horizontal segments' heights (Bentley & Ottmann's sweep, reduced
to counting for axis-parallel segments), so 80,000 segments take a fraction of a second.
Arrows that touch only at a corner or an end do not count. `through_cards` finds arrows
that pass through or under a card that is not one of their ends — on any polyline, so
it measures curves as well as routes.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Iterable, Mapping, Sequence

from journeymapper.layout.geometry import MapLayout, Point, Rect

EPS = 1e-6
BUCKET = 128.0

Box = tuple[float, float, float, float]  # left, top, right, bottom


def count_crossings(polylines: Iterable[Sequence[Point]]) -> int:
    """How many times horizontal and vertical pieces of the polylines cross each other
    strictly inside both (slanted pieces, such as rounded corners, are left out)."""
    horizontal: list[tuple[float, float, float]] = []  # x1, x2, y
    vertical: list[tuple[float, float, float]] = []  # x, y1, y2
    for points in polylines:
        for (ax, ay), (bx, by) in itertools.pairwise(points):
            if abs(ay - by) < EPS and abs(ax - bx) > EPS:
                horizontal.append((min(ax, bx), max(ax, bx), ay))
            elif abs(ax - bx) < EPS and abs(ay - by) > EPS:
                vertical.append((ax, min(ay, by), max(ay, by)))
    if not horizontal or not vertical:
        return 0
    ys = sorted({y for _, _, y in horizontal})
    rank = {y: i for i, y in enumerate(ys)}
    # At one x: horizontals ending there leave, then verticals count, then new ones come.
    events: list[tuple[float, int, int, float, float]] = []
    for x1, x2, y in horizontal:
        events.append((x1, 2, rank[y], 0.0, 0.0))
        events.append((x2, 0, rank[y], 0.0, 0.0))
    for x, y1, y2 in vertical:
        events.append((x, 1, 0, y1, y2))
    events.sort(key=lambda e: (e[0], e[1]))
    tree = [0] * (len(ys) + 1)
    total = 0
    for _, kind, r, y1, y2 in events:
        if kind == 2:
            _add(tree, r, 1)
        elif kind == 0:
            _add(tree, r, -1)
        else:
            lo = bisect.bisect_right(ys, y1 + EPS)
            hi = bisect.bisect_left(ys, y2 - EPS)
            if hi > lo:
                total += _sum(tree, hi) - _sum(tree, lo)
    return total


def _add(tree: list[int], index: int, value: int) -> None:
    i = index + 1
    while i < len(tree):
        tree[i] += value
        i += i & -i


def _sum(tree: list[int], count: int) -> int:
    """The sum of the first `count` entries."""
    total, i = 0, count
    while i > 0:
        total += tree[i]
        i -= i & -i
    return total


def through_cards(
    polylines: Mapping[str, Sequence[Point]],
    ends: Mapping[str, tuple[str, str]],
    cards: Mapping[str, Rect],
    inset: float = 1.0,
) -> list[str]:
    """The connections whose polyline enters a card other than their two ends (the card
    shrunk by `inset`, so running along a card's edge does not count)."""
    buckets: dict[tuple[int, int], list[tuple[str, Box]]] = {}
    for card_id, r in cards.items():
        inner = (r.x + inset, r.y + inset, r.right - inset, r.bottom - inset)
        for key in _keys(*inner):
            buckets.setdefault(key, []).append((card_id, inner))
    found = []
    for conn_id, points in polylines.items():
        mine = ends.get(conn_id, ("", ""))
        if _enters(points, mine, buckets):
            found.append(conn_id)
    return found


def _enters(
    points: Sequence[Point],
    mine: tuple[str, str],
    buckets: dict[tuple[int, int], list[tuple[str, Box]]],
) -> bool:
    for a, b in itertools.pairwise(points):
        left, right = min(a[0], b[0]), max(a[0], b[0])
        top, bottom = min(a[1], b[1]), max(a[1], b[1])
        for key in _keys(left, top, right, bottom):
            for card_id, r in buckets.get(key, ()):
                if card_id not in mine and segment_meets(a, b, r):
                    return True
    return False


def _keys(left: float, top: float, right: float, bottom: float) -> list[tuple[int, int]]:
    x0, x1 = math.floor(left / BUCKET), math.floor(right / BUCKET)
    y0, y1 = math.floor(top / BUCKET), math.floor(bottom / BUCKET)
    return [(x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)]


def segment_meets(a: Point, b: Point, box: Box) -> bool:
    """Whether the segment a–b meets the open box (left, top, right, bottom), by
    Liang–Barsky clipping."""
    left, top, right, bottom = box
    if right <= left or bottom <= top:
        return False
    dx, dy = b[0] - a[0], b[1] - a[1]
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, a[0] - left), (dx, right - a[0]), (-dy, a[1] - top), (dy, bottom - a[1])):
        if abs(p) < EPS:
            if q <= 0:
                return False
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 >= t1:
            return False
    return True


def layout_crossings(layout: MapLayout) -> dict[str, int]:
    """The counts `journeymapper stats` reports for a map: arrows crossing arrows, and
    arrows through cards that are not their ends (0 unless something is wrong)."""
    routes = layout.routes()
    drawn = {conn_id: route.flatten() for conn_id, route in routes.items()}
    cards = {card_id: c.rect for card_id, c in layout.cards.items()}
    return {
        "connections_routed": len(routes),
        "arrow_crossings": count_crossings(r.points for r in routes.values()),
        "arrows_through_cards": len(through_cards(drawn, layout.connection_ends, cards)),
    }
