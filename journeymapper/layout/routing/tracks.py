"""Tracks: where within its gutter or band each segment of a route runs.

The nudging step of Wybrow, Marriott & Stuckey (*Orthogonal Connector Routing*, GD
2009): segments that share a channel and overlap along it are ordered so that as few
as possible cross where they turn off (`order`), then spread apart across the channel.
Overlapping segments form a cluster; within it each segment takes the first track
beyond every earlier segment it overlaps (the left-edge algorithm of channel routing,
Hashimoto & Stevens 1971, in the crossing-minimising order), and a cluster's tracks
are spread evenly around the channel's middle, so a lone segment runs down the middle
of its gutter. Ends that carry an arrowhead keep room for it.

The bands are nudged first, knowing only which gutter each of their segments turns
into; then the gutters, knowing where every band segment and every port really is, so
that where two routes turn together from a band into a gutter, the gutter orders them
as the band did and they do not cross at the corner.
"""

from __future__ import annotations

from collections.abc import Generator, Mapping, Sequence

from journeymapper.layout.routing.channels import Grid, Place
from journeymapper.layout.routing.order import CLEAR, Segment, levels, ordered
from journeymapper.layout.routing.plan import BOTTOM, LEFT, TOP, Plan
from journeymapper.layout.routing.ports import side_position

TRACK_GAP = 6.0  # between neighbouring tracks, when the channel is wide enough
EDGE = 3.0  # from a channel's edge (a card's side)
ARROW_ROOM = 15.0  # the last stub before an arrowhead: the head and a little line
STEP = 400  # segments between two pauses

Tracks = dict[tuple[int, int], float]  # (plan, 1-based channel position) → coordinate


def nudge(
    plans: Sequence[Plan],
    seqs: Sequence[list[float]],
    src: Sequence[float],
    dst: Sequence[float],
    places: dict[str, Place],
    grid: Grid,
) -> Generator[None, None, Tracks]:
    """The track of every (plan, channel position) that needs one: the bands', then the
    gutters' (a generator that pauses now and then, so a big map routes in slices)."""
    tracks: Tracks = {}
    for vertical in (False, True):
        segments = yield from collect(plans, seqs, src, dst, places, grid, vertical, tracks)
        tracks.update((yield from assign_tracks(segments, grid)))
    return tracks


def collect(
    plans: Sequence[Plan],
    seqs: Sequence[list[float]],
    src: Sequence[float],
    dst: Sequence[float],
    places: dict[str, Place],
    grid: Grid,
    vertical: bool,
    known: Mapping[tuple[int, int], float],
) -> Generator[None, None, dict[tuple[bool, int], list[Segment]]]:
    """The segments of every plan in gutters (`vertical`) or in bands, by channel; the
    neighbouring channels' tracks taken from `known` where they are there."""
    out: dict[tuple[bool, int], list[Segment]] = {}
    for i, plan in enumerate(plans):
        if i % STEP == 0:
            yield
        n = len(plan.channels)
        if not n or (n == 1 and src[i] == dst[i]):
            continue  # straight: no track to choose
        seq = list(seqs[i])
        seq[0], seq[-1] = src[i], dst[i]
        for j in range(1, n + 1):
            found = known.get((i, j))
            if found is not None:
                seq[j] = found
        first = plan.vertical_first  # channel j runs vertically when j is odd and first
        for j in range(1, n + 1):
            if ((j % 2 == 1) == first) == vertical:
                segment = _segment(plan, i, j, seq, places, grid, known)
                if segment is not None:
                    out.setdefault((vertical, plan.channels[j - 1]), []).append(segment)
    return out


def _segment(
    plan: Plan,
    i: int,
    j: int,
    seq: list[float],
    places: dict[str, Place],
    grid: Grid,
    known: Mapping[tuple[int, int], float],
) -> Segment | None:
    """The segment of plan `i` in its `j`th channel, or None when it runs straight
    through (a line across the channel needs no track)."""
    e1, e2 = seq[j - 1], seq[j + 1]
    if abs(e1 - e2) < 1e-6:
        return None
    n = len(plan.channels)
    a, b = places[plan.source], places[plan.target]
    start = seq[j - 2] if j >= 2 else side_position(a, plan.src_side)
    end = seq[j + 2] if j + 2 <= n + 1 else side_position(b, plan.dst_side)
    mid = seq[j]
    lo, hi = min(e1, e2), max(e1, e2)
    vertical = (j % 2 == 1) == plan.vertical_first
    across = grid.bands if vertical else grid.gutters
    if j > 1 and (i, j - 1) not in known:  # the previous channel's track is not known
        span = across[plan.channels[j - 2]]
        lo, hi = min(lo, span[0]), max(hi, span[1])
    if j < n and (i, j + 1) not in known:
        span = across[plan.channels[j]]
        lo, hi = min(lo, span[0]), max(hi, span[1])
    low, high = _arrow_limits(plan.dst_side, b) if j == n else (-1e18, 1e18)
    d1 = 1 if start > mid else -1
    d2 = 1 if end > mid else -1
    return Segment(lo, hi, e1, d1, e2, d2, i, j, low, high, start, end)


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
) -> Generator[None, None, Tracks]:
    """The track coordinate of every segment; pausing after every few hundred segments
    (a generator)."""
    result: Tracks = {}
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
    out: Tracks,
) -> None:
    """Tracks for one cluster, spread around the channel's middle; off the lane boundary
    `line` (where the grid draws a line an arrow would hide in), when there is room."""
    order = ordered(cluster) if len(cluster) > 1 else cluster
    tracks = levels(order) if len(cluster) > 1 else [0]
    count = max(tracks) + 1
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
    for s, level in zip(order, tracks, strict=True):
        out[s.plan, s.position] = first + gap * level
