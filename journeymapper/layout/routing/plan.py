"""Which sides and channels a connection may take: short paths with few bends.

Wybrow, Marriott and Stuckey (*Orthogonal Connector Routing*, Graph Drawing 2009) find
each connector's shortest path in the orthogonal visibility graph, its cost the length
plus a penalty per bend. On a stage × lane grid that graph reduces to the gutters and
bands (`channels`), and a short path with few bends leaves its card by a side, runs
along at most one gutter, one band and one more gutter, and enters the target: so
instead of a Dijkstra search per connection the few such paths are listed and costed
directly (a few microseconds a connection, which is what lets 20,000 of them route in
well under a second). `congestion` then picks among them by the arrows each crosses.
Costs use channel centres; the tracks within a channel and the ports along a side are
chosen afterwards (`ports`, `tracks`), as in the paper.

Readability rules on top of length and bends: arrows enter a card from the left, from
above or from below, never from the right, so two arrowheads never meet head-on in a
gutter; a forward arrow leaves from the right (or from the top or bottom, straight into
a band), never from the left; a loop back to an earlier card runs in the band above or
below its lane, and may come down into its target from above.
"""

from __future__ import annotations

from typing import NamedTuple

from journeymapper.layout.routing.channels import Grid, Place

LEFT, RIGHT, TOP, BOTTOM = 0, 1, 2, 3
BEND = 24.0  # the cost of a bend, in points of length
BAND_PORT = 300.0  # leaving or entering through the top or bottom, for a forward arrow
AROUND = 60.0  # a loop leaving from its card's right side, away from where it goes


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


Option = tuple[float, Plan]  # a plan and its cost: length, bends, penalties


def plan_route(
    conn: str, source: str, target: str, a: Place, b: Place, grid: Grid, labelled: bool = False
) -> Plan:
    """The cheapest plan from card `source` (at `a`) to `target` (at `b`), other arrows
    aside. A labelled connection reaches a band, where its label has room clear of the
    cards (unless it is drawn straight: see `ports`)."""
    return min(plan_options(conn, source, target, a, b, grid, labelled))[1]


def plan_options(
    conn: str, source: str, target: str, a: Place, b: Place, grid: Grid, labelled: bool = False
) -> list[Option]:
    """The plans worth weighing against the other arrows (`congestion`), with their
    costs; only one when there is no real choice (the next card in a stack, the card
    level with it in the next column). A labelled arrow never takes the short hop
    between two stacked cards: its label would have no room there."""
    labelled = labelled and bool(grid.bands)
    if source != target and not labelled:
        if a.below == target:
            return [(0.0, Plan(conn, source, target, BOTTOM, TOP, ()))]
        if a.above == target:
            return [(0.0, Plan(conn, source, target, TOP, BOTTOM, ()))]
    options = [] if labelled else _direct(conn, source, target, a, b, grid)
    if len(options) == 1 and options[0][0] == 0.0:
        return options
    return options + _via_band(conn, source, target, a, b, grid)


def _direct(conn: str, source: str, target: str, a: Place, b: Place, grid: Grid) -> list[Option]:
    """A route along one gutter only: to the next column (straight across when the two
    cards are level, else with a jog), or back into a card of the same column."""
    if b.column == a.column + 1:
        plan = Plan(conn, source, target, RIGHT, LEFT, (a.column + 1,))
        if a.lane == b.lane and max(a.rect.y, b.rect.y) < min(a.rect.bottom, b.rect.bottom):
            return [(0.0, plan)]
        return [(_jog(a, b, grid.gutter_mid(a.column + 1)), plan)]
    if b.column == a.column and source != target:
        plan = Plan(conn, source, target, LEFT, LEFT, (a.column,))
        return [(_jog(a, b, grid.gutter_mid(a.column)), plan)]
    return []


def _jog(a: Place, b: Place, x: float) -> float:
    ra, rb = a.rect, b.rect
    ends = min(abs(x - ra.x), abs(x - ra.right)) + min(abs(x - rb.x), abs(x - rb.right))
    return ends + abs(ra.y + ra.h / 2 - rb.y - rb.h / 2) + 2 * BEND


Start = tuple[tuple[int, ...], float, float, int, float]  # channels, length, x, side, cost


def _via_band(conn: str, source: str, target: str, a: Place, b: Place, grid: Grid) -> list[Option]:
    """Routes along a band next to the source's or the target's lane: out of a side
    into a gutter and along it to the band (or out of the top or bottom straight into
    the band), along the band, then down or up a gutter into the target's left side
    (or straight into its top or bottom)."""
    rb = b.rect
    yb, xb = rb.y + rb.h / 2, rb.x + rb.w / 2
    forward = b.column > a.column
    g_in = grid.gutter_mid(b.column)
    options: list[Option] = []
    for k in sorted({a.lane, a.lane + 1, b.lane, b.lane + 1} & set(range(len(grid.bands)))):
        y = grid.band_mid(k)
        for channels, length, x, side, penalty in _starts(a, k, y, grid, forward, source == target):
            out = length + penalty + (len(channels) + 1) * BEND
            cost = out + abs(g_in - x) + abs(y - yb) + rb.x - g_in + 2 * BEND
            options.append((cost, Plan(conn, source, target, side, LEFT, (*channels, k, b.column))))
            for end, free, edge in ((TOP, b.above, rb.y), (BOTTOM, b.below, rb.bottom)):
                if free is None and k == (b.lane if end == TOP else b.lane + 1):
                    if source == target and side == end:
                        continue
                    cost = out + abs(xb - x) + abs(edge - y) + BEND
                    cost += BAND_PORT if forward else 0.0
                    options.append((cost, Plan(conn, source, target, side, end, (*channels, k))))
    return options


def _starts(a: Place, k: int, y: float, grid: Grid, forward: bool, own: bool) -> list[Start]:
    """The ways out of card `a` to band `k` (at height `y`): the channels before the
    band, the length to the band, where along the band it arrives, by which side, and
    the penalty for that side."""
    ra = a.rect
    ya, xa = ra.y + ra.h / 2, ra.x + ra.w / 2
    right = grid.gutter_mid(a.column + 1)
    starts: list[Start] = [
        ((a.column + 1,), right - ra.right + abs(ya - y), right, RIGHT, 0.0 if forward else AROUND)
    ]
    if not own and not forward:
        left = grid.gutter_mid(a.column)
        starts.append(((a.column,), ra.x - left + abs(ya - y), left, LEFT, 0.0))
    for side, free, edge in ((TOP, a.above, ra.y), (BOTTOM, a.below, ra.bottom)):
        if free is None and k == (a.lane if side == TOP else a.lane + 1):
            starts.append(((), abs(edge - y), xa, side, BAND_PORT if forward else 0.0))
    return starts
