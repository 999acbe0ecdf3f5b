"""A routed connection: an orthogonal polyline with rounded corners and an arrowhead.

Every drawer (canvas, poster, PNG, SVG) draws the same `Route` through the same
`path_commands`, so the corners are rounded identically everywhere; hit tests and the
crossing counts sample the very same curve (`flatten`).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator
from typing import Literal, NamedTuple

ARROW_LENGTH = 10.0
ARROW_HALF_WIDTH = 4.5
CORNER = 6.0  # the radius of a rounded corner, less where the segments are shorter
KAPPA = 0.5523  # cubic Bézier handles of a quarter circle

Point = tuple[float, float]
Command = (
    tuple[Literal["M"], Point]
    | tuple[Literal["L"], Point]
    | tuple[Literal["C"], Point, Point, Point]
)
Arrow = tuple[Point, Point, Point]


class Route(NamedTuple):
    """One connection's way from its source card's side to its target card's side.

    `points` are the corners of an orthogonal polyline; the last one is the arrow's tip
    on the target's side. `label` is the centre of the label's pill, on the route. A
    named tuple: a big map makes 20,000 of them at every routing.
    """

    points: tuple[Point, ...]
    arrow: Arrow
    label: Point

    @property
    def start(self) -> Point:
        return self.points[0]

    @property
    def end(self) -> Point:
        return self.points[-1]

    def commands(self) -> list[Command]:
        return path_commands(self.points)

    def flatten(self, step: float = 4.0) -> list[Point]:
        """The drawn curve as a polyline, corners sampled every `step` points or so."""
        return flatten(self.commands(), step)

    def bounds(self) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) of the route and its arrowhead."""
        xs = [p[0] for p in self.points] + [p[0] for p in self.arrow]
        ys = [p[1] for p in self.points] + [p[1] for p in self.arrow]
        return (min(xs), min(ys), max(xs), max(ys))


def simplified(points: list[Point]) -> tuple[Point, ...]:
    """`points` of an orthogonal polyline without repeats and without corners that are
    not corners (collinear). Coordinates that meet are equal exactly: they are the
    same port or track."""
    kept = [points[0]]
    px, py = points[0]
    for p in points[1:]:
        x, y = p
        if x == px and y == py:
            continue
        if len(kept) >= 2:
            bx, by = kept[-2]
            if (bx == px == x) or (by == py == y):
                kept[-1] = p
                px, py = x, y
                continue
        kept.append(p)
        px, py = x, y
    return tuple(kept)


def arrowhead(before: Point, tip: Point, half_width: float = ARROW_HALF_WIDTH) -> Arrow:
    """The triangle of an arrow arriving at `tip` from the direction of `before`; narrower
    than usual where many arrows crowd one side (so their heads never touch)."""
    tx, ty = tip
    if before[1] == ty:  # level, as most are: no square roots
        bx = tx - ARROW_LENGTH if before[0] < tx else tx + ARROW_LENGTH
        return (tip, (bx, ty + half_width), (bx, ty - half_width))
    if before[0] == tx:
        by = ty - ARROW_LENGTH if before[1] < ty else ty + ARROW_LENGTH
        return (tip, (tx - half_width, by), (tx + half_width, by))
    dx, dy = tip[0] - before[0], tip[1] - before[1]
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    bx, by = tip[0] - ux * ARROW_LENGTH, tip[1] - uy * ARROW_LENGTH
    return (
        tip,
        (bx - uy * half_width, by + ux * half_width),
        (bx + uy * half_width, by - ux * half_width),
    )


def path_commands(points: tuple[Point, ...], radius: float = CORNER) -> list[Command]:
    """Move, line and cubic commands drawing `points` with rounded corners.

    A corner's radius is at most half of each segment it joins, so two corners never
    overlap and the curve never leaves the channels the straight segments run in.
    """
    commands: list[Command] = [("M", points[0])]
    add = commands.append
    hypot = math.hypot
    ax, ay = points[0]
    px, py = points[1] if len(points) > 1 else points[0]
    la = hypot(px - ax, py - ay)
    for i in range(2, len(points)):
        bx, by = points[i]
        lb = hypot(bx - px, by - py)
        r = min(radius, la / 2, lb / 2)
        if r < 0.5:
            add(("L", (px, py)))
        else:
            ux, uy = (px - ax) / la, (py - ay) / la
            vx, vy = (bx - px) / lb, (by - py) / lb
            sx, sy = px - ux * r, py - uy * r
            ex, ey = px + vx * r, py + vy * r
            add(("L", (sx, sy)))
            add(("C", (sx + ux * r * KAPPA, sy + uy * r * KAPPA),
                 (ex - vx * r * KAPPA, ey - vy * r * KAPPA), (ex, ey)))  # fmt: skip
        ax, ay, px, py, la = px, py, bx, by, lb
    add(("L", points[-1]))
    return commands


def flatten(commands: list[Command], step: float = 4.0) -> list[Point]:
    """The polyline a list of commands draws, each cubic cut into short pieces."""
    out: list[Point] = []
    for command in commands:
        if command[0] == "C":
            start = out[-1]
            _, c1, c2, end = command
            pieces = max(2, math.ceil(_length_estimate(start, c1, c2, end) / step))
            out.extend(_cubic_points(start, c1, c2, end, pieces))
        else:
            out.append(command[1])
    return out


def _length_estimate(a: Point, b: Point, c: Point, d: Point) -> float:
    return math.dist(a, b) + math.dist(b, c) + math.dist(c, d)


def _cubic_points(a: Point, b: Point, c: Point, d: Point, pieces: int) -> Iterator[Point]:
    for i in range(1, pieces + 1):
        t = i / pieces
        u = 1 - t
        w0, w1, w2, w3 = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
        yield (
            w0 * a[0] + w1 * b[0] + w2 * c[0] + w3 * d[0],
            w0 * a[1] + w1 * b[1] + w2 * c[1] + w3 * d[1],
        )


def point_along(points: tuple[Point, ...], fraction: float) -> Point:
    """The point a `fraction` of the way along a polyline."""
    lengths = [math.dist(a, b) for a, b in itertools.pairwise(points)]
    goal = sum(lengths) * fraction
    for (a, b), length in zip(itertools.pairwise(points), lengths, strict=True):
        if goal <= length and length > 0:
            t = goal / length
            return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
        goal -= length
    return points[-1]
