"""Where the connections are: a grid of square tiles over the map.

The connection layer draws every resting arrow itself rather than as a scene item
each (200,000 items made Qt's scene index alone outgrow the machine's memory), so it
needs its own answer to "which arrows are here". Each connection's box — the box of
its route and arrowhead, widened for its label — is entered in every tile it covers,
or, when it would cover very many, in a short list of wide ones that every query
checks. A frame asks for the tiles it shows; a hit test for the one tile under the
pointer, then measures the distance to each candidate's drawn route.

Plain Python on purpose (no Qt): it is arithmetic, and testable as such.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable, Sequence

from journeymapper.layout.geometry import Point

Box = tuple[float, float, float, float]  # left, top, right, bottom
TILE = 512.0
MOST_TILES = 48  # a box covering more tiles than this goes in the wide list
Polyline = Callable[[str], Sequence[Point] | None]  # a connection's drawn route, or None


class ConnectionIndex:
    def __init__(self) -> None:
        self._boxes: dict[str, Box] = {}
        self._tiles: dict[tuple[int, int], set[str]] = {}
        self._wide: set[str] = set()
        self._polylines: dict[str, list[tuple[float, float]]] = {}

    def __len__(self) -> int:
        return len(self._boxes)

    def __contains__(self, conn_id: str) -> bool:
        return conn_id in self._boxes

    def box(self, conn_id: str) -> Box | None:
        return self._boxes.get(conn_id)

    def clear(self) -> None:
        self._boxes.clear()
        self._tiles.clear()
        self._wide.clear()
        self._polylines.clear()

    def put(self, conn_id: str, box: Box) -> None:
        """Enter `conn_id` with `box` (replacing where it was)."""
        self.remove(conn_id)
        self._boxes[conn_id] = box
        tiles = _tiles(box)
        if len(tiles) > MOST_TILES:
            self._wide.add(conn_id)
            return
        for tile in tiles:
            found = self._tiles.get(tile)
            if found is None:
                self._tiles[tile] = {conn_id}
            else:
                found.add(conn_id)

    def remove(self, conn_id: str) -> Box | None:
        """Forget `conn_id`; returns the box it had."""
        box = self._boxes.pop(conn_id, None)
        if box is None:
            return None
        self._polylines.pop(conn_id, None)
        if conn_id in self._wide:
            self._wide.discard(conn_id)
            return box
        for tile in _tiles(box):
            found = self._tiles.get(tile)
            if found is not None:
                found.discard(conn_id)
                if not found:
                    del self._tiles[tile]
        return box

    def within(self, left: float, top: float, right: float, bottom: float) -> list[str]:
        """The connections whose box meets the rectangle."""
        candidates: set[str] = set(self._wide)
        x0, y0, x1, y1 = _span(left, top, right, bottom)
        tiles = self._tiles
        if (x1 - x0 + 1) * (y1 - y0 + 1) > len(tiles):  # a big area: walk the tiles held
            for (tx, ty), ids in tiles.items():
                if x0 <= tx <= x1 and y0 <= ty <= y1:
                    candidates |= ids
        else:
            for tx in range(x0, x1 + 1):
                for ty in range(y0, y1 + 1):
                    ids = tiles.get((tx, ty))
                    if ids:
                        candidates |= ids
        boxes = self._boxes
        return [
            c
            for c in candidates
            if (b := boxes[c])[0] < right and b[2] > left and b[1] < bottom and b[3] > top
        ]

    def nearest(
        self,
        x: float,
        y: float,
        tolerance: float,
        curve: Polyline,
        skip: Iterable[str] = (),
    ) -> str | None:
        """The connection whose route passes closest to (x, y), within `tolerance`."""
        best, best_d = None, tolerance
        skipped = set(skip)
        for conn_id in self.within(x - tolerance, y - tolerance, x + tolerance, y + tolerance):
            if conn_id in skipped:
                continue
            points = self._polyline(conn_id, curve)
            d = _distance(points, x, y)
            if d <= best_d:
                best, best_d = conn_id, d
        return best

    def _polyline(self, conn_id: str, curve: Polyline) -> list[tuple[float, float]]:
        points = self._polylines.get(conn_id)
        if points is None:
            points = list(curve(conn_id) or ())
            self._polylines[conn_id] = points
        return points

    def forget_shape(self, conn_id: str) -> None:
        """The route of `conn_id` changed (its box did not): measure it afresh."""
        self._polylines.pop(conn_id, None)


def _span(left: float, top: float, right: float, bottom: float) -> tuple[int, int, int, int]:
    return (
        math.floor(left / TILE),
        math.floor(top / TILE),
        math.floor(right / TILE),
        math.floor(bottom / TILE),
    )


def _tiles(box: Box) -> list[tuple[int, int]]:
    x0, y0, x1, y1 = _span(*box)
    return [(tx, ty) for tx in range(x0, x1 + 1) for ty in range(y0, y1 + 1)]


def _distance(points: list[tuple[float, float]], x: float, y: float) -> float:
    """The distance from (x, y) to the polyline through `points`."""
    best = math.inf
    for (ax, ay), (bx, by) in itertools.pairwise(points):
        dx, dy = bx - ax, by - ay
        length = dx * dx + dy * dy
        t = 0.0 if length == 0 else max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / length))
        px, py = ax + t * dx - x, ay + t * dy - y
        best = min(best, px * px + py * py)
    return math.sqrt(best)
