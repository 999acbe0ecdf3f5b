"""Network faults over real sockets: a long cut, a killed server, a server with a wiped store.

The cut lasts JM_CUT_SECONDS (3 s in `make test`, 60 s in `make stress`): the proxy drops
the connections and refuses new ones for that long, so both clients really go offline,
retry with their backoff and come back; each side makes 100 edits while cut off.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import time
from pathlib import Path

from pycrdt import Doc

from journeymapper.cli.main import main
from journeymapper.io.journey_file import load_journey
from journeymapper.model.builders import new_touchpoint
from journeymapper.model.edits import AddTouchpoint, MoveTouchpoints, Placement, UpdateTouchpoint
from journeymapper.model.schema import Slot
from journeymapper.sync.client import RoomClient, Status
from journeymapper.sync.project import project
from journeymapper.sync.write import build_doc
from tests.sync.net import Proxy, ServerProcess, join, settle

EXAMPLE = Path(__file__).parents[2] / "examples" / "online-clothing-store.journey"
CUT_SECONDS = float(os.environ.get("JM_CUT_SECONDS", "3"))


def offline_edits(client: RoomClient, count: int, tag: str, rng: random.Random) -> set[str]:
    """`count` edits: new cards, renames and moves. Returns the ids of the new cards."""
    journey = client.binding.journey
    added: set[str] = set()
    stages = [s.id for s in journey.stages]
    lane = journey.touchpoint_lanes()[0].id
    for i in range(count):
        kind = i % 3
        if kind == 0 or not added:
            card = new_touchpoint(journey, f"{tag} card {i}", rng.choice(stages), lane)
            journey.apply(AddTouchpoint(card))
            added.add(card.id)
        elif kind == 1:
            journey.apply(
                UpdateTouchpoint(rng.choice(sorted(added)), {"name": f"{tag} renamed {i}"})
            )
        else:
            slot = Slot(column=rng.randrange(5), order=float(i))
            move = Placement(rng.choice(stages), lane, slot)
            journey.apply(MoveTouchpoints({rng.choice(sorted(added)): move}))
        client.pump()
    return added


def test_a_long_cut_with_100_offline_edits_per_side_converges(sync_server: ServerProcess) -> None:
    assert main(["room", "push", str(EXAMPLE), sync_server.url("cut")]) == 0
    proxy = Proxy(sync_server.port)
    a = join(sync_server.url("cut", port=proxy.port), name="A")
    b = join(sync_server.url("cut", port=proxy.port), name="B")
    try:
        proxy.cut()
        assert a.wait_until(lambda: a.status is Status.RECONNECTING, 10)
        assert b.wait_until(lambda: b.status is Status.RECONNECTING, 10)
        rng = random.Random(7)
        ends = time.monotonic() + CUT_SECONDS
        added = offline_edits(a, 100, "A", rng) | offline_edits(b, 100, "B", rng)
        while time.monotonic() < ends:  # both stay offline, retrying, for the whole cut
            a.pump(), b.pump()
            assert not (a.live)
            assert not (b.live)
            time.sleep(0.05)
        proxy.heal()
        assert settle([a, b], timeout=30)
        final = a.binding.journey
        assert added <= {tp.id for tp in final.touchpoints()}
        assert final.touchpoint_count() == 12 + len(added)
        assert final.to_data() == project(a.binding.doc).data
    finally:
        a.stop(), b.stop(), proxy.close()


def test_a_server_killed_and_restarted_from_its_store_loses_and_doubles_nothing(
    sync_server: ServerProcess,
) -> None:
    assert main(["room", "push", str(EXAMPLE), sync_server.url("kill")]) == 0
    a = join(sync_server.url("kill"), name="A")
    b = join(sync_server.url("kill"), name="B")
    rng = random.Random(3)
    try:
        before = offline_edits(a, 30, "A", rng)
        assert settle([a, b])
        during = offline_edits(b, 10, "B", rng)  # sent, maybe not yet stored: then killed
        b.pump()
        assert sync_server.stop(signal.SIGKILL) == -signal.SIGKILL
        while_down = offline_edits(a, 20, "A2", rng)
        sync_server.start()  # same port, same store
        assert settle([a, b], timeout=30)
        ids = [tp.id for tp in a.binding.journey.touchpoints()]
        assert len(ids) == len(set(ids)) == 12 + len(before | during | while_down)
        c = join(sync_server.url("kill"), name="C")  # a newcomer sees the same map
        assert settle([a, b, c])
        c.stop()
    finally:
        a.stop(), b.stop()


def test_a_wiped_store_and_a_re_pushed_file_trigger_the_epoch_guard(
    sync_server: ServerProcess, tmp_path: Path
) -> None:
    assert main(["room", "push", str(EXAMPLE), sync_server.url("wipe")]) == 0
    notices: list[str] = []
    a = join(sync_server.url("wipe"), name="A")
    a.notify = a.session.notify = notices.append
    from journeymapper.model.edits import RemoveTouchpoint

    a.binding.journey.apply(RemoveTouchpoint("friend"))  # deleted in the room before the wipe
    assert settle([a])
    saved = tmp_path / "saved.journey"  # the file the team re-publishes: without "friend"
    assert main(["room", "pull", sync_server.url("wipe"), "-o", str(saved)]) == 0
    a.binding.journey.apply(UpdateTouchpoint("review", {"name": "Review, edited in the room"}))
    assert settle([a])

    sync_server.stop(signal.SIGKILL)
    shutil.rmtree(sync_server.store)
    sync_server.start()
    assert main(["room", "push", str(saved), sync_server.url("wipe")]) == 0  # a new epoch
    a.binding.journey.apply(UpdateTouchpoint("checkout", {"name": "Checkout, edited offline"}))
    b = join(sync_server.url("wipe"), name="B")
    assert settle([a, b], timeout=30)
    final = b.binding.journey
    assert final.touchpoint("checkout").name == "Checkout, edited offline"
    assert final.touchpoint("review").name == "Review, edited in the room"  # unconfirmed: kept
    assert not final.has_touchpoint("friend")
    ids = [tp.id for tp in final.touchpoints()]
    assert len(ids) == len(set(ids)) == len(load_journey(saved).to_data().touchpoints)
    assert any("rebuilt from a file" in text for text in notices)
    a.stop(), b.stop()


def test_without_the_guard_a_blind_merge_would_bring_deleted_cards_back() -> None:
    """The failure the guard prevents: an old history merged into a rebuilt document."""
    from journeymapper.model.edits import RemoveTouchpoint

    data = load_journey(EXAMPLE).to_data()
    old = build_doc(data)
    rebuilt_journey = load_journey(EXAMPLE)
    rebuilt_journey.apply(RemoveTouchpoint("friend"))
    rebuilt = build_doc(rebuilt_journey.to_data())
    blind: Doc = Doc()
    blind.apply_update(rebuilt.get_update())
    blind.apply_update(old.get_update())
    assert any(tp.id == "friend" for tp in project(blind).data.touchpoints)
