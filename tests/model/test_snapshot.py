"""A snapshot is what the map was when it was taken, whatever the edits after it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from journeymapper.analysis import validate
from journeymapper.analysis.graph import _Memo
from journeymapper.model.document import EditError, Journey
from tests.model.test_edit_sequences import an_edit
from tests.sample import clothing_store


def _graph_state(journey: Journey) -> tuple[object, ...]:
    graph = journey.graph
    return (
        {n: dict(d) for n, d in graph._node.items()},
        {u: {v: dict(d) for v, d in vs.items()} for u, vs in graph._succ.items()},
        {v: {u: dict(d) for u, d in us.items()} for v, us in graph._pred.items()},
        journey.connection_ends(),
    )


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_edits_after_a_snapshot_leave_it_alone(data: st.DataObject) -> None:
    journey = clothing_store()
    snapshots = []
    for _ in range(data.draw(st.integers(1, 15))):
        snap = journey.snapshot()
        snapshots.append((snap, snap.to_data(), _graph_state(snap), validate(snap)))
        try:
            journey.apply(data.draw(an_edit(journey)))
        except EditError:
            continue
    for snap, content, graph, findings in snapshots:
        assert snap.to_data() == content
        assert _graph_state(snap) == graph
        assert validate(snap) == findings
    assert _graph_state(journey) == _graph_state(Journey(journey.to_data()))


def test_a_snapshot_validates_as_the_map_does() -> None:
    journey = clothing_store()
    assert validate(journey.snapshot()) == validate(journey)
    assert journey.snapshot().to_data() == journey.to_data()


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_validation_after_edits_equals_a_fresh_one(data: st.DataObject) -> None:
    """The flow facts a validation keeps for the next are never stale, whether it ran
    on a snapshot or on the live map (whose outer dicts the edits change in place)."""
    journey = clothing_store()
    for _ in range(data.draw(st.integers(1, 10))):
        saved, _Memo.last = _Memo.last, None  # the expected answer, kept out of the memo
        expected = validate(Journey(journey.to_data()))
        _Memo.last = saved
        subject = journey.snapshot() if data.draw(st.booleans()) else journey
        assert validate(subject) == expected
        try:
            journey.apply(data.draw(an_edit(journey)))
        except EditError:
            continue
