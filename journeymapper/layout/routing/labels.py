"""Where a connection's label sits: on its route, clear of cards and of other labels.

A label is a pill (`label_size`) centred on a point of its route. The candidates are
the middles of the route's segments, longest horizontal ones first (a pill is wide),
then points a quarter and three quarters along them; the first whose pill covers no
card and no label placed before it wins. When none is clear, the middle of the longest
segment is the least bad.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable

from journeymapper.layout.geometry import SMALL_FONT, Point, Rect
from journeymapper.layout.text import elide, text_width

LABEL_W = 140.0  # the widest label; longer ones are elided
LABEL_H = 18.0
BUCKET = 256.0

Box = tuple[float, float, float, float]


def label_text(label: str) -> str:
    return elide(label, SMALL_FONT, LABEL_W)


def label_size(label: str) -> tuple[float, float]:
    """The width and height of a label's pill."""
    return (text_width(label_text(label), SMALL_FONT) + 12, LABEL_H)


class Obstacles:
    """Rectangles in buckets, for quick 'does this box touch any' questions."""

    def __init__(self) -> None:
        self._buckets: dict[tuple[int, int], list[Box]] = {}

    def add(self, box: Box) -> None:
        for key in _keys(box):
            self._buckets.setdefault(key, []).append(box)

    def hits(self, box: Box) -> bool:
        left, top, right, bottom = box
        for key in _keys(box):
            for b in self._buckets.get(key, ()):
                if b[0] < right and left < b[2] and b[1] < bottom and top < b[3]:
                    return True
        return False


def _keys(box: Box) -> Iterable[tuple[int, int]]:
    x0, y0 = math.floor(box[0] / BUCKET), math.floor(box[1] / BUCKET)
    x1, y1 = math.floor(box[2] / BUCKET), math.floor(box[3] / BUCKET)
    return [(x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)]


def card_obstacles(rects: Iterable[Rect]) -> Obstacles:
    found = Obstacles()
    for r in rects:
        found.add((r.x, r.y, r.right, r.bottom))
    return found


def place_label(
    points: tuple[Point, ...],
    size: tuple[float, float],
    taken: Obstacles,
    bands: list[tuple[float, float]],
) -> Point:
    """The centre of a label of `size` on the polyline `points`; its box joins `taken`.
    `bands` are the map's free horizontal strips, where a label across a vertical
    segment has room."""
    w, h = size
    candidates = _candidates(points, bands)
    for shift in (0.0, -h / 2 + 1, h / 2 - 1):  # the route stays under the pill
        for x, y in candidates:
            box = (x - w / 2, y + shift - h / 2, x + w / 2, y + shift + h / 2)
            if not taken.hits(box):
                taken.add(box)
                return (x, y + shift)
    x, y = candidates[0] if candidates else points[0]
    taken.add((x - w / 2, y - h / 2, x + w / 2, y + h / 2))
    return (x, y)


def _candidates(points: tuple[Point, ...], bands: list[tuple[float, float]]) -> list[Point]:
    """Places on the route: along its horizontal segments, longest first, then where a
    vertical segment crosses the middle of a band, then anywhere along it."""
    segments = list(itertools.pairwise(points))
    flat = sorted(
        (s for s in segments if s[0][1] == s[1][1]), key=lambda s: -abs(s[1][0] - s[0][0])
    )
    found: list[Point] = []
    for fraction in (0.5, 0.35, 0.65, 0.2, 0.8):
        found += [(a[0] + (b[0] - a[0]) * fraction, a[1]) for a, b in flat]
    for a, b in segments:
        if a[0] == b[0]:
            lo, hi = min(a[1], b[1]), max(a[1], b[1])
            found += [(a[0], (t + u) / 2) for t, u in bands if lo <= (t + u) / 2 <= hi]
    for fraction in (0.5, 0.25, 0.75):
        found += [(a[0] + (b[0] - a[0]) * fraction, a[1] + (b[1] - a[1]) * fraction)
                  for a, b in segments]  # fmt: skip
    return found
