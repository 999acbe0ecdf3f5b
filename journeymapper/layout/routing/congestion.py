"""Crossing-aware choice among a connection's plans: libavoid's crossing penalty.

A connection that goes further than the next column can run along the band above or
below its lane (or its target's), and leave or enter a card through its side or its
top or bottom. Each choice is the same to the connection itself give or take a bend;
what differs is how many other arrows it crosses. libavoid weighs this with a penalty
per crossing when it reroutes a connector (Wybrow, Marriott & Stuckey, *Orthogonal
Connector Routing*, GD 2009, and libavoid's `crossingPenalty`); negotiated congestion
routing (McMurchie & Ebeling, *PathFinder*, FPGA 1995) does the same in rounds: route
every net, then reroute each in turn against the others. Here every connection with a
choice is planned again, longest first, against the channels the others occupy.

The count is on the channels, before tracks and ports are chosen: a run down a gutter
crosses the straight arrows across that gutter between its ends and the band runs
over that gutter in the bands it passes through; a run along a band crosses the gutter
runs passing through the band between its ends. Where one of the two only turns into
the other's band, whether they cross depends on the order of their tracks (`order`),
which avoids about half of those: they count half.
"""

from __future__ import annotations

import bisect
from collections.abc import Generator, Sequence
from typing import NamedTuple

from journeymapper.layout.routing.channels import Grid, Place
from journeymapper.layout.routing.plan import TOP, Option, Plan
from journeymapper.layout.routing.ports import estimates

CROSSING = 300.0  # the cost of crossing another arrow, in points of length
HALF = 0.5  # a crossing the order of the tracks may avoid
ALONG = 0.3
STUB = 0.25
ROUNDS = 1
SLACK = 900.0  # plans dearer than the cheapest by more than this are not weighed
STEP = 16  # connections between two pauses (a slice of the canvas is 8 ms)


class Runs(NamedTuple):
    """Where a plan runs: (gutter, y1, y2) down gutters, (band, p1, p2) along bands,
    (band, p) where it only enters a band, from a card's top or bottom, and (gutter, y)
    where it leaves or enters a card's side. Positions along a band count half-columns:
    gutter g at 2g, the middle of column c at 2c + 1. Each run down a gutter also holds
    the bands it passes through and those it ends in (`Occupancy.bands`), worked out
    once for both counting and occupying."""

    # (gutter, y1, y2, the card at a side end or "", bands passed through, bands ended in)
    down: tuple[tuple[int, float, float, str, range, tuple[int, ...]], ...]
    along: tuple[tuple[int, int, int], ...]
    stubs: tuple[tuple[int, int], ...]
    sides: tuple[tuple[int, float], ...]


