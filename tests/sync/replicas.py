"""Replicas for sync tests: Journeys bound to Y documents, exchanging updates by hand.

Each replica records every update its document emits; `Network` carries them between
replicas in whatever order (and as many times) a test chooses, which is what a real
network may do to Yjs updates.
"""

from __future__ import annotations

import contextlib
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from unittest import mock

from pycrdt import Doc

from journeymapper.model.document import Journey
from journeymapper.model.integrity import reference_problems
from journeymapper.model.schema import JourneyData
from journeymapper.sync.binding import SyncBinding
from journeymapper.sync.project import project
from journeymapper.sync.write import build_doc


@dataclass
class Replica:
    name: str
    binding: SyncBinding
    sent: list[bytes] = field(default_factory=list)
    deleted: set[str] = field(default_factory=set)  # touchpoints this replica's user deleted

    @property
    def journey(self) -> Journey:
        return self.binding.journey

    @property
    def doc(self) -> Doc:
        return self.binding.doc


def replica_of(name: str, start: bytes, client_id: int | None = None) -> Replica:
    doc: Doc = Doc(client_id=client_id) if client_id is not None else Doc()
    doc.apply_update(start)
    journey = Journey(project(doc).data)
    replica = Replica(name, SyncBinding(journey, doc, voter=f"voter-{name}"))
    doc.observe(lambda event: replica.sent.append(event.update))

    def deleted(ident: str) -> None:
        if not replica.binding.applying_remote:
            replica.deleted.add(ident)

    journey.touchpoint_removed.connect(deleted)
    return replica


def replicas(data: JourneyData, count: int) -> list[Replica]:
    start = build_doc(data).get_update()
    return [replica_of(chr(ord("a") + i), start, client_id=1000 + i) for i in range(count)]


@contextlib.contextmanager
def seeded_ids(seed: int) -> Iterator[None]:
    """New ids drawn from a seeded generator, so hypothesis sees the same map each run."""
    rng = random.Random(seed)
    with mock.patch("journeymapper.model.document.secrets.choice", rng.choice):
        yield


def exchange_all(group: list[Replica]) -> None:
    """Every replica receives every other one's updates (each update once)."""
    for receiver in group:
        updates = [u for sender in group if sender is not receiver for u in sender.sent]
        receiver.binding.receive(updates)


class Network:
    """Updates in flight: delivered later, in any order, some more than once."""

    def __init__(self, group: list[Replica], rng: random.Random) -> None:
        self.group = group
        self.rng = rng
        self.flight: list[tuple[Replica, bytes]] = []
        self._taken = {r.name: 0 for r in group}

    def collect(self) -> None:
        """Put every update sent since the last call in flight to every other replica."""
        for sender in self.group:
            new = sender.sent[self._taken[sender.name] :]
            self._taken[sender.name] = len(sender.sent)
            for update in new:
                for receiver in self.group:
                    if receiver is not sender:
                        self.flight.append((receiver, update))
                        if self.rng.random() < 0.2:  # duplicated
                            self.flight.append((receiver, update))

    def deliver_some(self) -> None:
        self.collect()
        self.rng.shuffle(self.flight)
        cut = self.rng.randrange(len(self.flight) + 1)
        now, self.flight = self.flight[:cut], self.flight[cut:]
        self._deliver(now)

    def deliver_all(self) -> None:
        """Deliver until nothing is in flight (a delivery may make replicas send more)."""
        for _ in range(20):
            self.collect()
            if not self.flight:
                return
            self.rng.shuffle(self.flight)
            now, self.flight = self.flight, []
            self._deliver(now)
        raise AssertionError("replicas keep sending updates to each other")

    def _deliver(self, batch: list[tuple[Replica, bytes]]) -> None:
        for receiver in self.group:
            updates = [u for r, u in batch if r is receiver]
            if updates:
                receiver.binding.receive(updates)


def assert_converged(group: list[Replica]) -> JourneyData:
    """Every replica shows the same valid map, the one its document projects to."""
    first = group[0].journey.to_data()
    for replica in group:
        data = replica.journey.to_data()
        assert data == project(replica.doc).data, f"replica {replica.name} differs from its doc"
        assert data == first, f"replica {replica.name} differs from {group[0].name}: " + _diff(
            first, data
        )
        assert reference_problems(data) == []
        ids = [o.id for o in (*data.stages, *data.lanes, *data.personas, *data.touchpoints)]
        ids += [c.id for c in data.connections]
        assert len(ids) == len(set(ids)), "duplicate ids"
    return first


def _diff(a: JourneyData, b: JourneyData) -> str:
    out = []
    for name in type(a).model_fields:
        x, y = getattr(a, name), getattr(b, name)
        if x != y:
            if isinstance(x, tuple):
                xs, ys = [repr(o) for o in x], [repr(o) for o in y]
                out.append(
                    f"{name}: only first {[o for o in xs if o not in ys][:3]}; "
                    f"only second {[o for o in ys if o not in xs][:3]}"
                )
            else:
                out.append(f"{name}: {x!r} vs {y!r}")
    return "; ".join(out)[:3000]
