"""Test helpers: a running workshop on 127.0.0.1 and a plain WebSocket participant.

The map lives on a one-thread pool (the "map thread", as in `journeymapper host`);
tests read it through `on_map`, never directly. Every wait is bounded.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any, TypeVar
from urllib.parse import parse_qs, urlsplit

from websockets.sync.client import ClientConnection, connect

from journeymapper.model.document import Journey
from journeymapper.server.limits import Limits
from journeymapper.workshop.service import Workshop
from journeymapper.workshop.session import SessionConfig

T = TypeVar("T")
WAIT = 5.0


class Host:
    """A started `Workshop` and its map thread."""

    def __init__(self, workshop: Workshop, executor: ThreadPoolExecutor) -> None:
        self.workshop = workshop
        self.executor = executor

    @property
    def journey(self) -> Journey:
        return self.workshop.journey

    def on_map(self, function: Callable[[Journey], T]) -> T:
        return self.executor.submit(function, self.journey).result(WAIT)

    def socket_url(self, facilitator: bool = False) -> str:
        url = self.workshop.facilitator_url if facilitator else self.workshop.join_url
        return ws_url(url)


def ws_url(page_url: str) -> str:
    parts = urlsplit(page_url)
    token = parse_qs(parts.query)["token"][0]
    return f"ws://{parts.netloc}/ws?token={token}"


@contextmanager
def hosting(
    journey: Journey,
    config: SessionConfig | None = None,
    limits: Limits | None = None,
    apply_edit: Callable[[Any], object] | None = None,
    host_rooms: bool = False,
) -> Iterator[Host]:
    executor = ThreadPoolExecutor(1, thread_name_prefix="test-map")
    workshop = Workshop(
        journey,
        executor=executor,
        apply_edit=apply_edit or journey.apply,
        bind="127.0.0.1",
        config=config,
        limits=limits,
        host_rooms=host_rooms,
    )
    executor.submit(workshop.start).result(WAIT)
    try:
        yield Host(workshop, executor)
    finally:
        executor.submit(workshop.stop).result(WAIT * 2)
        executor.shutdown()


class Client:
    """One page's socket, speaking the protocol by hand."""

    def __init__(self, url: str, client: str | None = None) -> None:
        self.url = url
        self.client = client or secrets.token_hex(16)
        opened = connect(url, open_timeout=WAIT, close_timeout=1)
        self.ws: ClientConnection = opened.__enter__()  # closed in `close`
        self.seen: list[dict[str, Any]] = []
        self._rest: list[dict[str, Any]] = []

    def hello(self, name: str = "") -> dict[str, Any]:
        self.send({"type": "hello", "client": self.client, "name": name})
        return self.wait("welcome")

    def send(self, message: dict[str, Any] | str) -> None:
        self.ws.send(message if isinstance(message, str) else json.dumps(message))

    def change(self, kind: str, key: str | None = None, **fields: Any) -> str:
        key = key or secrets.token_hex(8)
        self.send({"type": kind, "key": key, **fields})
        return key

    def ack(self, key: str) -> dict[str, Any]:
        return self.wait("ack", lambda m: m["key"] == key)

    def do(self, kind: str, **fields: Any) -> dict[str, Any]:
        """Send a change and return its acknowledgement."""
        return self.ack(self.change(kind, **fields))

    def wait(
        self,
        kind: str,
        match: Callable[[dict[str, Any]], bool] = lambda m: True,
        timeout: float = WAIT,
    ) -> dict[str, Any]:
        """The first message of `kind` matching `match`, from those seen or still to come."""
        for message in self.seen:
            if message["type"] == kind and match(message):
                self.seen.remove(message)
                return message
        while True:
            for message in self.receive(timeout):
                if message["type"] == kind and match(message):
                    self.seen.extend(self._rest)
                    return message
                self.seen.append(message)

    def receive(self, timeout: float = WAIT) -> Iterator[dict[str, Any]]:
        """The messages of the next frame (a batch of queued messages is a JSON array)."""
        data = json.loads(self.ws.recv(timeout=timeout))
        batch = data if isinstance(data, list) else [data]
        self._rest = []
        for i, message in enumerate(batch):
            self._rest = batch[i + 1 :]
            yield message
        self._rest = []

    def drain(self, quiet: float = 0.3) -> list[dict[str, Any]]:
        """Everything that arrives until nothing has for `quiet` seconds."""
        got = list(self.seen)
        self.seen.clear()
        try:
            while True:
                got.extend(self.receive(quiet))
        except TimeoutError:
            return got

    def close(self) -> None:
        self.ws.close()


def names_on_map(host: Host) -> list[str]:
    return host.on_map(lambda j: sorted(tp.name for tp in j.touchpoints()))
