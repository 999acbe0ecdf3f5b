"""Causal delivery: updates reach the document only once everything they build on is there.

Yjs integrates a struct only when the document holds every earlier struct of the same
client and the items the struct refers to (its origins, its parent), and keeps the rest
of the update pending (yjs/src/utils/encoding.js, `integrateStructs`). yrs, which pycrdt
binds, does not wait for a client's earlier structs: it integrates a later one at once
behind a "skip" hole (yrs 0.28, `Update::integrate`). The document's state vector then
stops at the hole while the integrated struct sits beyond it, and yrs's own bookkeeping
takes such a struct for new in every later transaction: its map events read the content
of a struct that was deleted meanwhile and panic (`called Option::unwrap() on a None
value`, yrs types/mod.rs `event_keys`; see tests/data/sync/yrs-gap-panic.json), and a
struct held pending can be dropped when its cause arrives (tests/sync/test_out_of_order.py).

So the binding never hands yrs an update out of causal order: `CausalQueue` holds each
update until the document (plus the updates released before it) holds every struct it
depends on and every item its delete set removes, simulating Yjs's integration order
struct by struct, and releases the ready ones in that order. Updates over a real
connection are nearly always ready at once; a reordered or early one waits.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from journeymapper.sync.shape import Shape, Struct, read_shape
from journeymapper.sync.state import DecodeError

log = logging.getLogger(__name__)

MAX_HELD = 10_000

State = dict[int, int]  # client → clock: how many of its structs the document holds


def integrate(shape: Shape, state: State) -> bool:
    """Whether `shape` can be integrated whole on `state`; if so, `state` is advanced.

    Structs are taken as Yjs takes them: each client's in clock order, a struct only when
    its client is at (or past) its clock and every id it needs is held; a struct blocked
    by another client's waits until that client advances. Then every deleted range must
    be held, so no deletion is left pending either.
    """
    known = dict(state)
    queues: dict[int, list[Struct]] = {}
    for struct in shape.structs:
        queues.setdefault(struct.client, []).append(struct)
    done = dict.fromkeys(queues, 0)
    progress = True
    while progress:
        progress = False
        for client, structs in queues.items():
            i = done[client]
            while i < len(structs):
                struct = structs[i]
                if struct.clock > known.get(client, 0) or any(
                    known.get(c, 0) <= k for c, k in struct.needs
                ):
                    break
                known[client] = max(known.get(client, 0), struct.end)
                i += 1
            if i != done[client]:
                done[client], progress = i, True
    if any(done[client] < len(structs) for client, structs in queues.items()):
        return False
    if any(clock + length > known.get(client, 0) for client, clock, length in shape.deleted):
        return False
    state.update(known)
    return True


class CausalQueue:
    """Updates received but not yet given to the document, waiting for their causes."""

    def __init__(self, limit: int = MAX_HELD) -> None:
        self.limit = limit
        self._held: list[tuple[bytes, Shape | None]] = []

    def __len__(self) -> int:
        return len(self._held)

    def add(self, updates: Iterable[bytes]) -> None:
        for update in updates:
            try:
                shape: Shape | None = read_shape(update)
            except DecodeError as exc:  # yrs may still read it (a content type Yjs lacks)
                log.warning("an update whose dependencies cannot be read (%s)", exc)
                shape = None
            self._held.append((update, shape))
        if len(self._held) > self.limit:
            log.warning("dropping %d updates that never became ready", len(self) - self.limit)
            self._held = self._held[-self.limit :]

    def release(self, state: State) -> list[bytes]:
        """The held updates that can be applied now, in an order that applies each whole."""
        ready: list[bytes] = []
        progress = True
        while progress and self._held:
            progress = False
            waiting: list[tuple[bytes, Shape | None]] = []
            for update, shape in self._held:
                if shape is None or integrate(shape, state):
                    ready.append(update)
                    progress = True
                else:
                    waiting.append((update, shape))
            self._held = waiting
        return ready

    def clear(self) -> None:
        self._held = []
