"""Moments of truth: the touchpoints every customer passes, whatever route they take.

Formally, the touchpoints that dominate the end of the journey. A virtual *source*
is connected to every entry point and every exit point is connected to a virtual
*sink* (entry and exit points are defined in `journeymapper.analysis.context`); a
touchpoint is a moment of truth when every path from the source to the sink passes
through it. These are computed as the immediate dominators of the sink (Cooper,
Harvey and Kennedy's iterative algorithm, on plain dicts), walked up to the source.
Self-loops are ignored; a journey with no path from an entry to an exit has none.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from journeymapper.analysis.context import Context
from journeymapper.model.document import Journey

# Not valid ids (ids start with a letter or digit), so they never clash with a touchpoint.
SOURCE = "<source>"
SINK = "<sink>"

Neighbours = Callable[[str], Iterable[str]]


def moments_of_truth(journey: Journey | Context) -> tuple[str, ...]:
    """Touchpoint ids every path from an entry point to an exit point passes, in order."""
    ctx = Context.of(journey)
    entries, entry_set, exits = ctx.entries, set(ctx.entries), set(ctx.exits)

    def successors(node: str) -> Iterable[str]:
        if node == SOURCE:
            return entries
        if node == SINK:
            return ()
        following = [n for n in ctx.succ[node] if n != node]
        return [*following, SINK] if node in exits else following

    def predecessors(node: str) -> Iterable[str]:
        if node == SINK:
            return exits
        if node == SOURCE:
            return ()
        preceding = [n for n in ctx.pred[node] if n != node]
        return [*preceding, SOURCE] if node in entry_set else preceding

    idom = immediate_dominators(SOURCE, successors, predecessors)
    if SINK not in idom:
        return ()
    chain = []
    node = idom[SINK]
    while node != SOURCE:
        chain.append(node)
        node = idom[node]
    return tuple(reversed(chain))


def immediate_dominators(
    start: str, successors: Neighbours, predecessors: Neighbours
) -> dict[str, str]:
    """The immediate dominator of every node reachable from `start` (`start` maps to itself)."""
    order = _reverse_postorder(start, successors)
    index = {node: i for i, node in enumerate(order)}
    idom = {start: start}

    def intersect(a: str, b: str) -> str:
        while a != b:
            while index[a] > index[b]:
                a = idom[a]
            while index[b] > index[a]:
                b = idom[b]
        return a

    changed = True
    while changed:
        changed = False
        for node in order[1:]:
            new: str | None = None
            for pred in predecessors(node):
                if pred in idom:
                    new = pred if new is None else intersect(pred, new)
            if new is not None and idom.get(node) != new:
                idom[node] = new
                changed = True
    return idom


def _reverse_postorder(start: str, successors: Neighbours) -> list[str]:
    """Nodes reachable from `start`, each after all its predecessors on a DFS tree."""
    seen = {start}
    post: list[str] = []
    stack = [(start, iter(successors(start)))]
    while stack:
        node, children = stack[-1]
        for child in children:
            if child not in seen:
                seen.add(child)
                stack.append((child, iter(successors(child))))
                break
        else:
            stack.pop()
            post.append(node)
    post.reverse()
    return post
