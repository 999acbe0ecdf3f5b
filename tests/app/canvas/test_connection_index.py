"""The connection layer's tile index: boxes in, boxes out, the nearest curve."""

from __future__ import annotations

from journeymapper.app.canvas.connection_index import MOST_TILES, TILE, ConnectionIndex
from journeymapper.layout.geometry import Rect, edge_path


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


def test_the_nearest_curve_within_the_tolerance() -> None:
    a, b, c = Rect(0, 0, 158, 70), Rect(300, 0, 158, 70), Rect(300, 200, 158, 70)
    edges = {"ab": edge_path(a, b), "ac": edge_path(a, c)}
    index = ConnectionIndex()
    for conn_id, (s, t) in {"ab": (a, b), "ac": (a, c)}.items():
        index.put(
            conn_id, (s.x - 40, min(s.y, t.y) - 40, t.right + 40, max(s.bottom, t.bottom) + 40)
        )
    x, y = edges["ab"].point_at(0.5)
    assert index.nearest(x, y + 2, 5, edges.get) == "ab"
    x, y = edges["ac"].point_at(0.5)
    assert index.nearest(x + 1, y, 5, edges.get) == "ac"
    assert index.nearest(x, y + 40, 5, edges.get) is None
    assert index.nearest(x + 1, y, 5, edges.get, skip=["ac"]) is None
