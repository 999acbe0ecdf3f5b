"""One WebSocket connection: a reading loop with caps and a writing task with a queue.

The session logic sees a `Connection` (send a text, close) and implements
`SocketHandler`; it never touches the ASGI socket. Sends are queued, never awaited, so
a broadcast to 200 phones costs 200 queue puts and one slow phone delays no one (its
queue fills and it is dropped). A batching socket sends what queued up meanwhile as
one frame, and at most one frame every `FRAME_GAP` seconds: a lone message leaves at
once, a burst in a few frames (a frame costs the laptop's CPU far more than its bytes).
Each received text has passed the size cap and the connection's rate limit; a handler
that raises gets the sender an error reply, and the server and the others carry on.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
from typing import Protocol

from starlette.websockets import WebSocket, WebSocketDisconnect

from journeymapper.server.guard import role_of
from journeymapper.server.limits import Limits, TokenBucket
from journeymapper.server.tokens import Role

log = logging.getLogger(__name__)

CLOSE_NORMAL = 1000
CLOSE_GOING_AWAY = 1001  # the session ended
CLOSE_POLICY = 1008  # flooding, or a message the session will not take
CLOSE_TOO_BIG = 1009
CLOSE_TRY_LATER = 1013  # the server is full

MAX_BATCH = 256  # queued messages sent as one frame (a JSON array) to a batching socket
FRAME_GAP = 0.025  # seconds a batching socket waits after a frame, gathering the next one

_ids = itertools.count(1)


def error_text(message: str, **extra: object) -> str:
    """The one error reply of the protocol: `{"type": "error", "message": …}`."""
    return json.dumps({"type": "error", "message": message, **extra}, ensure_ascii=False)


class Connection:
    """An open socket as the session sees it. Safe to use from the server's loop only."""

    def __init__(self, role: Role, address: str, queue_size: int, batch: bool = False) -> None:
        self.id = next(_ids)
        self.batch = batch
        self.role = role
        self.address = address
        self._queue: asyncio.Queue[str | None] = asyncio.Queue(queue_size)
        self._close: tuple[int, str] | None = None
        self._pause: asyncio.Future[None] | None = None  # the writer's wait between frames

    @property
    def open(self) -> bool:
        return self._close is None

    def send(self, text: str) -> None:
        """Queue `text`; a reader too slow to keep up with its queue is disconnected."""
        if self._close is not None:
            return
        try:
            self._queue.put_nowait(text)
        except asyncio.QueueFull:
            log.info("connection %s dropped: it reads too slowly", self.id)
            self.close(CLOSE_TRY_LATER, "too slow")

    def close(self, code: int = CLOSE_NORMAL, reason: str = "") -> None:
        """Close after what is queued has been sent (all of it, unless the queue is full)."""
        if self._close is not None:
            return
        self._close = (code, reason[:120])
        if self._pause is not None:
            _finish(self._pause)  # the last frame and the close go out now
        if self._queue.full():
            while not self._queue.empty():
                self._queue.get_nowait()
        self._queue.put_nowait(None)

    async def write(self, websocket: WebSocket) -> None:
        """Send the queue until `close`; then close the socket with its code."""
        try:
            while (text := await self._queue.get()) is not None:
                texts: list[str | None] = [text]
                while self.batch and len(texts) < MAX_BATCH and not self._queue.empty():
                    texts.append(self._queue.get_nowait())
                closing = texts[-1] is None
                sent = [t for t in texts if t is not None]
                await websocket.send_text(sent[0] if len(sent) == 1 else f"[{','.join(sent)}]")
                if closing:
                    break
                if self.batch:  # a burst (60 cards, each told to 60 phones) goes out in a
                    await self._gap()  # few frames a phone, not one a card
            code, reason = self._close or (CLOSE_NORMAL, "")
            await websocket.close(code, reason)
        except (WebSocketDisconnect, RuntimeError, OSError):
            pass  # the peer went away first

    async def _gap(self) -> None:
        """Wait `FRAME_GAP` seconds, or until `close`."""
        loop = asyncio.get_running_loop()
        self._pause = pause = loop.create_future()
        timer = loop.call_later(FRAME_GAP, _finish, pause)
        try:
            await pause
        finally:
            timer.cancel()
            self._pause = None


def _finish(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)


class SocketHandler(Protocol):
    """What a WebSocket route serves: the session logic, or another feature's."""

    async def opened(self, conn: Connection) -> None: ...
    async def received(self, conn: Connection, text: str) -> None: ...
    async def closed(self, conn: Connection) -> None: ...


class Gate:
    """Counts the sockets open on one server against `Limits.max_connections`."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.open = 0

    async def serve(self, websocket: WebSocket, handler: SocketHandler, batch: bool) -> None:
        if self.open >= self.limits.max_connections:
            await websocket.accept()
            await websocket.close(CLOSE_TRY_LATER, "The workshop is full.")
            return
        self.open += 1
        try:
            await _serve(websocket, handler, self.limits, batch)
        finally:
            self.open -= 1


async def _serve(websocket: WebSocket, handler: SocketHandler, limits: Limits, batch: bool) -> None:
    await websocket.accept()
    client = websocket.client
    address = client.host if client else "?"
    conn = Connection(role_of(websocket.scope), address, limits.send_queue, batch)
    writer = asyncio.create_task(conn.write(websocket))
    try:
        await handler.opened(conn)
        await _read(websocket, conn, handler, limits)
    except (WebSocketDisconnect, RuntimeError):
        pass  # the peer went away mid-receive
    finally:
        conn.close(CLOSE_NORMAL)
        try:
            await handler.closed(conn)
        finally:
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(writer, 2.0)


async def _read(
    websocket: WebSocket, conn: Connection, handler: SocketHandler, limits: Limits
) -> None:
    bucket = TokenBucket(limits.messages_per_second, limits.burst)
    strikes = 0
    while conn.open:
        message = await websocket.receive()
        if message["type"] == "websocket.disconnect":
            return
        text = message.get("text")
        if text is None:
            conn.send(error_text("Send text messages (JSON), not binary ones."))
            continue
        if len(text.encode("utf-8", "replace")) > limits.max_message_bytes:
            conn.close(CLOSE_TOO_BIG, "message too large")
            return
        if not bucket.take():
            strikes += 1
            if strikes >= limits.strikes_before_close:
                conn.close(CLOSE_POLICY, "too many messages")
                return
            conn.send(error_text("Too many messages at once; slow down.", rate=True))
            continue
        try:
            await handler.received(conn, text)
        except Exception:
            log.exception("a message on connection %s could not be handled", conn.id)
            conn.send(error_text("The server could not handle that message."))
