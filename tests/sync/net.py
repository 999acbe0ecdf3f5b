"""Real sockets on 127.0.0.1 for sync tests: a `journeymapper serve` process and a cuttable proxy.

The proxy forwards TCP between clients and the server; `cut()` drops every connection
and refuses new ones until `heal()`, which is what a laptop leaving the Wi-Fi does to a
WebSocket (the clients see real disconnections and reconnect with their own backoff).
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from journeymapper.model.document import Journey
from journeymapper.sync.binding import SyncBinding
from journeymapper.sync.client import RoomClient
from journeymapper.sync.session import Mode
from journeymapper.sync.urls import parse_room_url

TOKEN = "test-token-0123456789"


class ServerProcess:
    def __init__(self, store: Path, *extra: str) -> None:
        self.store = store
        self.extra = extra
        self.port = 0
        self.process: subprocess.Popen[str] | None = None

    def start(self) -> ServerProcess:
        args = [sys.executable, "-m", "journeymapper", "serve", "--store", str(self.store)]
        args += ["--token", TOKEN, "--port", str(self.port), *self.extra]
        self.process = subprocess.Popen(
            args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        assert line.startswith("ws://"), (line, self.process.stderr.read() if not line else "")
        self.port = int(line.split(":")[2].split("/")[0])
        _wait_port(self.port)
        return self

    def url(self, room: str, port: int | None = None, token: str = TOKEN) -> str:
        return f"ws://127.0.0.1:{port or self.port}/rooms/{room}?token={token}"

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 15) -> int:
        assert self.process is not None
        self.process.send_signal(sig)
        try:
            return self.process.wait(timeout)
        finally:
            self.process.stdout.close()  # type: ignore[union-attr]
            self.process.stderr.close()  # type: ignore[union-attr]

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None


def _wait_port(port: int, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.02)
    raise TimeoutError(f"nothing listens on {port}")


class Proxy:
    """A TCP relay to `target_port` that can be cut and healed."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.port = 0
        self._cut = False
        self._writers: set[asyncio.StreamWriter] = set()
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        self._ready.wait(5)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        server = self._loop.run_until_complete(asyncio.start_server(self._relay, "127.0.0.1", 0))
        self.port = server.sockets[0].getsockname()[1]
        self._ready.set()
        self._loop.run_forever()
        server.close()

    async def _relay(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self._cut:
            writer.close()
            return
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
        except OSError:
            writer.close()
            return
        self._writers |= {writer, up_writer}
        await asyncio.gather(_pipe(reader, up_writer), _pipe(up_reader, writer))
        self._writers -= {writer, up_writer}

    def cut(self) -> None:
        def drop() -> None:
            self._cut = True
            for writer in list(self._writers):
                writer.transport.abort()

        self._loop.call_soon_threadsafe(drop)

    def heal(self) -> None:
        self._loop.call_soon_threadsafe(setattr, self, "_cut", False)

    def retarget(self, port: int) -> None:
        self.target_port = port

    def close(self) -> None:
        self.cut()
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except (OSError, asyncio.IncompleteReadError):
        pass
    finally:
        writer.close()


def join(url: str, journey: Journey | None = None, name: str = "Tester") -> RoomClient:
    """A client that joins the room at `url` with a fresh document and waits until live."""
    from pycrdt import Doc

    binding = SyncBinding(journey or Journey(), Doc(), voter=f"voter-{name}")
    client = RoomClient(binding, parse_room_url(url), Mode.JOIN, name=name, backoff=(0.05, 0.5))
    client.start()
    assert client.wait_until(lambda: client.live, 20), client.reason
    return client


def settle(clients: list[RoomClient], timeout: float = 30) -> bool:
    """Bring every client in sync through the server; True when their maps are equal.

    Each client asks the server for what it lacks twice: the first answers mean the
    server has applied everything every client sent, the second that every client has
    everything the server has.
    """
    deadline = time.monotonic() + timeout
    if not all(c.wait_until(lambda c=c: c.live, timeout) for c in clients):
        return False
    for _ in range(2):
        asked = []
        for client in clients:
            client.session.ask()
            client.pump()
            asked.append(client.session.replies)
        for client, before in zip(clients, asked, strict=True):
            left = max(0.1, deadline - time.monotonic())
            if not client.wait_until(lambda c=client, n=before: c.session.replies > n, left):
                return False
    maps = [c.binding.journey.to_data() for c in clients]
    return all(m == maps[0] for m in maps)


def env_with_token() -> dict[str, str]:
    return {**os.environ, "JOURNEYMAPPER_TOKEN": TOKEN}
