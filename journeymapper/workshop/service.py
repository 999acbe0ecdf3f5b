"""`Workshop`: one running session — the web server, the session logic, the map feed.

The editor's controller and `journeymapper host` both use it. The host supplies:
- the `Journey`;
- `executor`, a `concurrent.futures.Executor` whose `submit` runs a function on the
  map's thread (the editor posts it to the Qt thread; the headless host has a
  one-thread pool that owns the map);
- `apply_edit(edit)`, called on that thread, which applies the edit (the editor pushes
  it on its undo stack; it may return False or raise `EditError` to refuse it).

`start` and `stop` are called on the map's thread. The facilitator's commands may be
called from any thread: they are handed to the server's loop and return at once,
so the editor's UI thread never waits on the network. Status listeners are called on
the server's loop thread; a Qt host relays them to its own thread.

With `host_rooms` the same server also hosts live co-editing rooms (issue 18's
`RoomServer`, mounted at `/rooms`, for the facilitator's token only): File ▸ Share… on
this machine publishes the map there and other editors join it by `room_url`.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
from collections import Counter
from collections.abc import Callable
from concurrent.futures import Executor

from journeymapper.model.document import EditError, Journey
from journeymapper.server.addresses import default_address
from journeymapper.server.limits import Limits
from journeymapper.server.tokens import Role, Tokens
from journeymapper.server.web import WebServer
from journeymapper.sync.server import RoomServer
from journeymapper.workshop import web
from journeymapper.workshop.map_edits import ApplyEdit, record_votes
from journeymapper.workshop.session import Session, SessionConfig
from journeymapper.workshop.status import Status

log = logging.getLogger(__name__)


class Workshop:
    def __init__(
        self,
        journey: Journey,
        *,
        executor: Executor,
        apply_edit: ApplyEdit,
        bind: str | None = None,
        port: int = 0,
        config: SessionConfig | None = None,
        limits: Limits | None = None,
        tokens: Tokens | None = None,
        host_rooms: bool = False,
    ) -> None:
        self.journey = journey
        self.apply_edit = apply_edit
        self.server = WebServer(bind or default_address(), port, tokens=tokens, limits=limits)
        self.session = Session(journey, executor=executor, apply_edit=apply_edit, config=config)
        web.install(self.server, self.session)
        self.rooms: RoomServer | None = None
        self._rooms_done: concurrent.futures.Future[None] | None = None
        self._rooms_stop: asyncio.Event | None = None
        if host_rooms:
            self.rooms = RoomServer(self.server.tokens.facilitator, None, prefix="")
            facilitator, cap = frozenset({Role.FACILITATOR}), self.rooms.max_message
            self.server.mount("/rooms", self.rooms, facilitator, max_message=cap)
        self._running = False

    @property
    def running(self) -> bool:
        return self._running

    @property
    def join_url(self) -> str:
        """What participants open: the QR code and the short URL."""
        return self.server.url(Role.PARTICIPANT)

    @property
    def facilitator_url(self) -> str:
        """The facilitator page; never shown to the room."""
        return self.server.url(Role.FACILITATOR, "/facilitate")

    def room_url(self, room: str) -> str:
        """A co-editing room on this server, for the editors (the facilitator's token)."""
        if self.rooms is None:
            raise RuntimeError("this workshop hosts no co-editing rooms")
        return "ws" + self.server.url(Role.FACILITATOR, f"/rooms/{room}").removeprefix("http")

    async def _serve_rooms(self) -> None:
        assert self.rooms is not None
        self._rooms_stop = asyncio.Event()
        async with self.rooms.running():
            await self._rooms_stop.wait()

    def socket_url(self, role: Role = Role.PARTICIPANT) -> str:
        """The WebSocket the pages talk through, for scripts and tests."""
        return "ws" + self.server.url(role, "/ws").removeprefix("http")

    def start(self) -> None:
        """Listen (raises `OSError` for a taken port or a wrong address) and follow the map."""
        self.server.start()
        try:
            self.session.attach(self.server.loop)
            if self.rooms is not None:
                self._rooms_done = self.server.call(self._serve_rooms())
        except Exception:
            self.server.stop()
            raise
        self._running = True

    def stop(self, *, wait: bool = True) -> int:
        """Send every page the "session ended" page, stop serving, and record the votes of
        a round still running (on this, the map's thread). Returns the votes recorded."""
        if not self._running:
            return 0
        self._running = False
        self.session.listeners.clear()  # the host knows it stopped; tell it nothing more
        tallies: Counter[str] = Counter()
        try:
            tallies = self.server.call(self.session.end()).result(timeout=5.0)
        except Exception:
            log.exception("the workshop could not tell the pages it has ended")
        self.session.detach()
        self._stop_rooms()
        self.server.stop(timeout=5.0 if wait else 0.0)
        if not tallies:
            return 0
        try:
            return record_votes(self.journey, self.apply_edit, tallies)
        except EditError as exc:  # e.g. the host replaced its map before stopping
            log.warning("the running round's votes could not be recorded: %s", exc)
            return 0

    def _stop_rooms(self) -> None:
        """Close the co-editing rooms (their editors carry on offline) before the server."""
        stop, done = self._rooms_stop, self._rooms_done
        if stop is None or done is None:
            return
        self.server.loop.call_soon_threadsafe(stop.set)
        try:
            done.result(timeout=5.0)
        except Exception:
            log.exception("the co-editing rooms did not close cleanly")

    # ----- the facilitator's commands: from any thread, never waiting ----------------------

    def set_capture(self, stage_id: str | None, is_open: bool) -> None:
        """Open or close adding cards for one stage, or for all (`stage_id` None)."""
        self._soon(self.session.set_capture, stage_id, is_open)

    def start_round(self, votes_each: int) -> None:
        self._soon(self.session.start_round, votes_each)

    def set_votes_each(self, votes_each: int) -> None:
        self._soon(self.session.set_votes_each, votes_each)

    def end_round(self) -> None:
        if self._running:
            self.server.call(self.session.end_round())

    def start_timer(self, seconds: int) -> None:
        self._soon(self.session.start_timer, seconds)

    def stop_timer(self) -> None:
        self._soon(self.session.stop_timer)

    def on_status(self, listener: Callable[[Status], None]) -> None:
        """`listener(status)` on the server's loop thread after the room changes."""
        self.session.add_listener(listener)

    def _soon(self, function: Callable[..., object], *args: object) -> None:
        if self._running:
            self.server.loop.call_soon_threadsafe(function, *args)
