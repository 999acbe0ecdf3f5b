"""Tracks: where within its gutter or band each segment of a route runs.

The nudging step of Wybrow, Marriott & Stuckey (*Orthogonal Connector Routing*, GD
2009): segments that share a channel and overlap along it are ordered so that as few
as possible cross where they turn off, then spread apart across the channel. Two
segments cross in an order when a turn of one leaves towards the other inside the
other's extent; a pairwise comparison counts that for both orders. Overlapping segments
form a cluster; within it each segment takes the first track beyond every earlier
segment it overlaps (the left-edge algorithm of channel routing, Hashimoto & Stevens
1971, in the crossing-minimising order), and a cluster's tracks are spread evenly
around the channel's middle, so a lone segment runs down the middle of its gutter.
Ends that carry an arrowhead keep room for it.
"""

from __future__ import annotations

import heapq
from collections.abc import Generator, Sequence
from functools import cmp_to_key
from typing import NamedTuple

from journeymapper.layout.routing.channels import Grid, Place
from journeymapper.layout.routing.plan import BOTTOM, LEFT, TOP, Plan
from journeymapper.layout.routing.ports import side_position

TRACK_GAP = 6.0  # between neighbouring tracks, when the channel is wide enough
EDGE = 3.0  # from a channel's edge (a card's side)
ARROW_ROOM = 15.0  # the last stub before an arrowhead: the head and a little line
CLEAR = 3.0  # segments closer than this along a channel count as overlapping
SMALL_CLUSTER = 48  # larger clusters take the cheap order
STEP = 400  # segments between two pauses


class Segment(NamedTuple):
    lo: float  # extent along the channel, widened to whole channels at unknown ends
    hi: float
    e1: float  # the two ends, estimated, and the way the route turns at each
    d1: int
    e2: float
    d2: int
    plan: int
    position: int  # 1-based position of the channel in the plan
    low_limit: float  # arrowhead room: the track must stay within these
    high_limit: float


def _compare(s: Segment, t: Segment) -> int:
    """Crossings with s on the low side of t, less crossings with s on the high side: a
    turn of one segment crosses the other when it heads towards it inside its extent."""
    t_lo, t_hi = (t.e1, t.e2) if t.e1 < t.e2 else (t.e2, t.e1)
    s_lo, s_hi = (s.e1, s.e2) if s.e1 < s.e2 else (s.e2, s.e1)
    n = 0
    if t_lo < s.e1 < t_hi:
        n += s.d1  # heading high (+1) crosses t when s is low; heading low, when high
    if t_lo < s.e2 < t_hi:
        n += s.d2
    if s_lo < t.e1 < s_hi:
        n -= t.d1
    if s_lo < t.e2 < s_hi:
        n -= t.d2
    return n


def collect(
    plans: Sequence[Plan],
    seqs: Sequence[list[float]],
    src: Sequence[float],
    dst: Sequence[float],
    places: dict[str, Place],
    grid: Grid,
) -> Generator[None, None, dict[tuple[bool, int], list[Segment]]]:
    """Every plan's channel segments, by (vertical?, channel index); pausing now and
    then (a generator), so a big map can be routed in slices."""
    out: dict[tuple[bool, int], list[Segment]] = {}
    gutters, bands = grid.gutters, grid.bands
    for i, plan in enumerate(plans):
        if i % STEP == 0:
            yield
        n = len(plan.channels)
        if not n or (n == 1 and src[i] == dst[i]):
            continue  # straight: no track to choose
        seq = list(seqs[i])
        seq[0], seq[-1] = src[i], dst[i]
        a, b = places[plan.source], places[plan.target]
        froms = [side_position(a, plan.src_side), *seq]  # froms[j] = perpendicular run start
        vertical = plan.vertical_first
        for j in range(1, n + 1):
            channel = plan.channels[j - 1]
            mid = seq[j]
            e1, e2 = seq[j - 1], seq[j + 1]
            if abs(e1 - e2) < 1e-6:
                vertical = not vertical
                continue  # a straight line through the channel needs no track
            start = froms[j - 1]
            end = seq[j + 2] if j + 2 <= n + 1 else side_position(b, plan.dst_side)
            lo, hi = min(e1, e2), max(e1, e2)
            if j > 1:  # the previous channel's track is not known yet: its whole width
                lo, hi = _widen(lo, hi, e1, (bands if vertical else gutters)[plan.channels[j - 2]])
            if j < n:
                lo, hi = _widen(lo, hi, e2, (bands if vertical else gutters)[plan.channels[j]])
            low, high = -1e18, 1e18
            if j == n:
                low, high = _arrow_limits(plan.dst_side, b)
            seg = Segment(
                lo, hi, e1, 1 if start > mid else -1, e2, 1 if end > mid else -1,
                i, j, low, high,
            )  # fmt: skip
            out.setdefault((vertical, channel), []).append(seg)
            vertical = not vertical
    return out


