"""The order of the segments that share a channel, and the track each one takes.

Two overlapping segments in a channel cross where one of them turns off towards the
other: an end of `t` inside `s`'s extent that heads to `s`'s side of `t` crosses `s`.
So which of two segments runs nearer the channel's low edge (the left of a gutter, the
top of a band) decides whether they cross — the ordering step of Wybrow, Marriott &
Stuckey's nudging (*Orthogonal Connector Routing*, Graph Drawing 2009), where the
segments sharing a channel are ordered by the directions they leave it in.

Sorting by the directions of the two turns gets most pairs right at once, in
O(n log n) for the thousand segments a band of a big map holds: segments turning to the
low side at both ends ("⊓" in a band) run nearest the low edge, the shorter nearer (a
nested one then never crosses the one around it); segments turning to the high side at
both ends run nearest the high edge, the shorter nearer that edge; the "Z" and "S"
shapes run between, a Z that starts later above one that starts earlier (so two Zs
never cross) and an S the other way. Two of them that overlap only in part cross once
whichever way they are ordered. In a channel of a few dozen segments, swaps of
neighbours that lower the exact count (`crossings_if_low`) then clean up what the sort
got wrong.

Each segment then takes the first track beyond every earlier segment it overlaps (a
skyline of the tracks taken so far along the channel, so a thousand segments take
milliseconds, not the seconds of comparing every pair).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import NamedTuple

CLEAR = 3.0  # segments closer than this along a channel count as overlapping
SWAP_LIMIT = 64  # clusters up to this size get the exact clean-up


class Segment(NamedTuple):
    lo: float  # extent along the channel, widened to whole channels at unknown ends
    hi: float
    e1: float  # the two ends (where the route turns), and the way it turns at each:
    d1: int  # +1 towards the channel's high side (right, down), -1 towards the low side
    e2: float
    d2: int
    plan: int
    position: int  # 1-based position of the channel in the plan
    low_limit: float  # arrowhead room: the track must stay within these
    high_limit: float
    f1: float  # where the runs across the channel at each end lead to
    f2: float


def crossings_if_low(s: Segment, t: Segment) -> int:
    """How many times `s` and `t` cross when `s` runs on the low side of `t`."""
    t_lo, t_hi = (t.e1, t.e2) if t.e1 < t.e2 else (t.e2, t.e1)
    s_lo, s_hi = (s.e1, s.e2) if s.e1 < s.e2 else (s.e2, s.e1)
    n = 0
    if s_lo < t.e1 < s_hi and t.d1 < 0:  # t turns towards s, which is low of it
        n += 1
    if s_lo < t.e2 < s_hi and t.d2 < 0:
        n += 1
    if t_lo < s.e1 < t_hi and s.d1 > 0:  # s turns towards t, which is high of it
        n += 1
    if t_lo < s.e2 < t_hi and s.d2 > 0:
        n += 1
    return n + _corners(s, t)


def _corners(s: Segment, t: Segment) -> int:
    """Crossings at an end the two share (they turn into the same gutter, as far as
    the band knows): coming from the same side and turning the same way, the one whose
    turn leads further must run on the side it turns to, or one crosses the other at
    the corner (libavoid's ordering of paths through a shared point)."""
    n = 0
    for se, sd, sf, so in ((s.e1, s.d1, s.f1, s.e2), (s.e2, s.d2, s.f2, s.e1)):
        for te, td, tf, to in ((t.e1, t.d1, t.f1, t.e2), (t.e2, t.d2, t.f2, t.e1)):
            if abs(se - te) < 1e-6 and sd == td and (so > se) == (to > te) and sf != tf:
                s_further = (sf - tf) * sd > 0
                if s_further == (sd > 0):  # s, low of t, should be high, or the reverse
                    n += 1
    return n


def _key(s: Segment) -> tuple[float, float, float, int, int]:
    (p, dp), (q, dq) = sorted(((s.e1, s.d1), (s.e2, s.d2)))
    length = q - p
    if dp < 0 and dq < 0:
        return (0.0, length, p, s.plan, s.position)
    if dp > 0 and dq > 0:
        return (3.0, -length, p, s.plan, s.position)
    if dp < 0:  # a Z: the one that starts later nearer the low side
        return (1.0, -p, q, s.plan, s.position)
    return (2.0, p, q, s.plan, s.position)  # an S: the one that starts earlier


def ordered(cluster: Sequence[Segment]) -> list[Segment]:
    """The cluster from the low side of the channel to the high side."""
    order = sorted(cluster, key=_key)
    if len(order) <= SWAP_LIMIT:
        _swap_neighbours(order)
    return order


def _overlap(s: Segment, t: Segment) -> bool:
    return t.lo < s.hi + CLEAR and s.lo < t.hi + CLEAR


def _swap_neighbours(order: list[Segment]) -> None:
    """Move a segment past the overlapping segments just before it while that lowers
    the crossings (an insertion sort driven by the exact pairwise count)."""
    for k in range(1, len(order)):
        s = order[k]
        m = k
        while m > 0:
            t = order[m - 1]
            if _overlap(s, t):
                gain = crossings_if_low(t, s) - crossings_if_low(s, t)
                if gain <= 0:
                    break
            order[m] = t
            m -= 1
        order[m] = s


def levels(order: Sequence[Segment]) -> list[int]:
    """Each segment's track: one beyond the highest track of the earlier segments it
    overlaps. The tracks taken so far form a skyline along the channel: breakpoints
    `xs`, the height `hs[i]` from `xs[i]` up to `xs[i + 1]`."""
    xs: list[float] = [-1e300]
    hs: list[int] = [-1]
    out: list[int] = []
    for s in order:
        lo, hi = s.lo, s.hi + CLEAR
        i = bisect.bisect_right(xs, lo) - 1
        j = bisect.bisect_left(xs, hi)
        level = max(hs[i:j]) + 1
        new_x, new_h = [hi], [hs[j - 1]]
        if j < len(xs) and xs[j] == hi:
            new_x, new_h = [], []
        if xs[i] < lo:
            xs[i + 1 : j] = [lo, *new_x]
            hs[i + 1 : j] = [level, *new_h]
        else:
            xs[i + 1 : j] = new_x
            hs[i:j] = [level, *new_h]
        out.append(level)
    return out
