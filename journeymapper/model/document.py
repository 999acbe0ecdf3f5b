"""The live journey map: a graph of touchpoints plus ordered stages, lanes and personas.

`Journey` is the one object in the application that changes. Everything outside
`model/` reads it through its queries and changes it only through `apply(edit)`, which
returns the inverse edit. Every change is announced by a past-tense psygnal signal
carrying the id of what changed, so views redraw from the model and never the other
way round.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Protocol, TypeVar

from psygnal import Signal

from journeymapper.model.errors import BrokenReferencesError, EditError, UnknownIdError
from journeymapper.model.graph import (
    FlowGraph,
    GraphDicts,
    drop_node,
    edge,
    graph_of,
    link,
    snapshot,
    touchpoint,
    unlink,
    write_node,
)
from journeymapper.model.integrity import reference_problems
from journeymapper.model.ordering import clamped, index_of, reordered
from journeymapper.model.schema import (
    Connection,
    Identified,
    JourneyData,
    Lane,
    LaneKind,
    MapInfo,
    Persona,
    Phase,
    Stage,
    Touchpoint,
)

if TYPE_CHECKING:
    from journeymapper.model.graph import Graph

E = TypeVar("E")
E_co = TypeVar("E_co", covariant=True)


class Reversible(Protocol[E_co]):
    """What `Journey.apply` takes: an edit (`model/edits.py`), which applies itself and
    returns the edit that undoes it. A protocol, so this module never imports the edits
    (they import it)."""

    def apply_to(self, journey: Journey) -> E_co: ...


_ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"


__all__ = ["BrokenReferencesError", "EditError", "Journey", "Reversible", "UnknownIdError"]


class Journey:
    """A journey map document. Create it empty, from `JourneyData`, or with `default()`."""

    touchpoint_added = Signal(str)
    touchpoint_removed = Signal(str)
    touchpoint_changed = Signal(str)
    connection_added = Signal(str)
    connection_removed = Signal(str)
    connection_changed = Signal(str)
    stage_added = Signal(str)
    stage_removed = Signal(str)
    stage_changed = Signal(str)
    stages_reordered = Signal()
    lane_added = Signal(str)
    lane_removed = Signal(str)
    lane_changed = Signal(str)
    lanes_reordered = Signal()
    persona_added = Signal(str)
    persona_removed = Signal(str)
    persona_changed = Signal(str)
    personas_reordered = Signal()
    info_changed = Signal()
    reset = Signal()

    def __init__(self, data: JourneyData | None = None) -> None:
        self._graph = FlowGraph()
        self._connection_ends: dict[str, tuple[str, str]] = {}
        self._stages: list[Stage] = []
        self._lanes: list[Lane] = []
        self._personas: list[Persona] = []
        self._info = MapInfo()
        if data is not None:
            self._load(data)

    @classmethod
    def default(cls, title: str = "Untitled journey") -> Journey:
        """The map File ▸ New gives: three purchase phases and the usual lanes."""
        from journeymapper.model.templates import blank_map

        return cls(blank_map(title))

    # ----- whole-document operations -------------------------------------------------

    def replace(self, data: JourneyData) -> None:
        """Replace the whole content with `data` (load, revert) and emit `reset`."""
        self._load(data)
        self.reset.emit()

    def _load(self, data: JourneyData) -> None:
        problems = reference_problems(data)
        if problems:
            raise BrokenReferencesError(problems)
        self._graph = graph_of(data)
        self._connection_ends = {c.id: (c.source, c.target) for c in data.connections}
        self._stages = list(data.stages)
        self._lanes = list(data.lanes)
        self._personas = list(data.personas)
        self._info = data.info()

    def to_data(self) -> JourneyData:
        """A snapshot as file data; touchpoints and connections sorted by id for stable diffs."""
        touchpoints = sorted(self.touchpoints(), key=lambda t: t.id)
        connections = sorted(self.connections(), key=lambda c: c.id)
        fields = dict(self._info)
        return JourneyData.model_construct(
            **fields,
            personas=tuple(self._personas),
            stages=tuple(self._stages),
            lanes=tuple(self._lanes),
            touchpoints=tuple(touchpoints),
            connections=tuple(connections),
        )

    def snapshot(self) -> Journey:
        """A copy later edits leave alone, for reading on another thread (validation).

        It shares the frozen touchpoints, connections, stages, lanes and personas, and
        the graph's inner dicts; only the outer dicts are copied. That is safe because
        this class never changes an inner dict (a node's data, a node's neighbours): it
        replaces it (see `model/graph.py`).
        """
        copy = Journey()
        copy._graph = snapshot(self._graph)
        copy._connection_ends = dict(self._connection_ends)
        copy._stages, copy._lanes = list(self._stages), list(self._lanes)
        copy._personas, copy._info = list(self._personas), self._info
        return copy

    def apply(self, edit: Reversible[E]) -> E:
        """Apply `edit` and return the edit that undoes it. Raises `EditError`, changing nothing."""
        return edit.apply_to(self)

    def new_id(self, prefix: str) -> str:
        """A fresh id, unique in this map, such as `tp-k3m9x2qa`."""
        while True:
            candidate = prefix + "-" + "".join(secrets.choice(_ID_ALPHABET) for _ in range(8))
            if not self.has_id(candidate):
                return candidate

    def has_id(self, ident: str) -> bool:
        return (
            ident in self._graph
            or ident in self._connection_ends
            or any(o.id == ident for o in self._identified())
        )

    def _identified(self) -> Iterator[Identified]:
        yield from self._stages
        yield from self._lanes
        yield from self._personas

    # ----- read-only queries ---------------------------------------------------------

    @property
    def info(self) -> MapInfo:
        return self._info

    @property
    def title(self) -> str:
        return self._info.title

    @property
    def graph(self) -> Graph[str]:
        """A read-only networkx view of the flow graph; node data `tp`, edge data `conn`.
        (networkx is imported on the first call: see `model/graph.py`.)"""
        return self._graph.networkx_view()

    @property
    def flow(self) -> GraphDicts:
        """The flow graph's own dicts (`_node`, `_succ`, `_pred`), to read only: for the
        readers that walk every card at speed, without networkx's views (or its import)."""
        return self._graph

    @property
    def stages(self) -> tuple[Stage, ...]:
        return tuple(self._stages)

    @property
    def lanes(self) -> tuple[Lane, ...]:
        return tuple(self._lanes)

    @property
    def personas(self) -> tuple[Persona, ...]:
        return tuple(self._personas)

    def stage(self, stage_id: str) -> Stage:
        return self._stages[self.stage_index(stage_id)]

    def stage_index(self, stage_id: str) -> int:
        return index_of(self._stages, stage_id, "stage")

    def lane(self, lane_id: str) -> Lane:
        return self._lanes[self.lane_index(lane_id)]

    def lane_index(self, lane_id: str) -> int:
        return index_of(self._lanes, lane_id, "lane")

    def touchpoint_lanes(self) -> tuple[Lane, ...]:
        return tuple(lane for lane in self._lanes if lane.kind is LaneKind.TOUCHPOINTS)

    def persona(self, persona_id: str) -> Persona:
        return self._personas[self.persona_index(persona_id)]

    def persona_index(self, persona_id: str) -> int:
        return index_of(self._personas, persona_id, "persona")

    def has_touchpoint(self, tp_id: str) -> bool:
        return tp_id in self._graph

    def touchpoint(self, tp_id: str) -> Touchpoint:
        try:  # the node dict itself: `graph.nodes[...]` builds a view object per call
            return touchpoint(self._graph, tp_id)
        except KeyError:
            raise UnknownIdError(f"no touchpoint '{tp_id}'") from None

    def touchpoints(self) -> Iterator[Touchpoint]:
        # Straight over the node dict: networkx's NodeDataView costs a Python-level call
        # per node, which was a fifth of laying out a 100,000-card map.
        return (data["tp"] for data in self._graph._node.values())

    def touchpoint_count(self) -> int:
        return len(self._graph)

    def touchpoints_in(self, stage_id: str, lane_id: str | None = None) -> list[Touchpoint]:
        return [
            tp
            for tp in self.touchpoints()
            if tp.stage == stage_id and (lane_id is None or tp.lane == lane_id)
        ]

    def touchpoints_in_phase(self, phase: Phase) -> list[Touchpoint]:
        stages = {s.id for s in self._stages if s.phase is phase}
        return [tp for tp in self.touchpoints() if tp.stage in stages]

    def has_connection(self, conn_id: str) -> bool:
        return conn_id in self._connection_ends

    def connection(self, conn_id: str) -> Connection:
        try:
            source, target = self._connection_ends[conn_id]
        except KeyError:
            raise UnknownIdError(f"no connection '{conn_id}'") from None
        return edge(self._graph, source, target)

    def connection_between(self, source: str, target: str) -> Connection | None:
        try:
            return edge(self._graph, source, target)
        except KeyError:
            return None

    def connections(self) -> Iterator[Connection]:
        succ = self._graph._succ
        return (data["conn"] for nbrs in succ.values() for data in nbrs.values())

    def connection_ends(self) -> dict[str, tuple[str, str]]:
        """Every connection's (source, target) by connection id: a copy."""
        return dict(self._connection_ends)

    def connection_count(self) -> int:
        return len(self._connection_ends)  # (networkx counts edge by edge)

    def connections_of(self, tp_ids: Iterable[str]) -> list[Connection]:
        """Connections touching any of `tp_ids`, each once."""
        store = self._graph
        found: dict[str, Connection] = {}
        for tp_id in set(tp_ids):
            for adjacency in (store._succ, store._pred):
                for data in adjacency.get(tp_id, {}).values():
                    found[data["conn"].id] = data["conn"]
        return sorted(found.values(), key=lambda c: c.id)

    # ----- mutators: called by edits only, after they have validated ----------------

    def _check_touchpoint(self, tp: Touchpoint) -> None:
        self.stage_index(tp.stage)
        lane = self.lane(tp.lane)
        if lane.kind is not LaneKind.TOUCHPOINTS:
            raise EditError(f"lane '{lane.name}' does not hold touchpoints")
        if tp.emotion is not None and not self._info.emotion_scale.contains(tp.emotion):
            scale = self._info.emotion_scale
            raise EditError(
                f"emotion {tp.emotion} is outside the scale {scale.minimum}…{scale.maximum}"
            )
        for persona in tp.personas:
            self.persona_index(persona)

    def _add_touchpoint(self, tp: Touchpoint) -> None:
        if self.has_id(tp.id):
            raise EditError(f"id '{tp.id}' is already used")
        self._check_touchpoint(tp)
        write_node(self._graph, tp)
        self.touchpoint_added.emit(tp.id)

    def _set_touchpoint(self, tp: Touchpoint) -> None:
        self.touchpoint(tp.id)
        self._check_touchpoint(tp)
        write_node(self._graph, tp)
        self.touchpoint_changed.emit(tp.id)

    def _remove_touchpoint(self, tp_id: str) -> None:
        self.touchpoint(tp_id)
        for conn in self.connections_of([tp_id]):
            self._remove_connection(conn.id)
        drop_node(self._graph, tp_id)
        self.touchpoint_removed.emit(tp_id)

    def _add_connection(self, conn: Connection) -> None:
        if self.has_id(conn.id):
            raise EditError(f"id '{conn.id}' is already used")
        for end in (conn.source, conn.target):
            if end not in self._graph:
                raise EditError(f"no touchpoint '{end}' to connect")
        if self._graph.has_edge(conn.source, conn.target):
            raise EditError("these touchpoints are already connected")
        link(self._graph, conn)
        self._connection_ends[conn.id] = (conn.source, conn.target)
        self.connection_added.emit(conn.id)

    def _set_connection(self, conn: Connection) -> None:
        old = self.connection(conn.id)
        if (old.source, old.target) != (conn.source, conn.target):
            raise EditError("a connection's ends cannot change; reconnect instead")
        link(self._graph, conn)
        self.connection_changed.emit(conn.id)

    def _remove_connection(self, conn_id: str) -> None:
        conn = self.connection(conn_id)
        unlink(self._graph, conn.source, conn.target)
        del self._connection_ends[conn_id]
        self.connection_removed.emit(conn_id)

    def _insert_stage(self, index: int, stage: Stage) -> None:
        if self.has_id(stage.id):
            raise EditError(f"id '{stage.id}' is already used")
        self._stages.insert(clamped(index, len(self._stages)), stage)
        self.stage_added.emit(stage.id)

    def _set_stage(self, stage: Stage) -> None:
        self._stages[self.stage_index(stage.id)] = stage
        self.stage_changed.emit(stage.id)

    def _remove_stage(self, stage_id: str) -> None:
        if self.touchpoints_in(stage_id):
            raise EditError("a stage must be emptied before it is removed")
        del self._stages[self.stage_index(stage_id)]
        self.stage_removed.emit(stage_id)

    def _reorder_stages(self, order: Sequence[str]) -> None:
        self._stages = reordered(self._stages, order, "stages")
        self.stages_reordered.emit()

    def _insert_lane(self, index: int, lane: Lane) -> None:
        if self.has_id(lane.id):
            raise EditError(f"id '{lane.id}' is already used")
        for stage_id in lane.notes:
            self.stage_index(stage_id)
        self._lanes.insert(clamped(index, len(self._lanes)), lane)
        self.lane_added.emit(lane.id)

    def _set_lane(self, lane: Lane) -> None:
        index = self.lane_index(lane.id)
        old = self._lanes[index]
        if old.kind is not lane.kind:
            if any(tp.lane == lane.id for tp in self.touchpoints()):
                raise EditError("a lane holding touchpoints cannot change its kind")
            self._check_keeps_touchpoint_lane(lane.id, lane.kind)
        for stage_id in lane.notes:
            self.stage_index(stage_id)
        self._lanes[index] = lane
        self.lane_changed.emit(lane.id)

    def _remove_lane(self, lane_id: str) -> None:
        lane = self.lane(lane_id)
        if any(tp.lane == lane_id for tp in self.touchpoints()):
            raise EditError("a lane must be emptied before it is removed")
        self._check_keeps_touchpoint_lane(lane_id, None)
        del self._lanes[self._lanes.index(lane)]
        self.lane_removed.emit(lane_id)

    def _check_keeps_touchpoint_lane(self, lane_id: str, new_kind: LaneKind | None) -> None:
        others = [lane for lane in self.touchpoint_lanes() if lane.id != lane_id]
        if not others and new_kind is not LaneKind.TOUCHPOINTS:
            raise EditError("a map needs at least one touchpoints lane")

    def _reorder_lanes(self, order: Sequence[str]) -> None:
        self._lanes = reordered(self._lanes, order, "lanes")
        self.lanes_reordered.emit()

    def _insert_persona(self, index: int, persona: Persona) -> None:
        if self.has_id(persona.id):
            raise EditError(f"id '{persona.id}' is already used")
        self._personas.insert(clamped(index, len(self._personas)), persona)
        self.persona_added.emit(persona.id)

    def _set_persona(self, persona: Persona) -> None:
        self._personas[self.persona_index(persona.id)] = persona
        self.persona_changed.emit(persona.id)

    def _remove_persona(self, persona_id: str) -> None:
        if any(persona_id in tp.personas for tp in self.touchpoints()):
            raise EditError("a persona must be removed from its touchpoints first")
        del self._personas[self.persona_index(persona_id)]
        self.persona_removed.emit(persona_id)

    def _reorder_personas(self, order: Sequence[str]) -> None:
        self._personas = reordered(self._personas, order, "personas")
        self.personas_reordered.emit()

    def _set_info(self, info: MapInfo) -> None:
        scale = info.emotion_scale
        for tp in self.touchpoints():
            if tp.emotion is not None and not scale.contains(tp.emotion):
                raise EditError(
                    f"'{tp.name}' has emotion {tp.emotion}, outside the new scale "
                    f"{scale.minimum}…{scale.maximum}"
                )
        self._info = info
        self.info_changed.emit()