def _widen(lo: float, hi: float, at: float, span: tuple[float, float]) -> tuple[float, float]:
    del at
    return (min(lo, span[0]), max(hi, span[1]))


def _arrow_limits(side: int, b: Place) -> tuple[float, float]:
    r = b.rect
    if side == LEFT:
        return (-1e18, r.x - ARROW_ROOM)
    if side == TOP:
        return (-1e18, r.y - ARROW_ROOM)
    if side == BOTTOM:
        return (r.bottom + ARROW_ROOM, 1e18)
    return (r.right + ARROW_ROOM, 1e18)


def assign_tracks(
    segments: dict[tuple[bool, int], list[Segment]], grid: Grid
) -> Generator[None, None, dict[tuple[int, int], float]]:
    """The track coordinate of every (plan, channel position) that needs one; pausing
    after every few hundred segments (a generator)."""
    result: dict[tuple[int, int], float] = {}
    done = 0
    for (vertical, channel), segs in segments.items():
        span = grid.gutters[channel] if vertical else grid.bands[channel]
        line = None if vertical else grid.lines[channel]
        for cluster in _clusters(segs):
            _place(cluster, span, line, result)
            done += len(cluster)
            if done >= STEP:
                done = 0
                yield
    return result


def _clusters(segs: list[Segment]) -> list[list[Segment]]:
    segs = sorted(segs, key=lambda s: s.lo)
    clusters: list[list[Segment]] = []
    reach = -1e18
    for s in segs:
        if s.lo > reach + CLEAR or not clusters:
            clusters.append([s])
            reach = s.hi
        else:
            clusters[-1].append(s)
            reach = max(reach, s.hi)
    return clusters


def _place(
    cluster: list[Segment],
    span: tuple[float, float],
    line: float | None,
    out: dict[tuple[int, int], float],
) -> None:
    """Tracks for one cluster, spread around the channel's middle; off the lane boundary
    `line` (where the grid draws a line an arrow would hide in), when there is room."""
    if len(cluster) == 1:
        levels = [0]
        ordered = cluster
    elif len(cluster) <= SMALL_CLUSTER:
        ordered = sorted(cluster, key=cmp_to_key(_compare))
        levels = _layered(ordered)
    else:
        ordered = sorted(cluster, key=lambda s: s.lo)
        levels = _left_edge(ordered)
    count = max(levels) + 1
    lo = max([span[0] + EDGE, *(s.low_limit for s in cluster)])
    hi = min([span[1] - EDGE, *(s.high_limit for s in cluster)])
    if hi < lo:  # no room for every arrowhead: stay inside the channel at least
        lo, hi = span[0] + 1.0, span[1] - 1.0
    gap = min(TRACK_GAP, (hi - lo) / (count - 1)) if count > 1 else 0.0
    first = (lo + hi) / 2 - gap * (count - 1) / 2
    if line is not None and any(abs(first + gap * k - line) < 1.5 for k in range(count)):
        shift = gap / 2 if count > 1 else 3.0
        if first + gap * (count - 1) + shift <= hi:
            first += shift
        elif first - shift >= lo:
            first -= shift
    for s, level in zip(ordered, levels, strict=True):
        out[s.plan, s.position] = first + gap * level


def _layered(ordered: list[Segment]) -> list[int]:
    """Each segment one track beyond the highest earlier segment it overlaps."""
    levels: list[int] = []
    for k, s in enumerate(ordered):
        level = 0
        for m in range(k):
            t = ordered[m]
            if t.lo < s.hi + CLEAR and s.lo < t.hi + CLEAR:
                level = max(level, levels[m] + 1)
        levels.append(level)
    return levels


def _left_edge(ordered: list[Segment]) -> list[int]:
    """Tracks for a big cluster: the fewest, first free track by start (left edge)."""
    free: list[int] = []
    busy: list[tuple[float, int]] = []
    levels: list[int] = []
    top = 0
    for s in ordered:
        while busy and busy[0][0] + CLEAR < s.lo:
            heapq.heappush(free, heapq.heappop(busy)[1])
        if free:
            level = heapq.heappop(free)
        else:
            level, top = top, top + 1
        heapq.heappush(busy, (s.hi, level))
        levels.append(level)
    return levels
