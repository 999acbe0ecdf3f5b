"""One client's side of the y-websocket sync protocol, with the epoch guard. No I/O.

Feed it what the connection does (`connected`, `receive`, `disconnected`) and send what
it puts in `outbox`. The handshake is y-protocols' (each side sends its state vector
and answers the other's with what it lacks), with one check before we merge: the
server's reply is first merged into a *copy* of our document, and if that brings an
epoch we have never seen (the room was rebuilt from a `.journey`, or replaced by a
push), we do not answer the server's state vector with our history. We ask for the
room's whole document, switch to it, write our own unsynced changes onto it, and tell
the user. That is what stops the duplication and the resurrection Jupyter's
collaboration met when a client with old history reconnected to a rebuilt document.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from enum import Enum

from pycrdt import Doc, Map, merge_updates

from journeymapper.sync import layout, protocol
from journeymapper.sync.binding import SyncBinding
from journeymapper.sync.layout import YDoc
from journeymapper.sync.presence import Presence
from journeymapper.sync.protocol import Kind
from journeymapper.sync.state import read_state_vector
from journeymapper.sync.write import EVERYTHING, new_epoch, stamp_epoch

log = logging.getLogger(__name__)


class Mode(Enum):
    JOIN = "join"  # take the room's map
    SHARE = "share"  # publish this map; refuse a room holding another one (unless forced)
    FOLLOW = "follow"  # (re)connect to the room this document came from


class State(Enum):
    OFFLINE = "offline"
    HANDSHAKE = "handshake"
    FETCHING = "fetching"  # the room holds another epoch: waiting for its whole document
    LIVE = "live"
    REFUSED = "refused"


class SyncSession:
    def __init__(
        self,
        binding: SyncBinding,
        mode: Mode = Mode.FOLLOW,
        *,
        force: bool = False,
        notify: Callable[[str], None] | None = None,
        presence: Presence | None = None,
    ) -> None:
        self.binding = binding
        self.mode = mode
        self.force = force
        self.notify = notify or (lambda text: log.info("%s", text))
        self.state = State.OFFLINE
        self.outbox: list[bytes] = []
        self.room_was_empty = False
        self.refusal = ""
        self.presence = presence or Presence(binding.doc)
        self._server_state: bytes | None = None
        self._waiting: list[bytes] = []  # updates that arrived during the handshake
        self.replies = 0  # answers to `ask()` received

    # ----- what the connection does -----------------------------------------------

    def connected(self) -> None:
        self.state = State.HANDSHAKE
        self._server_state, self._waiting = None, []
        self.binding.commit()
        self.binding.take_outgoing()  # the handshake sends everything the server lacks
        self.outbox.append(protocol.step1(self.binding.doc.get_state()))
        self.outbox.append(protocol.awareness_message(self.presence.announce()))

    def disconnected(self) -> None:
        if self.state is not State.REFUSED:
            self.state = State.OFFLINE
        self.presence.forget_others()

    def receive(self, message: bytes) -> None:
        """Handle one message; an undecodable one raises `DecodeError` (drop the peer)."""
        kind, payload = protocol.parse(message)
        if kind is Kind.AWARENESS:
            self.presence.apply(payload)
        elif kind is Kind.QUERY:
            self.outbox.append(protocol.awareness_message(self.presence.announce()))
        elif kind is Kind.STEP1:
            self._server_state = payload
            if self.state is State.LIVE:
                self._answer_server()
        elif kind is Kind.STEP2 and self.state is State.HANDSHAKE:
            self._check_epoch(payload)
        elif kind is Kind.STEP2 and self.state is State.FETCHING:
            self._switch(payload)
        elif kind is Kind.STEP2 and self.state is State.LIVE:
            self.binding.receive([payload])
            self.replies += 1
        elif self.state is State.LIVE:
            self.binding.receive([payload])
        else:
            self._waiting.append(payload)

    def flush(self) -> None:
        """Queue our own new changes (edits, undo) for the server, when live."""
        self.binding.commit()
        updates = self.binding.take_outgoing()
        if updates and self.state is State.LIVE:
            self.outbox.append(protocol.update_message(merge_updates(*updates)))
        if self.presence.changed:
            self.outbox.append(protocol.awareness_message(self.presence.announce()))

    def take_outbox(self) -> list[bytes]:
        self.flush()
        messages, self.outbox = self.outbox, []
        return messages

    def ask(self) -> None:
        """Send our state vector again: the server's answer (`replies` + 1) means it has
        applied everything we sent before (one socket delivers in order)."""
        self.flush()
        self.outbox.append(protocol.step1(self.binding.doc.get_state()))

    def goodbye(self) -> bytes:
        """The awareness message that tells the others we left."""
        return protocol.awareness_message(self.presence.leave())

    # ----- the handshake ------------------------------------------------------------

    def _check_epoch(self, update: bytes) -> None:
        ours = epochs_of(self.binding.doc)
        if not ours and self.mode is not Mode.SHARE:  # a fresh document: take the room's
            self.binding.receive([update], whole=True)
            self.room_was_empty = not has_map(self.binding.doc)
            self._go_live()
            return
        probe: YDoc = Doc()
        probe.apply_update(self.binding.doc.get_update())
        probe.apply_update(update)
        theirs = epochs_of(probe)
        self.room_was_empty = not has_content(update)
        new = theirs - ours
        sharing = self.mode is Mode.SHARE and not self.room_was_empty
        if not sharing and (not new or not ours):
            self.binding.receive([update], whole=True)
            self._go_live()
            return
        if sharing and not self.force:
            self.state = State.REFUSED
            self.refusal = "the room already holds another map (replace it to publish this one)"
            self.notify(f"Not published: {self.refusal}.")
            return
        self.state = State.FETCHING
        self.outbox.append(protocol.step1(protocol.EMPTY_STATE))

    def _switch(self, update: bytes) -> None:
        """Take the room's document (another epoch) and write our changes onto it."""
        doc: YDoc = Doc()
        doc.apply_update(update)  # (updates that came meanwhile follow, in causal order)
        if self.mode is Mode.SHARE:  # replace the room's map with ours, in a new epoch
            count = self.binding.adopt(doc, {EVERYTHING})
            with doc.transaction(origin="journeymapper:untracked"):
                stamp_epoch(doc, new_epoch())
            self.notify(f"Replaced the room's map with this one ({count} objects).")
        else:
            count = self.binding.adopt(doc, self.binding.unsynced_keys())
            self.notify(
                "The room's map was rebuilt from a file while you were away; "
                f"your {count} unsynced change{'s' if count != 1 else ''} were re-applied "
                "on top of it instead of merging your old copy."
            )
        self.presence.rebind(doc)
        self.binding.take_outgoing()
        self._go_live()

    def _go_live(self) -> None:
        self.state = State.LIVE
        self.mode = Mode.FOLLOW
        self.binding.receive(self._waiting)
        self._waiting = []
        if self._server_state is not None:
            self._answer_server()

    def _answer_server(self) -> None:
        """Send what the server lacks, and forget the changes it confirms holding."""
        assert self._server_state is not None
        doc = self.binding.doc
        self.binding.commit()
        self.binding.take_outgoing()
        self.outbox.append(protocol.step2(doc.get_update(self._server_state)))
        held = read_state_vector(self._server_state).get(doc.client_id, 0)
        self.binding.confirmed(held)
        self._server_state = None


def has_content(update: bytes) -> bool:
    """Whether an update (the server's answer to a new document) holds any map at all."""
    probe: YDoc = Doc()
    probe.apply_update(update)
    return has_map(probe)


def has_map(doc: YDoc) -> bool:
    return any(len(doc.get(name, type=Map)) for name in layout.ROOTS)


def epochs_of(doc: YDoc) -> set[str]:
    return set(doc.get(layout.EPOCHS, type=Map).keys())
