"""`validate` and `validate_data` on their own, and the graph facts against networkx."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from journeymapper.analysis import Finding, Severity, validate, validate_data
from journeymapper.analysis.context import Context
from journeymapper.analysis.integrity import integrity_findings
from journeymapper.model.document import Journey
from journeymapper.model.schema import Connection, Stage
from tests.analysis.maps import broken_data, card, data, every_rule_data, journey


def test_validate_data_stops_at_integrity_errors() -> None:
    """A map with broken references cannot become a graph, so only those are reported."""
    findings = validate_data(broken_data())
    assert findings
    assert all(f.severity is Severity.ERROR for f in findings)
    assert all(f.rule in {"JM001", "JM002", "JM003", "JM005", "JM006", "JM007"} for f in findings)


def test_validate_data_runs_the_coverage_rules_on_sound_data() -> None:
    assert validate_data(every_rule_data()) == validate(Journey(every_rule_data()))


def test_integrity_findings_describe_the_place_and_the_object() -> None:
    messages = [f.message for f in integrity_findings(broken_data())]
    assert "touchpoints[2].stage (“Email”): refers to a stage 'gone' that does not exist." in (
        messages
    )
    assert (
        "connections[1] (the connection “Ad” → “Page”): connection 'c2' repeats 'c1' (t1 → t2)."
        in messages
    )


def test_integrity_findings_of_sound_data_are_none() -> None:
    assert integrity_findings(every_rule_data()) == []


def test_a_connection_to_a_missing_card_names_the_missing_id() -> None:
    broken = data([card("tp-a", "s1")]).model_copy(
        update={"connections": (Connection(id="c1", source="tp-a", target="tp-x"),)}
    )
    (finding,) = validate_data(broken)
    assert finding.rule == "JM002"
    assert finding.subjects == ("c1",)
    assert "(the connection “A” → 'tp-x')" in finding.message


def test_finding_to_dict_is_the_json_shape() -> None:
    finding = Finding("JM022", "dead-end", Severity.WARNING, "Stuck.", ("tp-a",))
    assert finding.to_dict() == {
        "rule": "JM022",
        "severity": "warning",
        "message": "Stuck.",
        "subjects": ["tp-a"],
    }


def test_findings_are_immutable() -> None:
    finding = Finding("JM022", "dead-end", Severity.WARNING, "Stuck.", ("tp-a",))
    with pytest.raises(AttributeError):
        finding.message = "changed"  # type: ignore[misc]


def test_validate_leaves_the_garbage_collector_as_it_found_it() -> None:
    import gc

    j = journey([card("tp-a", "s1")])
    assert gc.isenabled()
    validate(j)
    assert gc.isenabled()
    gc.disable()
    try:
        validate(j)
        assert not gc.isenabled()
    finally:
        gc.enable()


STAGES = (Stage(id="s0", name="A"), Stage(id="s1", name="B"), Stage(id="s2", name="C"))


@given(
    st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9)), max_size=25),
    st.lists(st.integers(0, 2), min_size=10, max_size=10),
)
def test_flow_facts_agree_with_networkx(edges: list[tuple[int, int]], stage_of: list[int]) -> None:
    cards = [card(f"tp-{i}", f"s{stage_of[i]}") for i in range(10)]
    flow = sorted({(f"tp-{a}", f"tp-{b}") for a, b in edges})
    j = journey(cards, flow, stages=STAGES)
    ctx = Context(j)
    graph = nx.DiGraph(j.graph)
    graph.remove_edges_from(list(nx.selfloop_edges(graph)))
    reached = set(ctx.entries).union(*(nx.descendants(graph, e) for e in ctx.entries))
    assert ctx.reached == reached
    assert ctx.connected == {n for n in graph if graph.degree(n) > 0}
    parts = sorted(
        (c for c in nx.weakly_connected_components(graph) if len(c) > 1), key=len, reverse=True
    )
    assert sorted(map(len, ctx.flow.stray_parts)) == sorted(map(len, parts[1:]))
    assert {n for part in ctx.flow.stray_parts for n in part} <= set(graph)
    assert set(ctx.flow.sinks) == {n for n in ctx.connected if graph.out_degree(n) == 0}
    rank = {f"tp-{i}": stage_of[i] for i in range(10)}
    assert sorted(ctx.flow.backward) == sorted((u, v) for u, v in graph.edges if rank[v] < rank[u])
    assert set(ctx.flow.looped) == {u for u, v in flow if u == v}
    findings = validate(j)
    assert all(isinstance(f, Finding) for f in findings)
