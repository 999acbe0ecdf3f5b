"""The router's parts: crossing counts, stepped routing equal to a whole one, previous
routes meanwhile, live routes for a dragged card, loops in the bands, six ports for a
fan-in of six, and the counts `journeymapper stats` reports."""

from __future__ import annotations

import itertools
from pathlib import Path

from journeymapper.io.journey_file import load_journey
from journeymapper.layout.engine import layout_journey
from journeymapper.layout.geometry import Rect
from journeymapper.layout.routing.channels import Grid
from journeymapper.layout.routing.congestion import Occupancy, Runs
from journeymapper.layout.routing.crossings import count_crossings, through_cards
from journeymapper.layout.routing.router import Routing
from journeymapper.layout.routing.stats import routing_stats

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_crossings_count_only_where_two_arrows_really_cross() -> None:
    plus = [[(0.0, 5.0), (10.0, 5.0)], [(5.0, 0.0), (5.0, 10.0)]]
    assert count_crossings(plus) == 1
    corner = [[(0.0, 0.0), (10.0, 0.0)], [(10.0, 0.0), (10.0, 10.0)]]  # touching ends
    assert count_crossings(corner) == 0
    parallel = [[(0.0, 0.0), (10.0, 0.0)], [(0.0, 3.0), (10.0, 3.0)]]
    assert count_crossings(parallel) == 0
    grid = [[(0.0, y), (30.0, y)] for y in (5.0, 15.0, 25.0)] + [
        [(x, 0.0), (x, 30.0)] for x in (5.0, 15.0)
    ]
    assert count_crossings(grid) == 6


def test_the_congestion_count_sees_a_gutter_run_across_a_band_run() -> None:
    """The count the router weighs plans by: a run down a gutter crosses the band runs
    over that gutter in the bands it passes through; a band run of no length (a turn
    from a gutter straight back down) covers nothing; taking a run away forgets it."""
    grid = Grid(gutters=[(10.0 * g, 10.0 * g + 5) for g in range(8)],
                bands=[(0.0, 20.0), (100.0, 120.0), (200.0, 220.0)],
                places={}, column_x=[], lines=[])  # fmt: skip
    occupancy = Occupancy(grid)

    def down(gutter: int, y1: float, y2: float) -> Runs:
        return Runs(((gutter, y1, y2, "", *occupancy.bands(y1, y2)),), (), (), ())

    along = Runs((), ((1, 2, 8),), (), ())  # band 1, from gutter 1 to gutter 4
    occupancy.change(along, 1)
    assert occupancy.crossings(down(2, 50.0, 150.0)) == 1  # through band 1, over the run
    assert occupancy.crossings(down(6, 50.0, 150.0)) == 0  # past the run's end
    assert occupancy.crossings(down(2, 150.0, 250.0)) == 0  # another band
    assert occupancy.crossings(down(2, 50.0, 110.0)) == 0.5  # ends in the band: half
    nothing = Runs((), ((1, 4, 4),), (), ())
    occupancy.change(nothing, 1)
    assert occupancy.crossings(down(2, 50.0, 150.0)) == 1
    occupancy.change(along, -1)
    assert occupancy.crossings(down(2, 50.0, 150.0)) == 0
    occupancy.change(down(2, 50.0, 150.0), 1)
    assert occupancy.crossings(along) == 1  # and the other way round


def test_through_cards_sees_a_line_under_a_card_but_not_along_its_edge() -> None:
    cards = {"a": Rect(0, 0, 10, 10), "b": Rect(50, 0, 10, 10), "c": Rect(20, 0, 10, 10)}
    ends = {"x": ("a", "b")}
    assert through_cards({"x": [(10.0, 5.0), (50.0, 5.0)]}, ends, cards) == ["x"]
    assert through_cards({"x": [(10.0, 0.0), (50.0, 0.0)]}, ends, cards) == []


def test_a_routing_in_slices_equals_a_routing_at_once() -> None:
    layout = layout_journey(load_journey(EXAMPLES / "home-and-garden-store.journey"))
    whole = Routing(layout).routes()
    sliced = Routing(layout)
    steps = 0
    while not sliced.step(0.0):
        steps += 1
    assert steps > 3  # it did pause
    assert sliced.routes() == whole


