"""Causal delivery: what yrs does with updates out of order, and how the binding avoids it.

tests/data/sync/yrs-gap-panic.json (made by yrs_gap_panic.py beside it, with pycrdt
alone) holds five updates of two clients; delivered out of order, yrs panics in a deep
observer's event or loses a write, where Yjs ends every order with the same map. The
binding holds an update until its causes are in, so every order ends as Yjs ends it.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from pycrdt import Doc, Map

from journeymapper.model.document import Journey
from journeymapper.sync.binding import SyncBinding
from journeymapper.sync.causal import CausalQueue, integrate
from journeymapper.sync.panics import contained, is_panic
from journeymapper.sync.project import project
from journeymapper.sync.shape import read_shape
from journeymapper.sync.state import DecodeError, read_state_vector
from tests.data.sync.yrs_gap_panic import deliver

DATA = Path(__file__).parents[1] / "data/sync"


def _read(name: str) -> dict[str, str]:
    return dict(json.loads((DATA / name).read_text()))


GAP = {k: bytes.fromhex(v) for k, v in _read("yrs-gap-panic.json").items()}
SHAPES = json.loads((DATA / "update-shapes.json").read_text())["cases"]
LATE = list(itertools.permutations(["x1", "x2", "y1"]))


def test_yrs_alone_panics_or_loses_a_write_out_of_order() -> None:
    """The upstream bug the causal queue works around (if this fails, yrs was fixed)."""
    with contained(lambda exc: None):  # pyo3 also reports the panic to sys.excepthook
        outcomes = {late: deliver(GAP, [*late, "fx", "fy"]) for late in LATE}
    assert outcomes[("x2", "x1", "y1")] == "PanicException on y1"
    assert outcomes[("x2", "y1", "x1")] == "s1=None s2=Zz"  # "a1" lost for good
    assert outcomes[("x1", "x2", "y1")] == "s1=a1 s2=Zz"


def _binding() -> SyncBinding:
    doc: Doc = Doc(client_id=9)
    doc.apply_update(GAP["start"])
    return SyncBinding(Journey(project(doc).data), doc)


@pytest.mark.parametrize("late", LATE)
def test_the_binding_ends_every_order_as_yjs_does(late: tuple[str, ...]) -> None:
    binding = _binding()
    for name in [*late, "fx", "fy"]:
        binding.receive([GAP[name]])
    stages = binding.doc.get("stages", type=Map)
    assert (stages["s1"]["order"], stages["s2"]["order"]) == ("a1", "Zz")
    assert binding.waiting == 0
    assert binding.journey.to_data() == project(binding.doc).data
    assert binding.faults == []


def test_an_update_waits_for_its_clients_earlier_ones() -> None:
    binding = _binding()
    binding.receive([GAP["x2"], GAP["y1"]])  # both lack their client's first update
    assert binding.waiting == 2
    state_before = binding.doc.get_state()
    binding.receive([GAP["x1"]])  # still lacks fx
    assert binding.waiting == 3
    assert binding.doc.get_state() == state_before
    binding.receive([GAP["fx"]])  # x's updates in order; y's still wait for fy
    assert binding.waiting == 1
    binding.receive([GAP["fy"]])
    assert binding.waiting == 0


def test_a_duplicate_is_released_and_changes_nothing() -> None:
    binding = _binding()
    binding.receive([GAP["fx"], GAP["fx"], GAP["x1"]])
    state = binding.doc.get_state()
    binding.receive([GAP["fx"], GAP["x1"]])
    assert binding.waiting == 0
    assert binding.doc.get_state() == state


def test_release_orders_updates_so_each_applies_whole() -> None:
    queue = CausalQueue()
    queue.add([GAP["y1"], GAP["x2"], GAP["fy"], GAP["x1"], GAP["fx"]])
    start: Doc = Doc()
    start.apply_update(GAP["start"])
    ready = queue.release(read_state_vector(start.get_state()))
    names = {update: name for name, update in GAP.items()}
    order = [names[u] for u in ready]
    assert order.index("fx") < order.index("x1") < order.index("x2")
    assert order.index("fy") < order.index("y1")
    assert len(queue) == 0


def test_a_struct_waits_for_the_item_it_refers_to() -> None:
    shape = read_shape(GAP["x1"])  # s1.order = "a3": its left origin is client 1's item
    assert shape.structs[0].needs
    client, clock = shape.structs[0].needs[0]
    assert not integrate(shape, {3: 1, client: clock})  # the origin is not held yet
    state = {3: 1, client: clock + 1}
    assert integrate(shape, state)
    assert state[3] == 2


@pytest.mark.parametrize("case", SHAPES, ids=lambda c: c["update"][:16])
def test_shapes_read_as_yjs_reads_them(case: dict[str, object]) -> None:
    shape = read_shape(bytes.fromhex(str(case["update"])))
    structs = [[s.client, s.clock, s.end, [list(n) for n in s.needs]] for s in shape.structs]
    assert structs == case["structs"]
    assert [list(d) for d in shape.deleted] == case["deleted"]


@pytest.mark.parametrize("cut", [1, 3, 7, 12])
def test_a_truncated_update_does_not_decode(cut: int) -> None:
    update = bytes.fromhex(SHAPES[-1]["update"])
    with pytest.raises(DecodeError):
        read_shape(update[: len(update) - cut])


def test_a_panic_of_yrs_becomes_a_problem_not_a_crash() -> None:
    binding = _binding()
    for name in ("x2", "x1", "y1"):  # straight to yrs, as before the causal queue
        binding._apply(GAP[name])
    assert binding.faults
    assert "could not be applied" in binding.faults[0].message
    binding.settle()  # the map is read again from the document
    assert binding.journey.to_data() == project(binding.doc).data
    assert binding.problems[0] is binding.faults[0]


def test_is_panic_knows_a_panic_from_an_interrupt() -> None:
    assert not is_panic(KeyboardInterrupt())
    assert not is_panic(ValueError("x"))
