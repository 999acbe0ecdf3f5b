"""Random edit sequences undo to the start and redo to the end (hypothesis)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from journeymapper.model import builders
from journeymapper.model.document import EditError, Journey
from journeymapper.model.edits import (
    AddLane,
    AddPersona,
    AddStage,
    AddTouchpoint,
    Batch,
    Connect,
    Disconnect,
    Edit,
    MoveTouchpoints,
    Placement,
    RemoveLane,
    RemovePersona,
    RemoveStage,
    RemoveTouchpoint,
    ReorderLanes,
    ReorderStages,
    SetNote,
    UpdateConnection,
    UpdateInfo,
    UpdatePersona,
    UpdateStage,
    UpdateTouchpoint,
)
from journeymapper.model.schema import LaneKind, Slot
from tests.sample import clothing_store

names = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), min_size=1, max_size=30
).filter(lambda s: s.strip() != "")


@st.composite
def an_edit(draw: st.DrawFn, j: Journey) -> Edit:
    tps = [tp.id for tp in j.touchpoints()]
    conns = [c.id for c in j.connections()]
    stages = [s.id for s in j.stages]
    lanes = [lane.id for lane in j.lanes]
    card_lanes = [lane.id for lane in j.touchpoint_lanes()]
    notes_lanes = [lane.id for lane in j.lanes if lane.kind is LaneKind.NOTES]
    personas = [p.id for p in j.personas]
    choices: list[st.SearchStrategy[Edit]] = [
        st.builds(lambda n: AddStage(builders.new_stage(j, n), draw(st.integers(-1, 5))), names),
        st.builds(lambda n: AddLane(builders.new_lane(j, n), -1), names),
        st.builds(lambda n: AddPersona(builders.new_persona(j, n)), names),
        st.builds(lambda t: UpdateInfo({"title": t}), names),
    ]
    if stages and card_lanes:
        choices.append(
            st.builds(
                lambda n, s, lane: AddTouchpoint(builders.new_touchpoint(j, n, s, lane)),
                names,
                st.sampled_from(stages),
                st.sampled_from(card_lanes),
            )
        )
        choices.append(st.builds(lambda s: RemoveStage(s), st.sampled_from(stages)))
        choices.append(
            st.builds(lambda s, n: UpdateStage(s, {"name": n}), st.sampled_from(stages), names)
        )
        choices.append(st.builds(lambda p: ReorderStages(tuple(p)), st.permutations(stages)))
    if tps:
        choices.append(st.builds(RemoveTouchpoint, st.sampled_from(tps)))
        choices.append(
            st.builds(
                lambda t, e, v: UpdateTouchpoint(t, {"emotion": e, "votes": v}),
                st.sampled_from(tps),
                st.one_of(st.none(), st.integers(-3, 3)),
                st.integers(0, 5),
            )
        )
        if stages:
            choices.append(
                st.builds(
                    lambda ts, s, lane, c, o: MoveTouchpoints(
                        {t: Placement(s, lane, Slot(column=c, order=o)) for t in ts}
                    ),
                    st.lists(st.sampled_from(tps), min_size=1, max_size=3, unique=True),
                    st.sampled_from(stages),
                    st.sampled_from(lanes),
                    st.integers(0, 4),
                    st.floats(-10, 10, allow_nan=False),
                )
            )
        choices.append(
            st.builds(
                lambda a, b: Connect(builders.new_connection(j, a, b)),
                st.sampled_from(tps),
                st.sampled_from(tps),
            )
        )
    if conns:
        choices.append(st.builds(Disconnect, st.sampled_from(conns)))
        choices.append(
            st.builds(lambda c, t: UpdateConnection(c, {"label": t}), st.sampled_from(conns), names)
        )
    if lanes:
        choices.append(st.builds(RemoveLane, st.sampled_from(lanes)))
        choices.append(st.builds(lambda p: ReorderLanes(tuple(p)), st.permutations(lanes)))
    if notes_lanes and stages:
        choices.append(
            st.builds(
                SetNote,
                st.sampled_from(notes_lanes),
                st.sampled_from(stages),
                st.one_of(st.just(""), names),
            )
        )
    if personas:
        choices.append(st.builds(RemovePersona, st.sampled_from(personas)))
        choices.append(
            st.builds(lambda p, n: UpdatePersona(p, {"name": n}), st.sampled_from(personas), names)
        )
        if tps:
            choices.append(
                st.builds(
                    lambda t, ps: UpdateTouchpoint(t, {"personas": tuple(ps)}),
                    st.sampled_from(tps),
                    st.lists(st.sampled_from(personas), unique=True),
                )
            )
    edit = draw(st.one_of(choices))
    if draw(st.integers(0, 9)) == 0:
        return Batch((edit, UpdateInfo({"description": "batched"})), "batch")
    return edit


@given(st.data())
def test_random_edits_undo_to_the_start_and_redo_to_the_end(data: st.DataObject) -> None:
    journey = clothing_store()
    start = journey.to_data()
    done: list[tuple[Edit, Edit]] = []
    for _ in range(data.draw(st.integers(1, 20))):
        edit = data.draw(an_edit(journey))
        before = journey.to_data()
        try:
            inverse = journey.apply(edit)
        except EditError:
            assert journey.to_data() == before, "a refused edit changed the map"
            continue
        done.append((edit, inverse))
    end = journey.to_data()
    for _, inverse in reversed(done):
        journey.apply(inverse)
    assert journey.to_data() == start
    for edit, _ in done:
        journey.apply(edit)
    assert journey.to_data() == end
    Journey(end)  # what the edits made is still a consistent map
