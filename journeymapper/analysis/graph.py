"""Graph searches on networkx's dict-of-dicts adjacency, written for speed at 10,000 cards.

At that size the cost of a validation is memory traffic, not arithmetic: every pass
over the cards or the connections costs milliseconds. So `flow_facts` answers every
flow question the rules ask — what the entry points reach, which cards are connected,
which lead nowhere, which connections go backwards, how the map falls apart into
separate parts — in one pass over the connections, from each card once.
"""

from __future__ import annotations

import operator
from collections import deque
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

Adjacency = Mapping[str, Mapping[str, Any]]


def reach(
    starts: Iterable[str], *adjacencies: Adjacency, within: Container[str] | None = None
) -> set[str]:
    """Every node reachable from `starts` along any of `adjacencies` (breadth first).

    With `within`, the search only steps onto nodes it contains (a persona's cards).
    """
    seen = set(starts)
    queue = deque(seen)
    while queue:
        node = queue.popleft()
        for adjacency in adjacencies:
            for nxt in adjacency[node]:
                if nxt not in seen and (within is None or nxt in within):
                    seen.add(nxt)
                    queue.append(nxt)
    return seen


@dataclass(frozen=True, slots=True)
class FlowFacts:
    """The answers of one flood of the graph (see `flow_facts`)."""

    reached: frozenset[str]
    linked: frozenset[str]
    sinks: tuple[str, ...]
    looped: tuple[str, ...]
    backward: tuple[tuple[str, str], ...]
    stray_parts: tuple[tuple[str, ...], ...]


class _Flood:
    """Labels every node reached from a start; labels that meet are merged (union-find)."""

    def __init__(self, succ: Adjacency, rank: Mapping[str, int]) -> None:
        self.succ, self.rank = succ, rank
        self.label: dict[str, int] = {}
        self.parent: list[int] = []
        self.starts: list[str] = []
        self.sinks: list[str] = []
        self.looped: list[str] = []
        self.backward: list[tuple[str, str]] = []

    def find(self, x: int) -> int:
        parent = self.parent
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def start(self, nodes: Iterable[str]) -> None:
        queue = []
        for node in nodes:
            if node not in self.label:
                self.starts.append(node)
                self.label[node] = len(self.parent)
                self.parent.append(len(self.parent))
                queue.append(node)
        self._spread(queue)

    def _spread(self, queue: list[str]) -> None:
        succ, rank, label = self.succ, self.rank, self.label
        while queue:
            u = queue.pop()
            lu, ru, leads_on = label[u], rank[u], False
            for v in succ[u]:
                if v == u:
                    self.looped.append(u)
                    continue
                leads_on = True
                lv = label.get(v)
                if lv is None:
                    label[v] = lu
                    queue.append(v)
                elif lv != lu and (a := self.find(lu)) != (b := self.find(lv)):
                    self.parent[b] = a
                if rank[v] < ru:
                    self.backward.append((u, v))
            if not leads_on:
                self.sinks.append(u)


class _Memo:
    """The last `flow_facts` answer and what it was computed from.

    Most edits (a name, an emotion, a pain point) leave the flow alone, and the flood
    is half of a validation. A `Journey` never edits a card's neighbour dict but
    replaces it (see `Journey.snapshot`), so the flow is unchanged exactly when every
    card still has the very same neighbour dicts, the same stage and the same place in
    `order`: a walk of identity checks, a tenth of a flood. One entry, shared by the
    threads that validate; swapping a tuple is atomic, so the worst case is a miss.
    """

    last: (
        tuple[FlowFacts, Adjacency, Adjacency, list[str], tuple[str, ...], dict[str, int]] | None
    ) = None

    @classmethod
    def get(
        cls,
        succ: Adjacency,
        pred: Adjacency,
        order: Sequence[str],
        entries: Sequence[str],
        rank: Mapping[str, int],
    ) -> FlowFacts | None:
        last = cls.last
        if last is None:
            return None
        facts, old_succ, old_pred, old_order, old_entries, old_rank = last
        same = (
            tuple(entries) == old_entries
            and order == old_order
            and rank == old_rank
            and _same_dicts(succ, old_succ)
            and _same_dicts(pred, old_pred)
        )
        return facts if same else None


def _same_dicts(new: Adjacency, old: Adjacency) -> bool:
    # map(operator.is_) runs in C: a tenth of a generator's time over 10,000 cards
    return (
        len(new) == len(old)
        and all(map(operator.is_, new.values(), old.values()))
        and list(new) == list(old)
    )


def flow_facts(
    succ: Adjacency,
    pred: Adjacency,
    order: Sequence[str],
    entries: Sequence[str],
    rank: Mapping[str, int],
) -> FlowFacts:
    """The flow facts of a graph; the last answer again when nothing they depend on
    changed (see `_Memo`)."""
    facts = _Memo.get(succ, pred, order, entries, rank)
    if facts is None:
        facts = _flow_facts(succ, pred, order, entries, rank)
        # copies of the outer dicts: a live journey's change them in place
        _Memo.last = (facts, dict(succ), dict(pred), list(order), tuple(entries), dict(rank))
    return facts


def _flow_facts(
    succ: Adjacency,
    pred: Adjacency,
    order: Sequence[str],
    entries: Sequence[str],
    rank: Mapping[str, int],
) -> FlowFacts:
    """Flood the graph from the entry points, then from every card still unlabelled.

    `order` lists every node, stage by stage; `rank` gives each node's stage position.
    Each connection is followed once, from its source, so every pair of labels that
    meet is merged: the merged labels are the weakly connected parts. `reached` is what
    the entry points' flood labelled; `linked` the nodes with a connection to another
    node; `sinks` the linked nodes no connection leads on from; `looped` the nodes
    with a self-loop; `stray_parts` every weakly connected part of the linked nodes
    but the largest.
    """
    flood = _Flood(succ, rank)
    flood.start(entries)
    reached = frozenset(flood.label)
    label = flood.label
    flood.start([node for node in order if node not in label and _leads_on(succ[node], node)])
    isolated = [e for e in entries if not _leads_on(succ[e], e) and not _leads_on(pred[e], e)]
    linked = flood.label.keys() - isolated
    sinks = tuple(s for s in flood.sinks if s in linked)
    # a card whose only connection is to itself was never flooded
    unflooded = [i for i in order if i not in flood.label] if len(flood.label) < len(order) else []
    looped = (*flood.looped, *(i for i in unflooded if i in succ[i]))
    strays = _stray_parts(flood, order, linked)
    return FlowFacts(reached, frozenset(linked), sinks, looped, tuple(flood.backward), strays)


def _leads_on(neighbours: Mapping[str, Any], node: str) -> bool:
    return len(neighbours) > 1 or (bool(neighbours) and node not in neighbours)


def _stray_parts(
    flood: _Flood, order: Sequence[str], linked: Container[str]
) -> tuple[tuple[str, ...], ...]:
    """The linked nodes grouped by merged label, the largest part left out.

    Of parts of equal size, the one starting in the earliest stage counts as largest.
    """
    roots = {flood.find(flood.label[s]) for s in flood.starts if s in linked}
    if len(roots) <= 1:
        return ()
    groups: dict[int, list[str]] = {}
    for node in order:
        if node in linked:
            groups.setdefault(flood.find(flood.label[node]), []).append(node)
    parts = sorted((tuple(g) for g in groups.values()), key=len, reverse=True)
    return tuple(parts[1:])
