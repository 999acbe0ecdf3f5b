"""The flow graph's storage: a networkx `DiGraph` read and written through its dicts.

networkx documents a `DiGraph` as a dict-of-dicts structure: `_node[n]` is a node's
data, `_succ[u][v]` and `_pred[v][u]` the same edge-data dict. The document reads and
writes them directly, because networkx's public mutators and views cost a Python call
per node or edge that made opening a 100,000-card map seconds slower (see
`graph_of`). This module is the only place that reaches into them, through `dicts`,
so the rest of the code stays typed.

Inner dicts are replaced, never changed: `snapshot` shares them with a copy that
another thread reads, so a node's data or a node's neighbours are always new dicts
(`write_node`, `link`, `unlink`).
"""

from __future__ import annotations

from typing import Any, Protocol, cast

import networkx as nx

from journeymapper.model.schema import Connection, JourneyData, Touchpoint

Graph = nx.DiGraph  # nodes are touchpoint ids; node data {"tp"}, edge data {"conn"}
NodeData = dict[str, Touchpoint]
EdgeData = dict[str, Connection]
Adjacency = dict[str, dict[str, EdgeData]]


class GraphDicts(Protocol):
    """The dicts networkx keeps a `DiGraph` in (its documented data structure)."""

    _node: dict[str, NodeData]
    _succ: Adjacency
    _pred: Adjacency
    _adj: Adjacency


def dicts(graph: Graph[str]) -> GraphDicts:
    """`graph`'s own dicts: changes to them change the graph."""
    return cast(GraphDicts, graph)


def graph_of(data: JourneyData) -> Graph[str]:
    """The flow graph of checked data, filled through the dicts rather than
    `add_edges_from`, which spent most of the time of opening a 100,000-card map in
    per-edge bookkeeping."""
    graph: Graph[str] = nx.DiGraph()
    store = dicts(graph)
    nodes, succ, pred = store._node, store._succ, store._pred
    for tp in data.touchpoints:
        nodes[tp.id] = {"tp": tp}
        succ[tp.id] = {}
        pred[tp.id] = {}
    for conn in data.connections:
        edge = {"conn": conn}
        succ[conn.source][conn.target] = edge
        pred[conn.target][conn.source] = edge
    return graph


def snapshot(graph: Graph[str]) -> Graph[str]:
    """A copy sharing the inner dicts: only the outer dicts are copied (about 20 ms at
    100,000 cards; copying every inner dict cost ten times that)."""
    copy: Graph[str] = nx.DiGraph()
    source, target = dicts(graph), dicts(copy)
    target._node = dict(source._node)
    target._adj = dict(source._succ)
    target._pred = dict(source._pred)
    return copy


def touchpoint(graph: Graph[str], tp_id: str) -> Touchpoint:
    """A node's touchpoint (KeyError when there is none)."""
    return dicts(graph)._node[tp_id]["tp"]


def edge(graph: Graph[str], source: str, target: str) -> Connection:
    """An edge's connection (KeyError when there is none)."""
    return dicts(graph)._succ[source][target]["conn"]


def write_node(graph: Graph[str], tp: Touchpoint) -> None:
    store = dicts(graph)
    store._node[tp.id] = {"tp": tp}
    store._succ.setdefault(tp.id, {})
    store._pred.setdefault(tp.id, {})
    changed(graph)


def drop_node(graph: Graph[str], tp_id: str) -> None:
    """Remove a node that has no connections left."""
    store = dicts(graph)
    del store._node[tp_id], store._succ[tp_id], store._pred[tp_id]
    changed(graph)


def link(graph: Graph[str], conn: Connection) -> None:
    """Add or replace the edge of `conn` (a node's neighbours: a new dict each time)."""
    store, data = dicts(graph), {"conn": conn}
    store._succ[conn.source] = {**store._succ[conn.source], conn.target: data}
    store._pred[conn.target] = {**store._pred[conn.target], conn.source: data}
    changed(graph)


def unlink(graph: Graph[str], source: str, target: str) -> None:
    store = dicts(graph)
    succ = dict(store._succ[source])
    del succ[target]
    store._succ[source] = succ
    pred = dict(store._pred[target])
    del pred[source]
    store._pred[target] = pred
    changed(graph)


def changed(graph: Graph[str]) -> None:
    """What networkx's own mutators do after a change: forget cached conversions."""
    cache: dict[str, Any] | None = getattr(graph, "__networkx_cache__", None)
    if cache:
        cache.clear()
