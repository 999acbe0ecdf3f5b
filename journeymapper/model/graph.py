"""The flow graph's storage: the dicts of a networkx `DiGraph`, read and written directly.

networkx documents a `DiGraph` as a dict-of-dicts structure: `_node[n]` is a node's
data, `_succ[u][v]` and `_pred[v][u]` the same edge-data dict. The document reads and
writes them directly, because networkx's public mutators and views cost a Python call
per node or edge that made opening a 100,000-card map seconds slower (see
`graph_of`). This module is the only place that reaches into them, through `dicts`,
so the rest of the code stays typed.

The dicts live in a `FlowGraph`; the networkx `DiGraph` over them is made on the first
call of `networkx_view` (what `Journey.graph` returns). Importing networkx costs a
tenth of a second (its package imports every algorithm and scans the installed
packages for backends), which neither the editor's start nor a command-line export
needs to pay. The view shares the dicts, so it always shows the current graph.

Inner dicts are replaced, never changed: `snapshot` shares them with a copy that
another thread reads, so a node's data or a node's neighbours are always new dicts
(`write_node`, `link`, `unlink`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, cast

from journeymapper.model.schema import Connection, JourneyData, Touchpoint

if TYPE_CHECKING:
    import networkx as nx

    Graph = nx.DiGraph  # nodes are touchpoint ids; node data {"tp"}, edge data {"conn"}

NodeData = dict[str, Touchpoint]
EdgeData = dict[str, Connection]
Adjacency = dict[str, dict[str, EdgeData]]


class GraphDicts(Protocol):
    """The dicts networkx keeps a `DiGraph` in (its documented data structure)."""

    _node: dict[str, NodeData]
    _succ: Adjacency
    _pred: Adjacency


class FlowGraph:
    """The flow graph's dicts, and the networkx view over them once someone asks."""

    __slots__ = ("_networkx", "_node", "_pred", "_succ", "_view")

    def __init__(self) -> None:
        self._node: dict[str, NodeData] = {}
        self._succ: Adjacency = {}
        self._pred: Adjacency = {}
        self._networkx: Graph[str] | None = None
        self._view: Graph[str] | None = None

    def __contains__(self, node: object) -> bool:
        return node in self._node

    def __len__(self) -> int:
        return len(self._node)

    def has_edge(self, source: str, target: str) -> bool:
        return target in self._succ.get(source, {})

    def networkx_view(self) -> Graph[str]:
        """A read-only networkx `DiGraph` over these dicts (made once, on first use)."""
        if self._view is None:
            import networkx as nx

            graph: Graph[str] = nx.DiGraph()
            store = cast(GraphDicts, graph)
            store._node = self._node
            store._succ = self._succ  # networkx keeps `_adj` the same dict as `_succ`
            store._pred = self._pred
            self._networkx, self._view = graph, graph.copy(as_view=True)
        return self._view

    def changed(self) -> None:
        """What networkx's own mutators do after a change: forget cached conversions."""
        cache: dict[str, Any] | None = getattr(self._networkx, "__networkx_cache__", None)
        if cache:
            cache.clear()


def dicts(graph: FlowGraph | Graph[str]) -> GraphDicts:
    """`graph`'s own dicts (a `FlowGraph`, or a networkx graph such as `Journey.graph`):
    changes to them change the graph."""
    return cast(GraphDicts, graph)


def graph_of(data: JourneyData) -> FlowGraph:
    """The flow graph of checked data, filled through the dicts rather than
    `add_edges_from`, which spent most of the time of opening a 100,000-card map in
    per-edge bookkeeping."""
    graph = FlowGraph()
    nodes, succ, pred = graph._node, graph._succ, graph._pred
    for tp in data.touchpoints:
        nodes[tp.id] = {"tp": tp}
        succ[tp.id] = {}
        pred[tp.id] = {}
    for conn in data.connections:
        edge = {"conn": conn}
        succ[conn.source][conn.target] = edge
        pred[conn.target][conn.source] = edge
    return graph


def snapshot(graph: FlowGraph) -> FlowGraph:
    """A copy sharing the inner dicts: only the outer dicts are copied (about 20 ms at
    100,000 cards; copying every inner dict cost ten times that)."""
    copy = FlowGraph()
    copy._node = dict(graph._node)
    copy._succ = dict(graph._succ)
    copy._pred = dict(graph._pred)
    return copy


def touchpoint(graph: FlowGraph, tp_id: str) -> Touchpoint:
    """A node's touchpoint (KeyError when there is none)."""
    return graph._node[tp_id]["tp"]


def edge(graph: FlowGraph, source: str, target: str) -> Connection:
    """An edge's connection (KeyError when there is none)."""
    return graph._succ[source][target]["conn"]


def write_node(graph: FlowGraph, tp: Touchpoint) -> None:
    graph._node[tp.id] = {"tp": tp}
    graph._succ.setdefault(tp.id, {})
    graph._pred.setdefault(tp.id, {})
    graph.changed()


def drop_node(graph: FlowGraph, tp_id: str) -> None:
    """Remove a node that has no connections left."""
    del graph._node[tp_id], graph._succ[tp_id], graph._pred[tp_id]
    graph.changed()


def link(graph: FlowGraph, conn: Connection) -> None:
    """Add or replace the edge of `conn` (a node's neighbours: a new dict each time)."""
    data = {"conn": conn}
    graph._succ[conn.source] = {**graph._succ[conn.source], conn.target: data}
    graph._pred[conn.target] = {**graph._pred[conn.target], conn.source: data}
    graph.changed()


def unlink(graph: FlowGraph, source: str, target: str) -> None:
    succ = dict(graph._succ[source])
    del succ[target]
    graph._succ[source] = succ
    pred = dict(graph._pred[target])
    del pred[source]
    graph._pred[target] = pred
    graph.changed()
