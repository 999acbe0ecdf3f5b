"""Moments of truth: the touchpoints on every path from an entry point to an exit point."""

from __future__ import annotations

import networkx as nx
from hypothesis import given
from hypothesis import strategies as st

from journeymapper.analysis.context import Context
from journeymapper.analysis.truth import immediate_dominators, moments_of_truth
from journeymapper.model.schema import Stage
from tests.analysis.maps import card, chain, journey


def test_on_a_chain_every_touchpoint_is_a_moment_of_truth() -> None:
    cards = [card("tp-a", "s1"), card("tp-b", "s2"), card("tp-c", "s2"), card("tp-d", "s3")]
    assert moments_of_truth(journey(cards, chain("tp-a", "tp-b", "tp-c", "tp-d"))) == (
        "tp-a",
        "tp-b",
        "tp-c",
        "tp-d",
    )


def test_on_a_diamond_only_the_ends_are() -> None:
    cards = [card("tp-a", "s1"), card("tp-b", "s2"), card("tp-c", "s2"), card("tp-d", "s3")]
    flow = [("tp-a", "tp-b"), ("tp-a", "tp-c"), ("tp-b", "tp-d"), ("tp-c", "tp-d")]
    assert moments_of_truth(journey(cards, flow)) == ("tp-a", "tp-d")


def test_two_entries_and_two_exits_leave_only_the_shared_middle() -> None:
    cards = [
        card("tp-ad", "s1"),
        card("tp-friend", "s1", slot={"column": 1}),
        card("tp-shop", "s2"),
        card("tp-mail", "s3"),
        card("tp-call", "s3", slot={"column": 1}),
    ]
    flow = [
        ("tp-ad", "tp-shop"),
        ("tp-friend", "tp-shop"),
        ("tp-shop", "tp-mail"),
        ("tp-shop", "tp-call"),
    ]
    assert moments_of_truth(journey(cards, flow)) == ("tp-shop",)


def test_a_bypass_removes_a_moment_of_truth() -> None:
    cards = [card("tp-a", "s1"), card("tp-b", "s2"), card("tp-c", "s3")]
    assert moments_of_truth(journey(cards, chain("tp-a", "tp-b", "tp-c"))) == (
        "tp-a",
        "tp-b",
        "tp-c",
    )
    flow = [*chain("tp-a", "tp-b", "tp-c"), ("tp-a", "tp-c")]
    assert moments_of_truth(journey(cards, flow)) == ("tp-a", "tp-c")


def test_loops_and_self_loops_do_not_change_the_answer() -> None:
    cards = [card("tp-a", "s1"), card("tp-b", "s2"), card("tp-c", "s2"), card("tp-d", "s3")]
    flow = [
        *chain("tp-a", "tp-b", "tp-c", "tp-d"),
        ("tp-c", "tp-b"),
        ("tp-b", "tp-b"),
        ("tp-d", "tp-a"),
    ]
    assert moments_of_truth(journey(cards, flow)) == ("tp-a", "tp-b", "tp-c", "tp-d")


def test_no_path_from_an_entry_to_an_exit_means_none() -> None:
    cards = [card("tp-a", "s1"), card("tp-b", "s3")]
    assert moments_of_truth(journey(cards)) == ()
    assert moments_of_truth(journey([])) == ()


def test_a_single_touchpoint_is_its_own_moment_of_truth() -> None:
    assert moments_of_truth(journey([card("tp-a", "s1")])) == ("tp-a",)


def test_immediate_dominators_of_a_textbook_graph() -> None:
    """The example of Cooper, Harvey and Kennedy's paper (figure 4), nodes renamed."""
    edges = {"6": ["5", "4"], "5": ["1"], "4": ["2", "3"], "1": ["2"], "2": ["1", "3"], "3": ["2"]}
    preds: dict[str, list[str]] = {n: [] for n in edges}
    for source, targets in edges.items():
        for target in targets:
            preds[target].append(source)
    idom = immediate_dominators("6", edges.__getitem__, preds.__getitem__)
    assert idom == {"6": "6", "5": "6", "4": "6", "1": "6", "2": "6", "3": "6"}


@given(
    st.lists(st.tuples(st.integers(0, 7), st.integers(0, 7)), max_size=20),
    st.lists(st.integers(0, 2), min_size=8, max_size=8),
)
def test_moments_of_truth_match_brute_force(
    edges: list[tuple[int, int]], stage_of: list[int]
) -> None:
    """A touchpoint is a moment of truth iff removing it cuts every entry from every exit."""
    stages = (Stage(id="s0", name="A"), Stage(id="s1", name="B"), Stage(id="s2", name="C"))
    cards = [card(f"tp-{i}", f"s{stage_of[i]}") for i in range(8)]
    flow = sorted({(f"tp-{a}", f"tp-{b}") for a, b in edges})
    j = journey(cards, flow, stages=stages)
    ctx = Context(j)
    graph = nx.DiGraph(j.graph)
    graph.remove_edges_from(list(nx.selfloop_edges(graph)))
    graph.add_edges_from(("SOURCE", e) for e in ctx.entries)
    graph.add_edges_from((e, "SINK") for e in ctx.exits)
    if not nx.has_path(graph, "SOURCE", "SINK"):
        assert moments_of_truth(ctx) == ()
        return
    expected = set()
    for node in j.graph:
        cut = graph.copy()
        cut.remove_node(node)
        if not nx.has_path(cut, "SOURCE", "SINK"):
            expected.add(node)
    found = moments_of_truth(ctx)
    assert set(found) == expected
    assert len(found) == len(set(found))
