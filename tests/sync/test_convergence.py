"""Convergence: replicas editing at once, updates reordered, duplicated and delayed.

After every update is delivered, every replica's Journey is equal, valid, equal to the
projection of its own document, has no duplicate ids, and keeps every touchpoint that
was added and that nobody deleted (hypothesis; `make fuzz` runs 2,000 examples).
"""

from __future__ import annotations

import os
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from journeymapper.model.document import EditError
from journeymapper.model.edits import Edit, UpdateInfo
from journeymapper.model.schema import EmotionScale
from tests.model.test_edit_sequences import an_edit
from tests.sample import clothing_store_data
from tests.sync.replicas import Network, assert_converged, replicas, seeded_ids


@st.composite
def a_sync_edit(draw: st.DrawFn, journey) -> Edit:  # type: ignore[no-untyped-def]
    if draw(st.integers(0, 14)) == 0:  # a new emotion scale, narrower or wider
        low, high = draw(st.integers(-3, 0)), draw(st.integers(1, 3))
        scale = EmotionScale(minimum=low, maximum=high, labels=())
        return UpdateInfo({"emotion_scale": scale})
    return draw(an_edit(journey))


# Drawing edits from the whole edit strategy is slow (hypothesis builds it per draw):
# `make test` runs 20 examples, `make fuzz` (HYPOTHESIS_PROFILE=long) 2,000.
EXAMPLES = 2000 if os.environ.get("HYPOTHESIS_PROFILE") == "long" else 20


@settings(max_examples=EXAMPLES)
@given(st.data(), st.integers(3, 5), st.integers(0, 2**32))
def test_replicas_converge_to_one_valid_map(data: st.DataObject, count: int, seed: int) -> None:
    with seeded_ids(seed):
        run_replicas(data, count, seed)


def run_replicas(data: st.DataObject, count: int, seed: int) -> None:
    group = replicas(clothing_store_data(), count)
    network = Network(group, random.Random(seed))
    added: set[str] = {tp.id for tp in group[0].journey.touchpoints()}
    for _ in range(data.draw(st.integers(1, 12), label="rounds")):
        for replica in group:
            for _ in range(data.draw(st.integers(0, 3))):
                edit = data.draw(a_sync_edit(replica.journey))
                try:
                    replica.journey.apply(edit)
                except EditError:
                    continue
                added |= {tp.id for tp in replica.journey.touchpoints()}
                replica.binding.commit()
        network.deliver_some()
    network.deliver_all()
    final = assert_converged(group)
    deleted = set().union(*(r.deleted for r in group))
    kept = {tp.id for tp in final.touchpoints}
    assert added - deleted <= kept, f"lost touchpoints: {sorted(added - deleted - kept)}"
