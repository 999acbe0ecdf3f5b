"""The incremental layout equals a fresh one after any sequence of edits (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journeymapper.layout.engine import LayoutEngine, layout_journey
from journeymapper.layout.geometry import MapLayout
from journeymapper.model import builders
from journeymapper.model.document import EditError, Journey
from journeymapper.model.edits import (
    AddTouchpoint,
    Connect,
    Disconnect,
    Edit,
    MoveTouchpoints,
    Placement,
    RemoveTouchpoint,
    UpdateLane,
    UpdatePersona,
    UpdateStage,
    UpdateTouchpoint,
)
from journeymapper.model.schema import Slot
from tests.sample import clothing_store

FIELDS = (
    "width",
    "height",
    "header_h",
    "stages",
    "stage_titles",
    "lanes",
    "lane_titles",
    "lane_kinds",
    "cards",
    "connection_ends",
    "notes",
    "lists",
    "emotion",
    "columns",
)
words = st.sampled_from(
    ["Ad", "Reads the size guide", "Compares delivery options across three shops", "x" * 60]
)


def assert_same(got: MapLayout, fresh: MapLayout) -> None:
    for name in FIELDS:
        assert getattr(got, name) == getattr(fresh, name), name


class Tracker:
    """Collects the touchpoint ids a journey's signals name, as the canvas does."""

    def __init__(self, journey: Journey) -> None:
        self.ids: set[str] = set()
        for signal in (
            journey.touchpoint_added,
            journey.touchpoint_changed,
            journey.touchpoint_removed,
        ):
            signal.connect(self._add)

    def _add(self, tp_id: str) -> None:
        self.ids.add(tp_id)

    def take(self) -> set[str]:
        ids, self.ids = self.ids, set()
        return ids


@st.composite
def an_edit(draw: st.DrawFn, j: Journey) -> Edit:
    tps = [tp.id for tp in j.touchpoints()]
    stages = [s.id for s in j.stages]
    lanes = [lane.id for lane in j.touchpoint_lanes()]
    choices: list[st.SearchStrategy[Edit]] = [
        st.builds(
            lambda n, s, lane, c: AddTouchpoint(
                builders.new_touchpoint(j, n, s, lane).model_copy(update={"slot": Slot(column=c)})
            ),
            words,
            st.sampled_from(stages),
            st.sampled_from(lanes),
            st.integers(0, 4),
        ),
        st.builds(lambda s, n: UpdateStage(s, {"name": n}), st.sampled_from(stages), words),
        st.builds(
            lambda lane, h: UpdateLane(lane, {"hidden": h}),
            st.sampled_from([lane.id for lane in j.lanes]),
            st.booleans(),
        ),
    ]
    if j.personas:
        choices.append(
            st.builds(
                lambda p, n: UpdatePersona(p, {"name": n}),
                st.sampled_from([p.id for p in j.personas]),
                words,
            )
        )
    if tps:
        some = st.sampled_from(tps)
        choices += [
            st.builds(RemoveTouchpoint, some),
            st.builds(lambda t, n: UpdateTouchpoint(t, {"name": n}), some, words),
            st.builds(
                lambda t, e, p: UpdateTouchpoint(
                    t, {"emotion": e, "pain_points": ("Slow",) if p else ()}
                ),
                some,
                st.one_of(st.none(), st.integers(-2, 2)),
                st.booleans(),
            ),
            st.builds(
                lambda moves: MoveTouchpoints(moves),
                st.dictionaries(
                    some,
                    st.builds(
                        lambda s, lane, c, o: Placement(s, lane, Slot(column=c, order=o)),
                        st.sampled_from(stages),
                        st.sampled_from(lanes),
                        st.integers(0, 5),
                        st.floats(-3, 3, allow_nan=False),
                    ),
                    min_size=1,
                    max_size=3,
                ),
            ),
            st.builds(lambda a, b: Connect(builders.new_connection(j, a, b)), some, some),
        ]
    conns = [c.id for c in j.connections()]
    if conns:
        choices.append(st.builds(Disconnect, st.sampled_from(conns)))
    return draw(st.one_of(choices))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_updates_equal_a_fresh_layout(data: st.DataObject) -> None:
    journey = clothing_store()
    engine = LayoutEngine(journey)
    tracker = Tracker(journey)
    for _ in range(data.draw(st.integers(1, 12))):
        edit = data.draw(an_edit(journey))
        try:
            journey.apply(edit)
        except EditError:
            continue
        reserve = data.draw(
            st.one_of(
                st.just(False),
                st.none(),
                st.tuples(
                    st.sampled_from([s.id for s in journey.stages]),
                    st.sampled_from([lane.id for lane in journey.touchpoint_lanes()]),
                ),
            )
        )
        before = engine.layout.cards
        change = engine.update(tracker.take(), reserve=reserve)
        after = engine.layout.cards
        assert_same(engine.layout, layout_journey(journey, engine.reserve))
        if not change.full:  # exactly the cards whose geometry is new, moved or gone
            assert change.cards == {i for i in {*before, *after} if before.get(i) != after.get(i)}


def test_a_moved_card_reports_itself_and_the_cards_that_shifted() -> None:
    journey = clothing_store()
    engine = LayoutEngine(journey)
    tracker = Tracker(journey)
    before = engine.layout
    tp = journey.touchpoint("cart")
    journey.apply(MoveTouchpoints({"cart": Placement(tp.stage, tp.lane, Slot(column=5))}))
    change = engine.update(tracker.take())
    assert not change.full
    assert "cart" in change.cards
    moved = {i for i in before.cards if before.cards[i] != engine.layout.cards.get(i)}
    assert moved == set(change.cards)
    assert engine.layout.stages["purchase"].w > before.stages["purchase"].w


def test_a_changed_stage_lays_everything_out_again() -> None:
    journey = clothing_store()
    engine = LayoutEngine(journey)
    journey.apply(UpdateStage("purchase", {"name": "Buying"}))
    assert engine.update().full
    assert engine.layout.stage_titles["purchase"] == ("Buying",)