def test_until_done_a_connection_that_did_not_change_keeps_its_route() -> None:
    journey = load_journey(EXAMPLES / "online-clothing-store.journey")
    old = layout_journey(journey)
    old.routes()
    new = layout_journey(journey)
    stale = {next(iter(new.connection_ends))}
    new.route_after(old, stale)
    kept = [c for c in new.connection_ends if c not in stale]
    assert not new.routing.done
    assert all(new.routing.current(c) is old.routing.current(c) for c in kept)
    provisional = new.routing.current(next(iter(stale)))
    assert provisional is not None
    assert provisional is not old.routing.current(next(iter(stale)))


def test_edits_faster_than_a_routing_keep_the_last_finished_routes() -> None:
    """Two edits in a row, the routing between them never run: the third layout still
    shows the finished routes of the first for what neither edit touched, sketches the
    rest on the first one's channels (never building its own while it paints), and
    holds no chain of the layouts in between."""
    journey = load_journey(EXAMPLES / "online-clothing-store.journey")
    first = layout_journey(journey)
    first.routes()
    ids = list(first.connection_ends)
    second, third = layout_journey(journey), layout_journey(journey)
    second.route_after(first, {ids[0]})
    third.route_after(second, {ids[1]})
    routing = third.routing
    assert not second.routing.done
    assert not routing.done
    assert all(routing.current(c) is first.routing.current(c) for c in ids[2:])
    for changed in ids[:2]:
        sketch = routing.current(changed)
        assert sketch is not None
        assert sketch is not first.routing.current(changed)
    assert routing._grid is None
    assert routing._previous is first.routing


def test_a_dragged_card_takes_its_arrows_along() -> None:
    layout = layout_journey(load_journey(EXAMPLES / "online-clothing-store.journey"))
    conn_id, (source, _) = next(iter(layout.connection_ends.items()))
    rect = layout.cards[source].rect
    moved = Rect(rect.x + 37, rect.y + 211, rect.w, rect.h)
    route = layout.routing.live(conn_id, {source: moved})
    assert route is not None
    x, y = route.start
    assert moved.x - 0.1 <= x <= moved.right + 0.1
    assert moved.y - 0.1 <= y <= moved.bottom + 0.1


def test_the_loop_back_runs_in_a_band_above_or_below_its_lane() -> None:
    journey = load_journey(EXAMPLES / "online-clothing-store.journey")
    layout = layout_journey(journey)
    loop = next(c for c in journey.connections() if c.label == "Buys again")
    route = layout.route(loop.id)
    bands = layout.routing.grid.bands
    level = [(a, b) for a, b in zip(route.points, route.points[1:], strict=False) if a[1] == b[1]]
    longest = max(level, key=lambda s: abs(s[1][0] - s[0][0]))
    assert any(lo <= longest[0][1] <= hi for lo, hi in bands)
    _x, y = route.label
    assert any(lo - 9 <= y <= hi + 9 for lo, hi in bands)  # the label rides the loop


def test_a_fan_in_of_six_reads_as_six() -> None:
    journey = load_journey(EXAMPLES / "home-and-garden-store.journey")
    layout = layout_journey(journey)
    fans: dict[str, list[str]] = {}
    for conn_id, (_, target) in layout.connection_ends.items():
        fans.setdefault(target, []).append(conn_id)
    target, conns = max(fans.items(), key=lambda item: len(item[1]))
    assert len(conns) >= 6
    rect = layout.cards[target].rect
    ends = [layout.route(c).end for c in conns]
    # Each arrow enters by the left side, the top or the bottom (never the right, where
    # the forward arrows leave), at a point of its own: six tips at least 8 pt apart.
    assert all(x == rect.x or y in (rect.y, rect.bottom) for x, y in ends)
    assert all(x < rect.right for x, _ in ends)
    for a, b in itertools.combinations(ends, 2):
        assert abs(a[0] - b[0]) + abs(a[1] - b[1]) >= 8.0


def test_stats_count_the_arrows() -> None:
    layout = layout_journey(load_journey(EXAMPLES / "smartphone-electronics-retailer.journey"))
    stats = routing_stats(layout)
    assert stats.connections_routed == len(layout.connection_ends) == 19
    assert stats.arrows_through_cards == 0
    assert stats.arrow_crossings == count_crossings(r.points for r in layout.routes().values())
    assert stats.as_json()["arrows_through_cards"] == 0
    assert any("crossings of two arrows" in line for line in stats.lines())