class Occupancy:
    """What the planned arrows occupy, by band: how many band runs cover each position
    (`cover`), how many gutter runs pass through the band (`through`) and end in it
    (`ending`) at each position; and by gutter, the heights of the straight arrows
    across it. Plain lists of counts: a band run covers a few positions, so adding it
    position by position and summing a slice to count are cheaper than a tree."""

    def __init__(self, grid: Grid) -> None:
        size = 2 * len(grid.gutters) + 1
        count = len(grid.bands)
        self.los = [lo for lo, _ in grid.bands]
        self.his = [hi for _, hi in grid.bands]
        self.cover = [[0] * size for _ in range(count)]
        self.through = [[0] * size for _ in range(count)]
        self.ending = [[0] * size for _ in range(count)]
        self.straight: dict[int, list[float]] = {}
        self.own: dict[tuple[int, str], list[float]] = {}  # by gutter and card at an end
        self.sides: dict[int, list[float]] = {}  # by gutter: heights of the side stubs
        self.tops: dict[int, list[float]] = {}  # by gutter: the top and bottom of each run
        self.bottoms: dict[int, list[float]] = {}
        self._bands: dict[tuple[float, float], tuple[range, tuple[int, ...]]] = {}

    def bands(self, y1: float, y2: float) -> tuple[range, tuple[int, ...]]:
        """The bands a vertical run from y1 to y2 passes through, and those it ends in
        (remembered: runs start and end at a few hundred side and band middles)."""
        lo, hi = (y1, y2) if y1 < y2 else (y2, y1)
        found = self._bands.get((lo, hi))
        if found is None:
            found = self._bands[lo, hi] = self._find_bands(lo, hi)
        return found

    def _find_bands(self, lo: float, hi: float) -> tuple[range, tuple[int, ...]]:
        los, his = self.los, self.his
        inside = range(bisect.bisect_right(los, lo), bisect.bisect_left(his, hi))
        ends = []
        for y in (lo, hi):
            k = bisect.bisect_right(los, y) - 1
            if k >= 0 and y <= his[k] and k not in inside:
                ends.append(k)
        return inside, tuple(ends)

    def change(self, runs: Runs, sign: int) -> None:
        """Add (`sign` 1) or take away (-1) a plan's runs."""
        through, ending, cover = self.through, self.ending, self.cover
        for g, _, _, _, inside, ends in runs.down:
            for k in inside:
                through[k][2 * g] += sign
            for k in ends:
                ending[k][2 * g] += sign
        for k, p1, p2 in runs.along:
            counts = cover[k]
            for p in range(p1 + 1, p2):
                counts[p] += sign
        for k, p in runs.stubs:
            ending[k][p] += sign
        for g, y in runs.sides:
            _change(self.sides.setdefault(g, []), y, sign)
        for g, y1, y2, *_ in runs.down:
            _change(self.tops.setdefault(g, []), min(y1, y2), sign)
            _change(self.bottoms.setdefault(g, []), max(y1, y2), sign)

    def crossings(self, runs: Runs) -> float:
        """About how many of the occupants the runs cross."""
        n = 0.0
        left, right = bisect.bisect_left, bisect.bisect_right
        cover, straight, sides = self.cover, self.straight, self.sides
        for g, y1, y2, card, inside, ends in runs.down:
            ys = straight.get(g)
            if ys:
                n += abs(left(ys, y2) - right(ys, y1))
                ys = self.own.get((g, card))  # ordered along their card's side: no crossing
                if ys:
                    n -= abs(left(ys, y2) - right(ys, y1))
            p = 2 * g
            for k in inside:
                n += cover[k][p]
            for k in ends:
                n += HALF * cover[k][p]
            ys = sides.get(g)
            if ys:
                n += HALF * abs(left(ys, y2) - right(ys, y1))
        through, ending = self.through, self.ending
        for k, p1, p2 in runs.along:
            if p2 > p1 + 1:
                n += sum(through[k][p1 + 1 : p2]) + ALONG * sum(ending[k][p1 + 1 : p2])
        for k, p in runs.stubs:
            n += STUB * cover[k][p]
        for g, y in runs.sides:
            tops = self.tops.get(g)
            if tops:
                n += HALF * (left(tops, y) - right(self.bottoms[g], y))
        return n


def _change(values: list[float], value: float, sign: int) -> None:
    """Add `value` to the sorted list `values`, or take it away."""
    if sign > 0:
        bisect.insort(values, value)
    else:
        del values[bisect.bisect_left(values, value)]


