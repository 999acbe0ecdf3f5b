"""Facts about a journey, computed once per validation and shared by the rules.

Definitions every rule and the README use:

- **Flow**: the connections between *different* touchpoints. A self-loop (a card
  connected to itself) is an error of its own and is ignored by every flow question.
- **First / last stage**: the first and the last stage, in map order, that holds at
  least one touchpoint. Empty stages do not move the journey's start or end.
- **Entry points**: the touchpoints of the first stage that no connection leads into.
  When every touchpoint there has an incoming connection (the stage is a loop), all
  of them are entry points.
- **Exit points**: likewise, the touchpoints of the last stage no connection leads on
  from; all of that stage's touchpoints when each of them leads on.
- **Connected**: a touchpoint with at least one connection to another touchpoint.
- **Reading order**: stage by stage; in a stage, card column by column, lanes top to
  bottom, then the order within the cell. Findings list touchpoints in this order.

The graph is read through networkx's dict-of-dicts adjacency (`_succ`, `_pred`, `_node`,
as `Journey.flow` gives it): a validation of 10,000 cards has 100 ms, and networkx's
view objects cost a new wrapper object on every lookup.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cached_property
from typing import Any

from journeymapper.analysis.graph import Adjacency, FlowFacts, flow_facts
from journeymapper.model.document import Journey
from journeymapper.model.schema import Category, Ownership, Stage, Touchpoint


class Context:
    """A read-only snapshot of the questions rules ask about one journey.

    One pass over the cards happens at once; the flow questions are answered together,
    lazily, at most once. Build a new context after the journey changes.
    """

    def __init__(self, journey: Journey) -> None:
        self.journey = journey
        store = journey.flow
        self.succ: Adjacency = store._succ
        self.pred: Adjacency = store._pred
        self.stages: tuple[Stage, ...] = journey.stages
        self.stage_rank: dict[str, int] = {s.id: i for i, s in enumerate(self.stages)}
        self.touchpoints: dict[str, Touchpoint] = {}
        self.rank_of: dict[str, int] = {}
        self.tagged: dict[str, set[str]] = {p.id: set() for p in journey.personas}
        self.categories: set[Category | None] = set()
        self.ownerships: set[Ownership] = set()
        # cards grouped by stage, in graph order; `in_order` sorts into reading order
        self.order: list[str] = []
        self.by_stage: dict[str, list[str]] = {s.id: [] for s in self.stages}
        self.no_emotion: list[str] = []  # cards without an emotion, in graph order
        self.pain_only: list[str] = []  # cards with pain points and no opportunity
        self._scan(store._node)

    def _scan(self, nodes: Mapping[str, Mapping[str, Any]]) -> None:
        """Read every card once: at 10,000 cards each pass over them costs milliseconds."""
        stage_rank, touchpoints, rank_of = self.stage_rank, self.touchpoints, self.rank_of
        add_category, add_ownership = self.categories.add, self.ownerships.add
        buckets: list[list[str]] = [self.by_stage[s.id] for s in self.stages]
        no_emotion, pain_only = self.no_emotion, self.pain_only
        for tp_id, data in nodes.items():
            tp: Touchpoint = data["tp"]
            rank = stage_rank[tp.stage]
            buckets[rank].append(tp_id)
            touchpoints[tp_id] = tp
            rank_of[tp_id] = rank
            add_category(tp.category)
            add_ownership(tp.ownership)
            # what the per-card rules look for, while the card is at hand: a pass of
            # its own over 10,000 cards costs each of them 5 ms (memory, not work)
            if tp.emotion is None:
                no_emotion.append(tp_id)
            if tp.pain_points and not tp.opportunities:
                pain_only.append(tp_id)
            if tp.personas:
                for persona_id in tp.personas:
                    self.tagged.setdefault(persona_id, set()).add(tp_id)
        for bucket in buckets:
            self.order += bucket

    @classmethod
    def of(cls, subject: Journey | Context) -> Context:
        """The context for a journey, or the one given: rules accept either."""
        return subject if isinstance(subject, Context) else cls(subject)

    def name(self, tp_id: str) -> str:
        return self.touchpoints[tp_id].name

    def names(self, tp_ids: Iterable[str]) -> list[str]:
        return [self.touchpoints[tp_id].name for tp_id in tp_ids]

    def stage_name(self, tp_id: str) -> str:
        return self.stages[self.rank_of[tp_id]].name

    @cached_property
    def _lane_rank(self) -> dict[str, int]:
        return {lane.id: i for i, lane in enumerate(self.journey.lanes)}

    def reading_key(self, tp_id: str) -> tuple[int, int, int, float, str]:
        """Sorts touchpoints in reading order (see the module docstring)."""
        tp = self.touchpoints[tp_id]
        lane = self._lane_rank.get(tp.lane, 0)
        return (self.rank_of[tp_id], tp.slot.column, lane, tp.slot.order, tp_id)

    def in_order(self, tp_ids: Iterable[str]) -> list[str]:
        """`tp_ids` sorted in reading order.

        Only what a rule found is sorted: sorting all 10,000 cards of a big map for
        every validation would cost more than most rules.
        """
        touchpoints, rank_of, lane_rank = self.touchpoints, self.rank_of, self._lane_rank

        def key(tp_id: str) -> tuple[int, int, int, float, str]:  # reading_key, inlined
            tp = touchpoints[tp_id]
            slot = tp.slot
            return (rank_of[tp_id], slot.column, lane_rank.get(tp.lane, 0), slot.order, tp_id)

        return sorted(tp_ids, key=key)

    @cached_property
    def first_stage(self) -> str | None:
        return next((s.id for s in self.stages if self.by_stage[s.id]), None)

    @cached_property
    def last_stage(self) -> str | None:
        return next((s.id for s in reversed(self.stages) if self.by_stage[s.id]), None)

    def has_incoming(self, tp_id: str) -> bool:
        sources = self.pred[tp_id]
        return len(sources) > 1 or (bool(sources) and tp_id not in sources)

    def has_outgoing(self, tp_id: str) -> bool:
        targets = self.succ[tp_id]
        return len(targets) > 1 or (bool(targets) and tp_id not in targets)

    @cached_property
    def entries(self) -> tuple[str, ...]:
        """The entry points (see the module docstring), in reading order."""
        if self.first_stage is None:
            return ()
        ids = self.in_order(self.by_stage[self.first_stage])
        return tuple(i for i in ids if not self.has_incoming(i)) or tuple(ids)

    @cached_property
    def exits(self) -> tuple[str, ...]:
        """The exit points (see the module docstring), in reading order."""
        if self.last_stage is None:
            return ()
        ids = self.in_order(self.by_stage[self.last_stage])
        return tuple(i for i in ids if not self.has_outgoing(i)) or tuple(ids)

    @cached_property
    def flow(self) -> FlowFacts:
        """Reachability, connectedness, dead ends, backward steps and separate parts."""
        return flow_facts(self.succ, self.pred, self.order, self.entries, self.rank_of)

    @property
    def reached(self) -> frozenset[str]:
        """Touchpoints some path from an entry point leads to, entries included."""
        return self.flow.reached

    @property
    def connected(self) -> frozenset[str]:
        return self.flow.linked
