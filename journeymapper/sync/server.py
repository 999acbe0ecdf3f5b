"""The team server as an ASGI app: token-protected rooms, one per map, with size and rate caps.

`RoomServer` answers WebSocket connections on `{prefix}/{room}?token=…` (y-websocket's
`serverUrl/room?params`). A missing or wrong token (compared in constant time) or a bad
room name is refused before the WebSocket is accepted (HTTP 403). Every message is
checked before the room sees it (`protocol.parse`): one that does not decode, is larger
than the cap, or comes faster than the rate limit closes that peer's socket (1007, 1009,
1008) and nothing else. Mount it in a Starlette app (`Mount("/rooms", app=server)`, with
`prefix=""`) and run `server.running()` in that app's lifespan, or run it alone with
`journeymapper serve`.
"""

from __future__ import annotations

import hmac
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager, suppress
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import anyio

from journeymapper.sync import protocol
from journeymapper.sync.rooms import StoredRooms
from journeymapper.sync.state import DecodeError
from journeymapper.sync.urls import ROOM_PATTERN

log = logging.getLogger(__name__)

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]

MAX_MESSAGE = 32 * 1024 * 1024
RATE = 200.0  # messages per second per connection, sustained
BURST = 2000.0
MAX_PEERS_PER_ROOM = 200


class RoomServer:
    def __init__(
        self,
        token: str,
        store_dir: Path | None = None,
        *,
        prefix: str = "/rooms",
        max_message: int = MAX_MESSAGE,
        rate: float = RATE,
        burst: float = BURST,
    ) -> None:
        if not token:
            raise ValueError("a room server needs a token")
        self.token = token
        self.prefix = prefix.rstrip("/")
        self.max_message = max_message
        self.rate, self.burst = rate, burst
        self.rooms = StoredRooms(store_dir)
        self._peers: dict[str, int] = {}
        self._group: Any = None

    @asynccontextmanager
    async def running(self) -> AsyncIterator[RoomServer]:
        """Serve rooms while the block runs; on exit every update is written to the store."""
        stopping = anyio.Event()
        async with anyio.create_task_group() as group:
            await group.start(self._run_rooms, stopping)
            try:
                yield self
            finally:
                await self.rooms.close_rooms()
                stopping.set()

    async def _run_rooms(self, stopping: anyio.Event, *, task_status: Any) -> None:
        async with self.rooms:
            task_status.started()
            await stopping.wait()

    # ----- ASGI ----------------------------------------------------------------------

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
        elif scope["type"] == "websocket":
            await self._websocket(scope, receive, send)
        elif scope["type"] == "http":
            await _text(send, 200 if _path(scope) in ("", "/") else 404, "JourneyMapper rooms\n")

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        message = await receive()
        if message["type"] != "lifespan.startup":
            return
        async with self.running():
            await send({"type": "lifespan.startup.complete"})
            while (await receive())["type"] != "lifespan.shutdown":
                pass
        await send({"type": "lifespan.shutdown.complete"})

    async def _websocket(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (await receive())["type"] != "websocket.connect":
            return
        room = self._room_of(scope)
        if room is None or not self._token_ok(scope):
            log.info("refused a connection to %r", room)
            await send({"type": "websocket.close", "code": 1008})
            return
        if self._peers.get(room, 0) >= MAX_PEERS_PER_ROOM:
            await send({"type": "websocket.close", "code": 1013})
            return
        await send({"type": "websocket.accept"})
        self._peers[room] = self._peers.get(room, 0) + 1
        try:
            await self.rooms.serve(Peer(room, receive, send, self))
        finally:
            self._peers[room] -= 1

    def _room_of(self, scope: Scope) -> str | None:
        path = _path(scope)
        if self.prefix:
            if not path.startswith(self.prefix + "/"):
                return None
            path = path[len(self.prefix) :]
        name = path.strip("/")
        return name if ROOM_PATTERN.match(name) else None

    def _token_ok(self, scope: Scope) -> bool:
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        given = query.get("token", [""])[0]
        return hmac.compare_digest(given.encode("utf-8", "replace"), self.token.encode())


def _path(scope: Scope) -> str:
    path: str = scope.get("path", "")
    root: str = scope.get("root_path", "")
    return path[len(root) :] if root and path.startswith(root) else path


async def _text(send: Send, status: int, body: str) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"text/plain; charset=utf-8")],
        }
    )
    await send({"type": "http.response.body", "body": body.encode()})


class Peer:
    """One client's socket as pycrdt-websocket's `Channel`, checking what it receives."""

    def __init__(self, room: str, receive: Receive, send: Send, server: RoomServer) -> None:
        self._room = room
        self._receive = receive
        self._send = send
        self._server = server
        self._allowance = server.burst
        self._last = time.monotonic()
        self._closed = False

    @property
    def path(self) -> str:
        return self._room

    def __aiter__(self) -> Peer:
        return self

    async def __anext__(self) -> bytes:
        return await self.recv()

    async def send(self, message: bytes) -> None:
        if self._closed:
            return
        try:
            await self._send({"type": "websocket.send", "bytes": message})
        except (OSError, RuntimeError):
            self._closed = True

    async def recv(self) -> bytes:
        """The next message that passes the checks; `StopAsyncIteration` once closed.

        (That is how pycrdt's own ASGI channel ends: the room's `async for` stops.)
        """
        while True:
            event = await self._receive()
            if event["type"] == "websocket.disconnect":
                self._closed = True
                raise StopAsyncIteration
            if event["type"] != "websocket.receive":
                continue
            data: bytes | None = event.get("bytes")
            refusal = self._check(data)
            if refusal is None:
                assert data is not None
                return data
            code, why = refusal
            log.warning("closed a peer of room %s: %s", self._room, why)
            await self._close(code, why)
            raise StopAsyncIteration

    def _check(self, data: bytes | None) -> tuple[int, str] | None:
        if data is None:
            return 1003, "text messages are not part of the protocol"
        if len(data) > self._server.max_message:
            return 1009, f"message of {len(data)} bytes is over the cap"
        now = time.monotonic()
        self._allowance = min(
            self._server.burst, self._allowance + (now - self._last) * self._server.rate
        )
        self._last = now
        if self._allowance < 1:
            return 1008, "too many messages"
        self._allowance -= 1
        try:
            protocol.parse(data)
        except DecodeError as exc:
            return 1007, f"undecodable message ({exc})"
        return None

    async def _close(self, code: int, reason: str) -> None:
        self._closed = True
        with suppress(OSError, RuntimeError):
            await self._send({"type": "websocket.close", "code": code, "reason": reason[:120]})
