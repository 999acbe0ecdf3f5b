"""Which sides and channels a connection takes: the shortest path with bend penalties.

Wybrow, Marriott and Stuckey (*Orthogonal Connector Routing*, Graph Drawing 2009) find
each connector's shortest path in the orthogonal visibility graph, its cost the length
plus a penalty per bend. On a stage × lane grid that graph reduces to the gutters and
bands (`channels`), and a shortest path with few bends leaves its card by a side, runs
along at most one gutter, one band and one more gutter, and enters the target: so
instead of a Dijkstra search per connection the few such paths are costed directly and
the cheapest is kept (a few microseconds a connection, which is what lets 20,000 of them
route in well under a second). Costs use channel centres; the tracks within a channel
and the ports along a side are chosen afterwards (`ports`, `tracks`), as in the paper.

Readability rules on top of length and bends: arrows enter a card from the left, from
above or from below, never from the right, so two arrowheads never meet head-on in a
gutter; a forward arrow leaves from the right; a loop back to an earlier card runs in the
band above or below its lane, and may come down into its target from above.
"""

from __future__ import annotations

from typing import NamedTuple

from journeymapper.layout.routing.channels import Grid, Place

LEFT, RIGHT, TOP, BOTTOM = 0, 1, 2, 3
BEND = 24.0  # the cost of a bend, in points of length
BAND_PORT = 30.0  # leaving or entering through the top or bottom, for a forward arrow
BACKWARDS = 400.0  # a forward arrow leaving from its card's left side


class Plan(NamedTuple):
    """A connection's path through the channels, before tracks and ports are chosen.

    `channels` alternate in direction: gutter, band, gutter… when the route leaves from
    the left or right side (its first stub is horizontal), band, gutter… from the top or
    bottom.
    """

    conn: str
    source: str
    target: str
    src_side: int
    dst_side: int
    channels: tuple[int, ...]

    @property
    def vertical_first(self) -> bool:
        return self.src_side in (LEFT, RIGHT)


def plan_route(
    conn: str, source: str, target: str, a: Place, b: Place, grid: Grid, labelled: bool = False
) -> Plan:
    """The cheapest plan from card `source` (at `a`) to `target` (at `b`). A labelled
    connection always reaches a band, where its label has room clear of the cards."""
    plan = _cheapest(conn, source, target, a, b, grid)
    if labelled and grid.bands and not _has_band(plan):
        k = _band_between(a, b, grid)
        if plan.src_side == RIGHT:
            return Plan(conn, source, target, RIGHT, LEFT, (a.column + 1, k, b.column))
        return Plan(conn, source, target, LEFT, LEFT, (a.column, k, b.column))
    return plan


def _has_band(plan: Plan) -> bool:
    return len(plan.channels) >= (2 if plan.vertical_first else 1)


def _cheapest(conn: str, source: str, target: str, a: Place, b: Place, grid: Grid) -> Plan:
    if source != target:
        if a.below == target:
            return Plan(conn, source, target, BOTTOM, TOP, ())
        if a.above == target:
            return Plan(conn, source, target, TOP, BOTTOM, ())
    if b.column == a.column + 1:
        return Plan(conn, source, target, RIGHT, LEFT, (a.column + 1,))
    if b.column == a.column and source != target:
        return Plan(conn, source, target, LEFT, LEFT, (a.column,))
    if b.column > a.column:
        k = _band_between(a, b, grid)
        return Plan(conn, source, target, RIGHT, LEFT, (a.column + 1, k, b.column))
    return _loop(conn, source, target, a, b, grid)


def _band_between(a: Place, b: Place, grid: Grid) -> int:
    """The band a gutter-band-gutter route takes: along the source's lane edge, on the
    side the target is (or the nearer edge when both share a lane). Leaving the
    source's lane at once crossed a few per cent fewer arrows on generated maps than
    running along the target's lane."""
    if b.lane > a.lane:
        return a.lane + 1
    if b.lane < a.lane:
        return a.lane
    ya, yb = a.rect.y + a.rect.h / 2, b.rect.y + b.rect.h / 2
    up = abs(ya - grid.band_mid(a.lane)) + abs(yb - grid.band_mid(a.lane))
    down = abs(ya - grid.band_mid(a.lane + 1)) + abs(yb - grid.band_mid(a.lane + 1))
    return a.lane if up <= down else a.lane + 1


def _loop(conn: str, source: str, target: str, a: Place, b: Place, grid: Grid) -> Plan:
    """A connection back to an earlier column (or to its own card): the cheapest of
    running the band above or below the lanes, leaving by the left side or the top or
    bottom, and entering by the left side or from the band."""
    ra, rb = a.rect, b.rect
    ya, yb = ra.y + ra.h / 2, rb.y + rb.h / 2
    xa, xb = ra.x + ra.w / 2, rb.x + rb.w / 2
    gm, bm = grid.gutter_mid, grid.band_mid
    exit_gutter = a.column if source != target else a.column + 1
    side = LEFT if source != target else RIGHT
    g_in = gm(b.column)
    options: list[tuple[float, Plan]] = []
    bands = {a.lane, a.lane + 1, b.lane, b.lane + 1} & set(range(len(grid.bands)))
    g_out = gm(exit_gutter)
    stub = abs(g_out - (ra.x if side == LEFT else ra.right))
    for k in bands:
        y = bm(k)
        cost = stub + abs(ya - y) + abs(g_out - g_in) + abs(y - yb) + rb.x - g_in + 4 * BEND
        options.append((cost, Plan(conn, source, target, side, LEFT, (exit_gutter, k, b.column))))
        if k == b.lane and b.above is None:  # down into the target's top
            cost = stub + abs(ya - y) + abs(g_out - xb) + rb.y - y + 3 * BEND
            options.append((cost, Plan(conn, source, target, side, TOP, (exit_gutter, k))))
        if k == b.lane + 1 and b.below is None:
            cost = stub + abs(ya - y) + abs(g_out - xb) + y - rb.bottom + 3 * BEND
            options.append((cost, Plan(conn, source, target, side, BOTTOM, (exit_gutter, k))))
    for k, a_side, a_y in ((a.lane, TOP, ra.y), (a.lane + 1, BOTTOM, ra.bottom)):
        if (a_side == TOP and a.above is not None) or (a_side == BOTTOM and a.below is not None):
            continue
        y = bm(k)
        start = abs(a_y - y)
        cost = start + abs(xa - g_in) + abs(y - yb) + rb.x - g_in + 3 * BEND
        options.append((cost, Plan(conn, source, target, a_side, LEFT, (k, b.column))))
        if source == target:
            continue
        if k == b.lane and b.above is None:
            cost = start + abs(xa - xb) + rb.y - y + 2 * BEND
            options.append((cost, Plan(conn, source, target, a_side, TOP, (k,))))
        if k == b.lane + 1 and b.below is None:
            cost = start + abs(xa - xb) + y - rb.bottom + 2 * BEND
            options.append((cost, Plan(conn, source, target, a_side, BOTTOM, (k,))))
    return min(options, key=lambda option: option[0])[1]
