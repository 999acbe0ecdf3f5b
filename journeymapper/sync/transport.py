"""The WebSocket connection to a room, on a thread of its own, reconnecting by itself.

The editor's UI thread never waits on the network: this thread connects (with
exponential backoff and jitter between attempts, as y-websocket's provider does),
reads messages and hands each to `on_event`, and sends what `send` queues. A refused
handshake (HTTP 401/403/404: a wrong token, no such room) is final and reported as such.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import InvalidStatus, WebSocketException

log = logging.getLogger(__name__)

MAX_MESSAGE = 64 * 1024 * 1024


@dataclass(frozen=True)
class Event:
    kind: str  # "connected", "message", "disconnected", "refused"
    data: bytes = b""
    reason: str = ""


class Transport:
    def __init__(
        self,
        url: str,
        on_event: Callable[[Event], None],
        *,
        backoff: tuple[float, float] = (0.25, 5.0),
        open_timeout: float = 5.0,
        max_message: int = MAX_MESSAGE,
    ) -> None:
        self.url = url
        self.on_event = on_event
        self.backoff = backoff
        self.open_timeout = open_timeout
        self.max_message = max_message
        self._loop: asyncio.AbstractEventLoop | None = None
        self._queue: asyncio.Queue[bytes] | None = None
        self._stop: asyncio.Event | None = None
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="journeymapper-sync", daemon=True)

    def start(self) -> None:
        self._thread.start()
        self._ready.wait(5)

    def send(self, messages: list[bytes]) -> None:
        """Queue messages for the server (thread-safe); dropped while disconnected."""
        if self._loop is None or self._queue is None or not messages:
            return
        queue = self._queue
        try:
            for message in messages:
                self._loop.call_soon_threadsafe(queue.put_nowait, message)
        except RuntimeError:  # the loop has ended (refused, stopped)
            pass

    def stop(self, timeout: float = 5.0) -> None:
        if self._loop is not None and self._stop is not None and self.alive:
            with contextlib.suppress(RuntimeError):  # the loop ended meanwhile
                self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(timeout)

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    # ----- the network thread -------------------------------------------------------

    def _run(self) -> None:
        asyncio.run(self._main())

    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        self._ready.set()
        delay = self.backoff[0]
        while not self._stop.is_set():
            self._queue = asyncio.Queue()
            try:
                async with connect(
                    self.url,
                    open_timeout=self.open_timeout,
                    max_size=self.max_message,
                    ping_interval=10,
                    ping_timeout=10,
                    compression=None,
                    proxy=None,
                ) as ws:
                    delay = self.backoff[0]
                    self.on_event(Event("connected"))
                    reason = await self._serve(ws)
            except InvalidStatus as exc:
                status = exc.response.status_code
                if status in (401, 403, 404):
                    self.on_event(Event("refused", reason=_refusal(status)))
                    return
                reason = f"the server answered HTTP {status}"
            except (OSError, WebSocketException, TimeoutError) as exc:
                reason = _why(exc)
            self.on_event(Event("disconnected", reason=reason))
            if self._stop.is_set():
                return
            await self._pause(delay)
            delay = min(delay * 2, self.backoff[1])

    async def _serve(self, ws: ClientConnection) -> str:
        assert self._stop is not None
        reader = asyncio.create_task(self._read(ws))
        writer = asyncio.create_task(self._write(ws))
        stopper = asyncio.create_task(self._stop.wait())
        done, pending = await asyncio.wait(
            {reader, writer, stopper}, return_when=asyncio.FIRST_COMPLETED
        )
        for task in pending:
            task.cancel()
        if stopper in done:
            await self._drain(ws)
            await ws.close()
            return "closed"
        for task in done:
            exc = task.exception()
            if exc is not None:
                return _why(exc)
        return f"the server closed the connection ({ws.close_code or 'no code'})"

    async def _read(self, ws: ClientConnection) -> None:
        async for message in ws:
            if isinstance(message, bytes):
                self.on_event(Event("message", message))

    async def _write(self, ws: ClientConnection) -> None:
        assert self._queue is not None
        while True:
            await ws.send(await self._queue.get())

    async def _drain(self, ws: ClientConnection) -> None:
        """Send what is queued before closing (a goodbye, the last edits)."""
        assert self._queue is not None
        try:
            while not self._queue.empty():
                await asyncio.wait_for(ws.send(self._queue.get_nowait()), 2)
        except (WebSocketException, OSError, TimeoutError):
            pass

    async def _pause(self, delay: float) -> None:
        assert self._stop is not None
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stop.wait(), delay * random.uniform(0.8, 1.2))


def _refusal(status: int) -> str:
    if status == 404:
        return "the server has no such room (HTTP 404)"
    return f"the server refused the token (HTTP {status})"


def _why(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) < 200 else text[:199] + "…"