def runs_of(plan: Plan, seq: Sequence[float], a: Place, b: Place, occupancy: Occupancy) -> Runs:
    """The runs of `plan`, its coordinates `seq` as `ports.estimates` gives them."""
    down: list[tuple[int, float, float, str, range, tuple[int, ...]]] = []
    along: list[tuple[int, int, int]] = []
    stubs: list[tuple[int, int]] = []
    sides: list[tuple[int, float]] = []
    channels = plan.channels
    n = len(channels)
    vertical = plan.vertical_first
    here = 2 * a.column + 1
    if not vertical and n:
        stubs.append((channels[0], here))
    elif n:
        sides.append((channels[0], seq[0]))
    if n and plan.dst_side < TOP and (n % 2 == 1) == vertical:
        sides.append((channels[-1], seq[-1]))
    for j in range(1, n + 1):
        channel = channels[j - 1]
        if vertical:
            card = plan.source if j == 1 else plan.target if j == n else ""
            y1, y2 = seq[j - 1], seq[j + 1]
            down.append((channel, y1, y2, card, *occupancy.bands(y1, y2)))
            here = 2 * channel
        else:
            there = 2 * channels[j] if j < n else 2 * b.column + 1
            if j == n:
                stubs.append((channel, there))
            along.append((channel, min(here, there), max(here, there)))
        vertical = not vertical
    return Runs(tuple(down), tuple(along), tuple(stubs), tuple(sides))


def improve(
    plans: list[Plan],
    seqs: list[list[float]],
    options: dict[int, list[Option]],
    places: dict[str, Place],
    grid: Grid,
) -> Generator[None, None, None]:
    """Plan again each connection that has `options`, longest first, for the fewest
    crossings with the others (replacing its entries in `plans` and `seqs`)."""
    occupancy = Occupancy(grid)
    runs: dict[int, Runs] = {}
    for i, plan in enumerate(plans):
        if i % (4 * STEP) == 0:
            yield
        _occupy(occupancy, runs, i, plan, seqs[i], places)
    for ys in (*occupancy.straight.values(), *occupancy.own.values()):
        ys.sort()
    contested = sorted(options, key=lambda i: (-_reach(plans[i], places), plans[i].conn))
    for _ in range(ROUNDS):
        for n, i in enumerate(contested, 1):
            now = plans[i]
            occupancy.change(runs[i], -1)
            a, b = places[now.source], places[now.target]
            best: tuple[float, int, Plan, list[float], Runs] | None = None
            choices = sorted(enumerate(options[i]), key=lambda o: o[1][0])
            limit = choices[0][1][0] + SLACK
            for k, (cost, plan) in choices:
                if cost > limit or (best is not None and cost > best[0]):
                    break  # crossings only add: no dearer plan can win
                if plan is now:  # its runs are at hand
                    seq, r = seqs[i], runs[i]
                else:
                    seq = estimates(plan, a, b, grid)
                    r = runs_of(plan, seq, a, b, occupancy)
                total = cost + CROSSING * occupancy.crossings(r)
                if best is None or (total, k) < best[:2]:
                    best = (total, k, plan, seq, r)
            assert best is not None
            _, _, plans[i], seqs[i], runs[i] = best
            occupancy.change(runs[i], 1)
            if n % STEP == 0:
                yield


def _reach(plan: Plan, places: dict[str, Place]) -> int:
    return abs(places[plan.target].column - places[plan.source].column)


def _occupy(
    occupancy: Occupancy,
    runs: dict[int, Runs],
    i: int,
    plan: Plan,
    seq: list[float],
    places: dict[str, Place],
) -> None:
    """Enter plan `i` in `occupancy`: an arrow straight across a gutter by its height,
    any other by its runs (kept in `runs`)."""
    n = len(plan.channels)
    if n == 0:
        return  # down to the next card in the stack: in no channel
    a, b = places[plan.source], places[plan.target]
    if n == 1 and plan.src_side != TOP and plan.vertical_first:
        (lo_a, hi_a), (lo_b, hi_b) = (a.rect.y, a.rect.bottom), (b.rect.y, b.rect.bottom)
        if max(lo_a, lo_b) < min(hi_a, hi_b) and b.column == a.column + 1:
            y = (max(lo_a, lo_b) + min(hi_a, hi_b)) / 2
            g = plan.channels[0]
            occupancy.straight.setdefault(g, []).append(y)
            occupancy.own.setdefault((g, plan.source), []).append(y)
            occupancy.own.setdefault((g, plan.target), []).append(y)
            return
    runs[i] = runs_of(plan, seq, a, b, occupancy)
    occupancy.change(runs[i], 1)
