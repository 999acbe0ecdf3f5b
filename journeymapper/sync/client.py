"""A room client: the transport's thread feeding a sync session on the caller's thread.

The network thread only queues events; `pump()` (called by the editor's UI thread from a
timer, or by a script in a loop) applies everything that arrived in one batch — a run of
updates becomes one `SyncBinding.receive`, so the map and the scene change once per batch,
not once per message — and sends what the session has to say.
"""

from __future__ import annotations

import logging
import queue
import time
from collections.abc import Callable

from journeymapper.sync import protocol
from journeymapper.sync.binding import SyncBinding
from journeymapper.sync.presence import Presence
from journeymapper.sync.protocol import Kind
from journeymapper.sync.session import Mode, State, SyncSession
from journeymapper.sync.state import DecodeError
from journeymapper.sync.status import Status
from journeymapper.sync.transport import Event, Transport
from journeymapper.sync.urls import RoomUrl

log = logging.getLogger(__name__)

__all__ = ["RoomClient", "Status"]


class RoomClient:
    def __init__(
        self,
        binding: SyncBinding,
        url: RoomUrl,
        mode: Mode = Mode.FOLLOW,
        *,
        force: bool = False,
        name: str = "Anonymous",
        notify: Callable[[str], None] | None = None,
        wake: Callable[[], None] | None = None,
        backoff: tuple[float, float] = (0.25, 5.0),
    ) -> None:
        self.url = url
        self.notify = notify or (lambda text: log.info("%s", text))
        self.session = SyncSession(
            binding, mode, force=force, notify=self.notify, presence=Presence(binding.doc, name)
        )
        self.status = Status.CONNECTING
        self.reason = ""
        self.problems: list[str] = []  # messages the server sent that did not decode
        self._inbox: queue.SimpleQueue[Event] = queue.SimpleQueue()
        self._wake = wake
        self.transport = Transport(url.connect_url, self._arrived, backoff=backoff)

    @property
    def binding(self) -> SyncBinding:
        return self.session.binding

    @property
    def live(self) -> bool:
        return self.session.state is State.LIVE

    def start(self) -> None:
        self.transport.start()

    def stop(self) -> None:
        self.pump()
        if self.live:
            self.transport.send([self.session.goodbye()])
        self.transport.stop()
        self.status = Status.OFFLINE if self.status is not Status.REFUSED else Status.REFUSED

    def _arrived(self, event: Event) -> None:  # on the network thread
        self._inbox.put(event)
        if self._wake is not None:
            self._wake()

    def pump(self) -> int:
        """Handle everything that arrived; returns how many events there were."""
        events: list[Event] = []
        while True:
            try:
                events.append(self._inbox.get_nowait())
            except queue.Empty:
                break
        updates: list[bytes] = []
        for event in events:
            if event.kind == "message" and self.live and _is_update(event.data):
                updates.append(event.data)
                continue
            self._receive_updates(updates)
            updates = []
            self._handle(event)
        self._receive_updates(updates)
        if self.session.presence.tick() and self.live:
            self.session.presence.changed = True
        self.transport.send(self.session.take_outbox())
        return len(events)

    def _receive_updates(self, messages: list[bytes]) -> None:
        payloads = []
        for message in messages:
            try:
                payloads.append(protocol.parse(message)[1])
            except DecodeError as exc:
                self._problem(exc)
        if payloads:
            self.binding.receive(payloads)

    def _handle(self, event: Event) -> None:
        if event.kind == "connected":
            self.session.connected()
        elif event.kind == "message":
            try:
                self.session.receive(event.data)
            except DecodeError as exc:
                self._problem(exc)
        elif event.kind == "disconnected":
            self.session.disconnected()
            self.status, self.reason = Status.RECONNECTING, event.reason
        elif event.kind == "refused":
            self.session.disconnected()
            self.status, self.reason = Status.REFUSED, event.reason
            self.notify(f"Cannot join {self.url.shown}: {event.reason}.")
        if self.session.state is State.LIVE:
            self.status = Status.ONLINE
        elif self.session.state is State.REFUSED:
            self.status, self.reason = Status.REFUSED, self.session.refusal

    def _problem(self, exc: DecodeError) -> None:
        text = f"ignored a message from the server that does not decode ({exc})"
        log.warning("%s", text)
        self.problems.append(text)

    def wait_until(self, condition: Callable[[], bool], timeout: float) -> bool:
        """Pump until `condition()` holds or `timeout` seconds pass (for scripts and tests)."""
        deadline = time.monotonic() + timeout
        while True:
            self.pump()
            if condition():
                return True
            if self.status is Status.REFUSED or time.monotonic() >= deadline:
                return False
            time.sleep(0.005)


def _is_update(message: bytes) -> bool:
    return len(message) > 1 and message[0] == 0 and message[1] == 2


__all__ = ["Kind", "Mode", "RoomClient", "Status"]
