"""The order in which a customer meets the touchpoints: for formats that list, not draw.

Mermaid lists tasks section by section; within a stage they should follow the flow,
not the order cards happen to have in the file. A touchpoint's rank is the length of
the longest path to it from an entry point once loops are cut (a repurchase arrow back
to the start does not push everything after it); cards of equal rank keep their
left-to-right order on the canvas.
"""

from __future__ import annotations

from journeymapper.model.document import Journey
from journeymapper.model.schema import Touchpoint


def _position(journey: Journey) -> dict[str, tuple[int, int, int, float, str]]:
    stage_rank = {s.id: i for i, s in enumerate(journey.stages)}
    lane_rank = {lane.id: i for i, lane in enumerate(journey.lanes)}
    return {
        tp.id: (
            stage_rank.get(tp.stage, 0),
            tp.slot.column,
            lane_rank.get(tp.lane, 0),
            tp.slot.order,
            tp.id,
        )
        for tp in journey.touchpoints()
    }


def _back_edges(journey: Journey, order: list[str]) -> set[tuple[str, str]]:
    """Edges that close a loop, found by a depth-first search from the nodes in `order`."""
    graph = journey.graph
    index = {n: i for i, n in enumerate(order)}
    state: dict[str, int] = {}  # 1: on the current path, 2: finished
    back: set[tuple[str, str]] = set()
    for root in order:
        if root in state:
            continue
        state[root] = 1
        stack = [(root, iter(sorted(graph.successors(root), key=index.__getitem__)))]
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                stack.pop()
            elif state.get(child) == 1:
                back.add((node, child))
            elif child not in state:
                state[child] = 1
                stack.append((child, iter(sorted(graph.successors(child), key=index.__getitem__))))
    return back


def flow_ranks(journey: Journey) -> dict[str, int]:
    """Each touchpoint's rank: the longest loop-free path from an entry point to it."""
    position = _position(journey)
    graph = journey.graph
    entries = sorted((n for n in graph if graph.in_degree(n) == 0), key=position.__getitem__)
    starts = set(entries)
    order = entries + sorted((n for n in graph if n not in starts), key=position.__getitem__)
    back = _back_edges(journey, order)
    indegree = dict.fromkeys(graph, 0)
    for u, v in graph.edges:
        if (u, v) not in back:
            indegree[v] += 1
    rank = dict.fromkeys(graph, 0)
    ready = [n for n in order if indegree[n] == 0]
    while ready:
        node = ready.pop()
        for child in graph.successors(node):
            if (node, child) in back:
                continue
            rank[child] = max(rank[child], rank[node] + 1)
            indegree[child] -= 1
            if indegree[child] == 0:
                ready.append(child)
    return rank


def flow_order(journey: Journey) -> list[Touchpoint]:
    """Touchpoints stage by stage, each stage's in flow order, then canvas order."""
    position = _position(journey)
    rank = flow_ranks(journey)
    return sorted(
        journey.touchpoints(),
        key=lambda tp: (position[tp.id][0], rank[tp.id], *position[tp.id][1:]),
    )
