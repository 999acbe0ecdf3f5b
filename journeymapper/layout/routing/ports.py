"""Ports: where along a card's side each of its arrows attaches.

Several arrows on one side get distinct points, spread around the side's middle, in
the order that keeps them from crossing as they leave: the *ordering* step of Wybrow,
Marriott & Stuckey's nudging (*Orthogonal Connector Routing*, GD 2009), where paths
that share a start are ordered by how they diverge. An arrow attached to a side first
runs out into a channel, then *reaches* along it (up or down a gutter, left or right
along a band), then *turns*. Arrows reaching towards the low end of the side take the
low ports, and among them those turning back over the card go outermost, nearest turn
first, then those turning away, farthest reach first; towards the high end, the mirror.
A fan-in of six gets six ports, so it reads as six arrows.
"""

from __future__ import annotations

from collections.abc import Generator, Sequence

from journeymapper.layout.route import ARROW_HALF_WIDTH
from journeymapper.layout.routing.channels import Grid, Place
from journeymapper.layout.routing.plan import BOTTOM, LEFT, RIGHT, TOP, Plan

PORT_GAP = 14.0  # between neighbouring ports, when the side is long enough
PORT_MARGIN = 9.0  # from a side's corners
EPS = 0.5
STEP = 500  # sides between two pauses

Key = tuple[float, float, float, float, str]


def side_range(place: Place, side: int) -> tuple[float, float]:
    x, y, w, h = place.rect
    return (y, y + h) if side < TOP else (x, x + w)


def side_position(place: Place, side: int) -> float:
    """Where the side is across its own direction: the x of a left or right side, the y
    of a top or bottom side."""
    x, y, w, h = place.rect
    return (x, x + w, y, y + h)[side]


def estimates(plan: Plan, a: Place, b: Place, grid: Grid) -> list[float]:
    """The plan's coordinates before ports and tracks: side middles, channel middles."""
    x, y, w, h = a.rect
    seq = [y + h / 2 if plan.src_side < TOP else x + w / 2]
    vertical = plan.src_side < TOP
    gutters, bands = grid.gutters, grid.bands
    for channel in plan.channels:
        lo, hi = gutters[channel] if vertical else bands[channel]
        seq.append((lo + hi) / 2)
        vertical = not vertical
    x, y, w, h = b.rect
    seq.append(y + h / 2 if plan.dst_side < TOP else x + w / 2)
    return seq


def _key(seq: Sequence[float], side_pos: float, side: int, conn: str) -> Key:
    """The sort key of one arrow on a side, from its coordinates seen from that side."""
    sign = -1.0 if side in (LEFT, TOP) else 1.0
    if len(seq) < 3:  # straight to the neighbour in the stack
        return (1.0, 0.0, 0.0, 0.0, conn)
    reach = seq[2] - seq[0]
    turn_to = seq[3] if len(seq) > 3 else side_pos
    turn = (turn_to - seq[1]) * sign
    back = turn < 0
    r, t = abs(reach), abs(turn)
    if reach < -EPS:
        return (0.0, 0.0, r, t, conn) if back else (0.0, 1.0, -r, -t, conn)
    if reach > EPS:
        return (2.0, 0.0, r, t, conn) if not back else (2.0, 1.0, -r, -t, conn)
    return (1.0, 0.0, turn, 0.0, conn)


def assign_ports(
    plans: Sequence[Plan],
    seqs: Sequence[list[float]],
    places: dict[str, Place],
) -> Generator[None, None, tuple[list[float], list[float], list[float]]]:
    """The coordinate of every plan's source and target port along its side, and the
    half width its arrowhead may take (less than usual on a crowded side). A generator
    that pauses every few hundred sides, so a big map can be routed in slices."""
    groups: dict[tuple[str, int], list[tuple[int, bool]]] = {}
    for i, plan in enumerate(plans):
        if i % (4 * STEP) == 0:
            yield
        groups.setdefault((plan.source, plan.src_side), []).append((i, True))
        groups.setdefault((plan.target, plan.dst_side), []).append((i, False))
    src = [seq[0] for seq in seqs]  # a side's only arrow stays in its middle
    dst = [seq[-1] for seq in seqs]
    heads = [ARROW_HALF_WIDTH] * len(plans)
    for n, ((card, side), members) in enumerate(groups.items()):
        if n % STEP == 0:
            yield
        if len(members) == 1:
            continue
        ordered = sorted(members, key=lambda m: _member_key(plans, seqs, places, m))
        lo, hi = side_range(places[card], side)
        coords = spread(lo, hi, len(ordered))
        head = min(ARROW_HALF_WIDTH, max(0.5, (coords[1] - coords[0]) / 2 - 0.6))
        for (i, is_src), coord in zip(ordered, coords, strict=True):
            if is_src:
                src[i] = coord
            else:
                dst[i] = coord
                heads[i] = head
    yield from _straighten(plans, groups, places, src, dst)
    return src, dst, heads


def _member_key(
    plans: Sequence[Plan],
    seqs: Sequence[list[float]],
    places: dict[str, Place],
    member: tuple[int, bool],
) -> Key:
    i, is_src = member
    plan, seq = plans[i], seqs[i]
    if len(seq) == 2:  # stack neighbours: the same order on both sides
        return (1.0, 0.0, 0.0, 0.0, plan.conn)
    if is_src:
        far = side_position(places[plan.target], plan.dst_side)
        return _key(seq, far, plan.src_side, plan.conn)
    far = side_position(places[plan.source], plan.src_side)
    return _key(seq[::-1], far, plan.dst_side, plan.conn)


def spread(lo: float, hi: float, count: int) -> list[float]:
    """`count` points around the middle of [lo, hi], PORT_GAP apart or closer."""
    middle = (lo + hi) / 2
    if count == 1:
        return [middle]
    room = max(0.0, hi - lo - 2 * PORT_MARGIN)
    gap = min(PORT_GAP, room / (count - 1))
    first = middle - gap * (count - 1) / 2
    return [first + gap * k for k in range(count)]


def _straighten(
    plans: Sequence[Plan],
    groups: dict[tuple[str, int], list[tuple[int, bool]]],
    places: dict[str, Place],
    src: list[float],
    dst: list[float],
) -> Generator[None, None, None]:
    """An arrow between neighbouring columns whose cards overlap in height is drawn
    straight when a side it attaches to has no other arrow: that port moves level
    with the other end (or both to the middle of the overlap)."""
    for i, plan in enumerate(plans):
        if i % (4 * STEP) == 0:
            yield
        if plan.src_side != RIGHT or plan.dst_side != LEFT or len(plan.channels) != 1:
            continue
        alone_a = len(groups[plan.source, RIGHT]) == 1
        alone_b = len(groups[plan.target, LEFT]) == 1
        a_lo, a_hi = side_range(places[plan.source], RIGHT)
        b_lo, b_hi = side_range(places[plan.target], LEFT)
        lo, hi = max(a_lo, b_lo) + PORT_MARGIN, min(a_hi, b_hi) - PORT_MARGIN
        if alone_a and alone_b and lo <= hi:
            src[i] = dst[i] = (lo + hi) / 2
        elif alone_a and a_lo + PORT_MARGIN <= dst[i] <= a_hi - PORT_MARGIN:
            src[i] = dst[i]
        elif alone_b and b_lo + PORT_MARGIN <= src[i] <= b_hi - PORT_MARGIN:
            dst[i] = src[i]


__all__ = ["BOTTOM", "TOP", "assign_ports", "estimates", "side_position", "spread"]
