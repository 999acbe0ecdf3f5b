"""The routes of one layout, all at once or in steps, and quick ones meanwhile.

    routing = Routing(layout)
    routing.routes()                 # every route, now (the poster, SVG, PNG)
    while not routing.step(0.008):   # or a few milliseconds at a time (the canvas),
        show(routing.current(conn))  # showing the previous or a provisional route
    routing.live(conn, {card: rect}) # a card being dragged: its arrows follow it

A full routing is Wybrow, Marriott & Stuckey's *Orthogonal Connector Routing* (Graph
Drawing 2009) on the channels of the stage × lane grid: a cheapest plan per connection
(`plan`), then the nudging — ports ordered and spread along each side (`ports`), and
segments ordered and spread across each channel (`tracks`) — then the points, arrowhead
and label of each route. Nothing in a full routing depends on the order of connections,
so it is a pure function of the layout. While it runs in steps, `current` gives the
route of the routing before (when neither card moved) or a provisional one: the plan
on channel and side middles, which `live` also gives for a card under the mouse.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from journeymapper.base.perf import gc_paused
from journeymapper.layout.geometry import Point, Rect
from journeymapper.layout.route import Route, arrowhead, point_along, simplified
from journeymapper.layout.routing.channels import Grid, Place, build_grid
from journeymapper.layout.routing.congestion import improve
from journeymapper.layout.routing.labels import card_obstacles, label_size, place_label
from journeymapper.layout.routing.plan import (
    BOTTOM,
    LEFT,
    RIGHT,
    TOP,
    Option,
    Plan,
    plan_options,
    plan_route,
)
from journeymapper.layout.routing.ports import assign_ports, estimates
from journeymapper.layout.routing.tracks import nudge

if TYPE_CHECKING:
    from journeymapper.layout.geometry import MapLayout

CHUNK = 200  # connections per slice of work between two looks at the clock


class Routing:
    """The routes of `layout`, computed on demand; see the module docstring."""

    def __init__(
        self,
        layout: MapLayout,
        previous: Routing | None = None,
        stale: frozenset[str] = frozenset(),
    ) -> None:
        self.layout = layout
        self._previous, self._stale = _at_hand(previous, stale)
        self._grid: Grid | None = None
        self._routes: dict[str, Route] | None = None
        self._job: Iterator[None] | None = None
        self._quick: dict[str, Route | None] = {}
        self._lane_ys: list[tuple[float, float]] | None = None

    @property
    def grid(self) -> Grid:
        if self._grid is None:
            self._grid = build_grid(self.layout)
        return self._grid

    @property
    def done(self) -> bool:
        return self._routes is not None

    def routes(self) -> dict[str, Route]:
        """Every visible connection's route (the whole routing, now, if not done yet)."""
        while self._routes is None:
            self.step(3600.0)
        return self._routes

    def route(self, conn_id: str) -> Route | None:
        return self.routes().get(conn_id)

    def step(self, budget: float) -> bool:
        """Work for about `budget` seconds; True once every route is done."""
        if self._routes is not None:
            return True
        if self._job is None:
            self._job = self._run()
        deadline = time.perf_counter() + budget
        with gc_paused():
            for _ in self._job:
                if time.perf_counter() >= deadline:
                    return False
        return True

    def current(self, conn_id: str) -> Route | None:
        """The best route at hand: the full one when done; else the previous routing's
        unless the connection is `stale` (it or a card of it changed); else a provisional
        one."""
        if self._routes is not None:
            return self._routes.get(conn_id)
        ends = self.layout.connection_ends.get(conn_id)
        if ends is None:
            return None
        previous = self._previous
        if previous is not None and conn_id not in self._stale:
            found = previous._routes.get(conn_id) if previous._routes else None
            if found is not None and previous.layout.connection_ends.get(conn_id) == ends:
                return found
        if conn_id not in self._quick:
            self._quick[conn_id] = self._provisional(conn_id, ends)
        return self._quick[conn_id]

    def _provisional(self, conn_id: str, ends: tuple[str, str]) -> Route | None:
        """A quick route: on the previous routing's channels when there is one (its
        cards that moved at their new places), so a paint right after an edit does not
        wait for this layout's channels."""
        previous = self._previous
        cards = self.layout.cards
        if previous is None or not all(e in cards for e in ends):
            return self.live(conn_id, {})
        old = previous.layout.cards
        moved = {e: cards[e].rect for e in ends if e not in old or old[e].rect != cards[e].rect}
        return previous.sketch(ends[0], ends[1], moved)

    def live(self, conn_id: str, moved: Mapping[str, Rect]) -> Route | None:
        """A provisional route of `conn_id` with the cards in `moved` at those rectangles
        (cards being dragged): planned as a full route is, on middles, not nudged."""
        ends = self.layout.connection_ends.get(conn_id)
        if ends is None:
            return None
        return self.sketch(ends[0], ends[1], moved)

    def sketch(self, source: str, target: str, moved: Mapping[str, Rect]) -> Route | None:
        """A provisional route from card `source` to card `target` (either may be in
        `moved`, at that rectangle, even if it is no card: a pointer, say)."""
        places = self.grid.places
        a, b = self._place(source, moved, places), self._place(target, moved, places)
        if a is None or b is None:
            return None
        plan = plan_route("", source, target, a, b, self.grid)
        seq = estimates(plan, a, b, self.grid)
        points = route_points(plan, a, b, seq)
        return Route(points, arrowhead(points[-2], points[-1]), point_along(points, 0.5))

    def _place(
        self, card_id: str, moved: Mapping[str, Rect], places: dict[str, Place]
    ) -> Place | None:
        rect = moved.get(card_id)
        if rect is None:
            return places.get(card_id)
        if self._lane_ys is None:
            self._lane_ys = [(r.y, r.bottom) for r in self.layout.lanes.values()]
        return self.grid.floating(rect, self._lane_ys)

    # ----- the whole routing, in slices -------------------------------------------------

    def _run(self) -> Iterator[None]:
        grid = self.grid
        yield
        places = grid.places
        labels = self.layout.connection_labels
        plans: list[Plan] = []
        seqs: list[list[float]] = []
        options: dict[int, list[Option]] = {}
        get, add_plan, add_seq = places.get, plans.append, seqs.append
        for n, (conn_id, (source, target)) in enumerate(self.layout.connection_ends.items(), 1):
            a, b = get(source), get(target)
            if a is not None and b is not None:
                choice = plan_options(conn_id, source, target, a, b, grid, conn_id in labels)
                plan = min(choice)[1] if len(choice) > 1 else choice[0][1]
                if len(choice) > 1:
                    options[len(plans)] = choice
                add_plan(plan)
                add_seq(estimates(plan, a, b, grid))
            if n % CHUNK == 0:
                yield
        yield from improve(plans, seqs, options, places, grid)
        src, dst, heads = yield from assign_ports(plans, seqs, places)
        tracks = yield from nudge(plans, seqs, src, dst, places, grid)
        routes: dict[str, Route] = {}
        for i, plan in enumerate(plans):
            seq = seqs[i]
            n = len(plan.channels)
            if n == 0 or (n == 1 and src[i] == dst[i] and plan.src_side == RIGHT):
                points = _straight(plan, places[plan.source], places[plan.target], src[i])
            else:
                seq = [src[i], *(tracks.get((i, j), seq[j]) for j in range(1, n + 1)), dst[i]]
                points = route_points(plan, places[plan.source], places[plan.target], seq)
            arrow = arrowhead(points[-2], points[-1], heads[i])
            routes[plan.conn] = Route(points, arrow, _middle(points))
            if (i + 1) % CHUNK == 0:
                yield
        self._routes = self._labelled(routes)
        self._previous = None  # a chain of old layouts would outlive their use
        self._quick.clear()

    def _labelled(self, routes: dict[str, Route]) -> dict[str, Route]:
        """Routes with their labels placed (an unlabelled one keeps its middle)."""
        labels = self.layout.connection_labels
        if not labels:
            return routes
        taken = card_obstacles(c.rect for c in self.layout.cards.values())
        for conn_id, text in labels.items():
            route = routes.get(conn_id)
            if route is not None:
                at = place_label(route.points, label_size(text), taken, self.grid.bands)
                routes[conn_id] = Route(route.points, route.arrow, at)
        return routes


