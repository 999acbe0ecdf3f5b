"""An update that arrives before the one it depends on is still applied whole.

The data are two updates of one replica (and the map they start from), found by the
convergence test: applied late-first, yrs (pycrdt 0.14.13) integrates only part of the
later one when the earlier one arrives, where Yjs integrates all of it. The binding
holds such updates and applies them again until they are whole.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pycrdt import Doc

from journeymapper.model.document import Journey
from journeymapper.sync import causal
from journeymapper.sync.binding import SyncBinding, whole_in
from journeymapper.sync.project import project
from journeymapper.sync.shape import read_shape

DATA = json.loads((Path(__file__).parents[1] / "data/sync/out-of-order-updates.json").read_text())
START = bytes.fromhex(DATA["start"])
LATE, EARLY = (bytes.fromhex(u) for u in DATA["u"])


def in_order() -> Doc:
    doc: Doc = Doc()
    for update in (START, EARLY, LATE):
        doc.apply_update(update)
    return doc


def test_the_binding_applies_a_late_update_whole_when_its_cause_arrives() -> None:
    doc: Doc = Doc()
    doc.apply_update(START)
    binding = SyncBinding(Journey(project(doc).data), doc)
    binding.receive([LATE])
    assert not whole_in(doc, LATE)
    binding.receive([EARLY])
    assert whole_in(doc, LATE)
    assert doc.get_state() == in_order().get_state()
    assert binding.journey.to_data() == project(in_order()).data


def test_a_duplicate_of_an_applied_update_is_whole() -> None:
    doc = in_order()
    assert whole_in(doc, LATE)
    assert whole_in(doc, EARLY)


def test_a_sync_reply_releases_the_updates_held_for_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """A late update waits; the server's sync reply (the join, a reconnection) brings
    its cause, is applied without the causal check (reading a big map's structs in
    Python costs seconds), and the late one follows whole."""
    doc: Doc = Doc()
    doc.apply_update(START)
    binding = SyncBinding(Journey(project(doc).data), doc)
    binding.receive([LATE])
    assert binding.waiting == 1
    reply = in_order_without_late().get_update(doc.get_state())  # as a server encodes it
    read: list[bytes] = []
    monkeypatch.setattr(causal, "read_shape", lambda u: read.append(u) or read_shape(u))
    binding.receive([reply], whole=True)
    assert read == []
    assert binding.waiting == 0
    assert whole_in(doc, LATE)
    assert doc.get_state() == in_order().get_state()
    assert binding.journey.to_data() == project(in_order()).data


def in_order_without_late() -> Doc:
    doc: Doc = Doc()
    for update in (START, EARLY):
        doc.apply_update(update)
    return doc
