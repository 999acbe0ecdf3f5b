"""Reads the geometry back out of an exported SVG: card boxes and drawn connections.

Used by the routing tests to measure what a reader of the file sees — the paths as
drawn, corners and all — rather than what the router says it did.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from defusedxml import ElementTree

NS = "{http://www.w3.org/2000/svg}"
Point = tuple[float, float]
Box = tuple[float, float, float, float]  # left, top, right, bottom
_TOKEN = re.compile(r"[MLCZ]|-?\d+(?:\.\d+)?")


@dataclass
class Drawn:
    source: str
    target: str
    points: list[Point]  # the drawn path, cubic corners cut into short pieces
    arrow: list[Point]


def read_svg(text: str) -> tuple[dict[str, Box], dict[str, Drawn], dict[str, Box]]:
    """Card boxes by id, connections by id, and connection label boxes by id."""
    root = ElementTree.fromstring(text.encode("utf-8"))
    cards: dict[str, Box] = {}
    for group in root.iter(f"{NS}g"):
        if group.get("class") == "card":
            rect = group.find(f"{NS}rect")
            assert rect is not None, "a card group without a rect"
            x, y = float(rect.get("x")), float(rect.get("y"))
            cards[group.get("data-id")] = (
                x, y, x + float(rect.get("width")), y + float(rect.get("height"))
            )  # fmt: skip
    drawn: dict[str, Drawn] = {}
    labels: dict[str, Box] = {}
    for group in root.iter(f"{NS}g"):
        if group.get("class") != "connection-group":
            continue
        path = group.find(f"{NS}path[@class='connection']")
        head = group.find(f"{NS}path[@class='arrowhead']")
        assert path is not None
        assert head is not None
        conn_id = group.get("data-id")
        drawn[conn_id] = Drawn(
            path.get("data-source"),
            path.get("data-target"),
            flatten(path.get("d")),
            flatten(head.get("d")),
        )
        pill = group.find(f"{NS}g[@class='connection-label']/{NS}rect")
        if pill is not None:
            x, y = float(pill.get("x")), float(pill.get("y"))
            labels[conn_id] = (x, y, x + float(pill.get("width")), y + float(pill.get("height")))
    return cards, drawn, labels


def flatten(d: str) -> list[Point]:
    """The polyline an SVG path of M, L, C and Z draws (cubics in 8 pieces each)."""
    tokens = _TOKEN.findall(d.replace(",", " "))
    points: list[Point] = []
    i = 0
    while i < len(tokens):
        op = tokens[i]
        if op in "ML":
            points.append((float(tokens[i + 1]), float(tokens[i + 2])))
            i += 3
        elif op == "C":
            a = points[-1]
            b, c, e = ((float(tokens[i + k]), float(tokens[i + k + 1])) for k in (1, 3, 5))
            for n in range(1, 9):
                t = n / 8
                u = 1 - t
                w = (u**3, 3 * u * u * t, 3 * u * t * t, t**3)
                points.append(
                    (
                        w[0] * a[0] + w[1] * b[0] + w[2] * c[0] + w[3] * e[0],
                        w[0] * a[1] + w[1] * b[1] + w[2] * c[1] + w[3] * e[1],
                    )
                )
            i += 7
        else:  # Z
            points.append(points[0])
            i += 1
    return points


def meets(a: Point, b: Point, box: Box) -> bool:
    """Whether segment a–b passes through the inside of `box` (Liang–Barsky clipping)."""
    left, top, right, bottom = box
    dx, dy = b[0] - a[0], b[1] - a[1]
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, a[0] - left), (dx, right - a[0]), (-dy, a[1] - top), (dy, bottom - a[1])):
        if p == 0:
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


def through_cards(cards: dict[str, Box], drawn: dict[str, Drawn], inset: float = 1.0) -> list[str]:
    """Connections whose drawn path (or arrowhead) enters a card other than its ends."""
    bad = []
    for conn_id, arrow in drawn.items():
        mine = (arrow.source, arrow.target)
        pts = arrow.points
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        near = [
            (cid, (b[0] + inset, b[1] + inset, b[2] - inset, b[3] - inset))
            for cid, b in cards.items()
            if cid not in mine and b[0] < max(xs) and b[2] > min(xs) and b[1] < max(ys)
            and b[3] > min(ys)
        ]  # fmt: skip
        segments = list(itertools.pairwise(pts))
        if any(meets(a, b, box) for _, box in near for a, b in segments):
            bad.append(conn_id)
    return bad


def triangles_overlap(p: list[Point], q: list[Point]) -> bool:
    """Whether two convex polygons overlap (separating axis test), touching included."""
    for poly in (p, q):
        for (ax, ay), (bx, by) in zip(poly, poly[1:] + poly[:1], strict=True):
            nx, ny = ay - by, bx - ax
            if nx == 0 and ny == 0:
                continue
            pa = [nx * x + ny * y for x, y in p]
            qa = [nx * x + ny * y for x, y in q]
            if max(pa) < min(qa) or max(qa) < min(pa):
                return False
    return True