def _at_hand(
    previous: Routing | None, stale: frozenset[str]
) -> tuple[Routing | None, frozenset[str]]:
    """The newest finished routing before this one, and what changed since it. Edits
    that come faster than a routing finishes (typing, a burst of participants' cards)
    would otherwise leave each new layout with no routes at hand, so its first paint
    would build this layout's channels to sketch every arrow in view. A routing still
    running keeps only the finished one it started from, so no chain of layouts grows."""
    while previous is not None and not previous.done:
        stale |= previous._stale
        previous = previous._previous
    return previous, stale


def route_points(plan: Plan, a: Place, b: Place, seq: list[float]) -> tuple[Point, ...]:
    """The corners of a plan's route: `seq` holds the source port, each channel's track
    and the target port, in order (see `Plan`)."""
    ax, ay, aw, ah = a.rect
    c0 = seq[0]
    side = plan.src_side
    if side < TOP:
        x, y = (ax if side == LEFT else ax + aw), c0
    else:
        x, y = c0, (ay if side == TOP else ay + ah)
    bx, by, bw, bh = b.rect
    last = seq[-1]
    side = plan.dst_side
    if side == LEFT:
        end = (bx, last)
    elif side == TOP:
        end = (last, by)
    elif side == BOTTOM:
        end = (last, by + bh)
    else:
        end = (bx + bw, last)
    points = [(x, y)]
    vertical = plan.src_side < TOP
    for j in range(1, len(plan.channels) + 1):
        if vertical:
            x = seq[j]
        else:
            y = seq[j]
        points.append((x, y))
        vertical = not vertical
    if plan.channels:
        points.append((x, end[1]) if not vertical else (end[0], y))
    points.append(end)
    return simplified(points)


def _straight(plan: Plan, a: Place, b: Place, at: float) -> tuple[Point, ...]:
    """A straight route: to the card below or above in a stack (`at` is the x of both
    ports), or level to the next column (`at` is the y)."""
    ax, ay, aw, ah = a.rect
    bx, by, _, bh = b.rect
    if plan.src_side == BOTTOM:
        return ((at, ay + ah), (at, by))
    if plan.src_side == TOP:
        return ((at, ay), (at, by + bh))
    return ((ax + aw, at), (bx, at))


def _middle(points: tuple[Point, ...]) -> Point:
    """The middle of a route's middle segment: where an unlabelled route's label would go."""
    k = len(points) // 2
    (ax, ay), (bx, by) = points[k - 1], points[k]
    return ((ax + bx) / 2, (ay + by) / 2)
