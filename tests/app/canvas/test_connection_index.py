"""The connection layer's tile index: boxes in, boxes out, the nearest curve."""

from __future__ import annotations

from journeymapper.app.canvas.connection_index import MOST_TILES, TILE, ConnectionIndex
from journeymapper.layout.route import point_along


def test_boxes_are_found_where_they_are_and_forgotten_when_removed() -> None:
    index = ConnectionIndex()
    index.put("near", (10, 10, 100, 60))
    index.put("far", (5000, 5000, 5100, 5100))
    wide = (0, 0, TILE * (MOST_TILES + 2), 50)
    index.put("wide", wide)
    assert set(index.within(0, 0, 200, 200)) == {"near", "wide"}
    assert set(index.within(4900, 4900, 6000, 6000)) == {"far"}
    assert set(index.within(-1e9, -1e9, 1e9, 1e9)) == {"near", "far", "wide"}
    index.put("near", (3000, 3000, 3100, 3100))  # moved: found only where it went
    assert set(index.within(0, 0, 200, 200)) == {"wide"}
    assert index.remove("wide") == wide
    assert index.within(0, 0, 200, 200) == []
    assert len(index) == 2


def test_the_nearest_route_within_the_tolerance() -> None:
    edges = {
        "ab": ((158.0, 35.0), (300.0, 35.0)),
        "ac": ((158.0, 50.0), (230.0, 50.0), (230.0, 235.0), (300.0, 235.0)),
    }
    index = ConnectionIndex()
    for conn_id, points in edges.items():
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        index.put(conn_id, (min(xs) - 8, min(ys) - 8, max(xs) + 8, max(ys) + 8))
    x, y = point_along(edges["ab"], 0.5)
    assert index.nearest(x, y + 2, 5, edges.get) == "ab"
    x, y = point_along(edges["ac"], 0.5)
    assert index.nearest(x + 1, y, 5, edges.get) == "ac"
    assert index.nearest(x + 40, y, 5, edges.get) is None
    assert index.nearest(x + 1, y, 5, edges.get, skip=["ac"]) is None
