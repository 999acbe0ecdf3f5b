"""The transport on its own, over real sockets on 127.0.0.1: tokens, headers, caps, mounts."""

from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack
from email.message import Message

import pytest
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.types import Receive, Scope, Send
from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.sync.client import connect

from journeymapper.server import sockets
from journeymapper.server.addresses import ALL_INTERFACES, LOOPBACK, public_host, url
from journeymapper.server.guard import CSP
from journeymapper.server.limits import Limits, TokenBucket
from journeymapper.server.sockets import Connection
from journeymapper.server.tokens import TOKEN_BYTES, Role, Tokens, same_token
from journeymapper.server.web import WebServer


class Echo:
    """A socket handler that answers in capitals, and fails on "boom"."""

    def __init__(self) -> None:
        self.closed: list[int] = []

    async def opened(self, conn: Connection) -> None:
        conn.send(json.dumps({"type": "hi", "role": str(conn.role)}))

    async def received(self, conn: Connection, text: str) -> None:
        if text == "boom":
            raise ValueError("a handler bug")
        conn.send(text.upper())

    async def closed(self, conn: Connection) -> None:
        self.closed.append(conn.id)


class Burst:
    """A batching socket's handler: "N" sends N numbered texts at once; "bye" sends one
    last text and closes the socket as the session does when it ends."""

    async def opened(self, conn: Connection) -> None:
        conn.send(json.dumps({"n": -1}))

    async def received(self, conn: Connection, text: str) -> None:
        if text == "bye":
            conn.send(json.dumps({"n": "bye"}))
            conn.close(1001, "session ended")
            return
        for n in range(int(text)):
            conn.send(json.dumps({"n": n}))

    async def closed(self, conn: Connection) -> None:
        pass


async def secret_app(scope: Scope, receive: Receive, send: Send) -> None:
    await PlainTextResponse("facilitators only")(scope, receive, send)


@pytest.fixture
def server() -> Iterator[WebServer]:
    running = WebServer(LOOPBACK, limits=Limits(max_connections=5, http_requests_per_second=20))
    running.add_route(Route("/", lambda request: PlainTextResponse("hello")))
    running.add_socket("/ws", Echo())
    running.add_socket("/batch", Burst(), batch=True)
    running.mount("/secret", secret_app, frozenset({Role.FACILITATOR}))
    running.start()
    yield running
    running.stop()
    assert not running.running


def get(address: str) -> tuple[int, Message, bytes]:
    """Status, headers (looked up without regard to case) and body."""
    try:
        with urllib.request.urlopen(address, timeout=5) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


def base(server: WebServer) -> str:
    return f"http://127.0.0.1:{server.port}"


def test_tokens_are_128_bit_random_values_compared_whole() -> None:
    tokens = Tokens()
    assert TOKEN_BYTES * 8 == 128
    assert len(tokens.participant) == 22  # base64 of 16 bytes
    assert tokens.participant != tokens.facilitator
    assert tokens.role_of(tokens.participant) is Role.PARTICIPANT
    assert tokens.role_of(tokens.facilitator) is Role.FACILITATOR
    assert tokens.role_of(tokens.participant[:-1]) is None
    assert tokens.role_of("") is None
    assert not same_token("é" * 22, tokens.participant)


def test_nothing_is_served_without_the_token(server: WebServer) -> None:
    for query in ("", "?token=", "?token=wrong", f"?token={server.tokens.participant[:-1]}x"):
        status, headers, body = get(base(server) + "/" + query)
        assert status == 403
        assert b"token" in body
        assert headers["Content-Security-Policy"] == CSP
    status, _, body = get(server.url())
    assert (status, body) == (200, b"hello")
    crowded = "&".join(f"f{i}=1" for i in range(100))  # past the parser's field cap
    assert get(f"{base(server)}/?{crowded}&token={server.tokens.participant}")[0] == 403


def test_every_response_has_the_security_headers(server: WebServer) -> None:
    _, headers, _ = get(server.url())
    assert headers["Content-Security-Policy"] == CSP
    assert "script-src 'self'" in CSP
    assert "unsafe-inline" not in CSP
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Cache-Control"] == "no-store"
    assert "Server" not in headers


def test_a_bearer_header_is_a_token_too(server: WebServer) -> None:
    request = urllib.request.Request(
        base(server) + "/", headers={"Authorization": f"Bearer {server.tokens.participant}"}
    )
    with urllib.request.urlopen(request, timeout=5) as response:
        assert response.read() == b"hello"


def test_a_mount_can_be_kept_for_the_facilitator(server: WebServer) -> None:
    assert get(server.url(Role.PARTICIPANT, "/secret/"))[0] == 403
    status, _, body = get(server.url(Role.FACILITATOR, "/secret/"))
    assert (status, body) == (200, b"facilitators only")


def test_sockets_need_the_token_and_a_same_site_origin(server: WebServer) -> None:
    socket_url = f"ws://127.0.0.1:{server.port}/ws"
    with pytest.raises(InvalidStatus) as refused:
        connect(socket_url + "?token=nope", open_timeout=5)
    assert refused.value.response.status_code == 403
    with pytest.raises(InvalidStatus):
        connect(
            f"{socket_url}?token={server.tokens.participant}",
            origin="http://evil.example",  # type: ignore[arg-type]
            open_timeout=5,
        )
    with connect(f"{socket_url}?token={server.tokens.facilitator}", open_timeout=5) as ws:
        assert json.loads(ws.recv(timeout=5)) == {"type": "hi", "role": "facilitator"}
        ws.send("abc")
        assert ws.recv(timeout=5) == "ABC"


def test_a_failing_handler_answers_with_an_error_and_keeps_the_socket(server: WebServer) -> None:
    with connect(f"ws://127.0.0.1:{server.port}/ws?token={server.tokens.participant}") as ws:
        ws.recv(timeout=5)
        ws.send("boom")
        assert json.loads(ws.recv(timeout=5))["type"] == "error"
        ws.send("still here")
        assert ws.recv(timeout=5) == "STILL HERE"


def test_the_server_has_a_connection_cap(server: WebServer) -> None:
    address = f"ws://127.0.0.1:{server.port}/ws?token={server.tokens.participant}"
    with ExitStack() as stack:
        for _ in range(5):
            stack.enter_context(connect(address, open_timeout=5)).recv(timeout=5)
        with connect(address, open_timeout=5) as extra, pytest.raises(ConnectionClosed) as closed:
            extra.recv(timeout=5)
    assert closed.value.rcvd is not None
    assert closed.value.rcvd.code == 1013


def test_an_address_flooding_with_requests_is_slowed_down(server: WebServer) -> None:
    statuses = [get(server.url())[0] for _ in range(150)]
    assert 429 in statuses
    assert statuses[:50] == [200] * 50  # a burst is served


def test_the_token_bucket_allows_a_burst_then_the_rate() -> None:
    now = [0.0]
    bucket = TokenBucket(rate=10, burst=5, clock=lambda: now[0])
    assert [bucket.take() for _ in range(6)] == [True] * 5 + [False]
    now[0] += 0.25  # 2.5 tokens back
    assert [bucket.take() for _ in range(3)] == [True, True, False]
    now[0] += 100
    assert sum(bucket.take() for _ in range(10)) == 5  # never more than the burst


def test_urls_for_people_to_type() -> None:
    assert public_host("192.168.1.20") == "192.168.1.20"
    assert public_host("::1") == "[::1]"
    assert public_host(ALL_INTERFACES) != ALL_INTERFACES  # the laptop's own address instead
    assert url("10.0.0.2", 8765, "/", "abc_-") == "http://10.0.0.2:8765/?token=abc_-"


def test_start_fails_at_once_on_a_taken_port(server: WebServer) -> None:
    second = WebServer(LOOPBACK, server.port)
    with pytest.raises(OSError):
        second.start()


def test_stop_ends_the_thread_and_frees_the_port() -> None:
    running = WebServer(LOOPBACK)
    running.start()
    port = running.port
    running.stop()
    assert not running.running
    again = WebServer(LOOPBACK, port)
    again.start()
    again.stop()


def _messages(frame: str | bytes) -> list[object]:
    data = json.loads(frame)
    return [m["n"] for m in (data if isinstance(data, list) else [data])]


def test_a_burst_goes_out_in_few_frames_each_text_once(server: WebServer) -> None:
    with connect(f"ws://127.0.0.1:{server.port}/batch?token={server.tokens.participant}") as ws:
        assert _messages(ws.recv(timeout=5)) == [-1]
        ws.send("300")
        got: list[object] = []
        frames = 0
        while len(got) < 300:
            got += _messages(ws.recv(timeout=5))
            frames += 1
        assert got == list(range(300))  # in order, none lost, none twice
        assert frames <= 3  # queued texts share a frame (at most MAX_BATCH of them)
        ws.send("1")
        assert _messages(ws.recv(timeout=5)) == [0]  # a lone text still goes out alone


def test_closing_does_not_wait_for_the_gap_between_frames(
    server: WebServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sockets, "FRAME_GAP", 60.0)  # a gap the test would wait out
    with connect(f"ws://127.0.0.1:{server.port}/batch?token={server.tokens.participant}") as ws:
        ws.recv(timeout=5)
        ws.send("bye")  # right after a frame: the writer is in its gap
        assert _messages(ws.recv(timeout=5)) == ["bye"]
        with pytest.raises(ConnectionClosed) as closed:
            ws.recv(timeout=5)
    assert closed.value.rcvd is not None
    assert closed.value.rcvd.code == 1001


def test_frames_are_not_compressed(server: WebServer) -> None:
    """No permessage-deflate: compressing every small frame of a broadcast cost the
    laptop more CPU than anything else the server did (and the network is the room's)."""
    address = f"ws://127.0.0.1:{server.port}/ws?token={server.tokens.participant}"
    with connect(address) as ws:  # the client offers permessage-deflate by default
        ws.recv(timeout=5)
        assert ws.response is not None
        assert "Sec-WebSocket-Extensions" not in ws.response.headers
        assert not ws.protocol.extensions


def test_the_log_never_shows_a_token(server: WebServer, caplog: pytest.LogCaptureFixture) -> None:
    """uvicorn logs every socket's path and query at INFO (the editor's terminal shows
    INFO): the line stays, the tokens in it do not."""
    caplog.set_level(logging.DEBUG)
    token = server.tokens.facilitator
    with connect(f"ws://127.0.0.1:{server.port}/ws?token={token}", open_timeout=5) as ws:
        ws.recv(timeout=5)
    with pytest.raises(InvalidStatus):
        connect(f"ws://127.0.0.1:{server.port}/ws?token=guessed{token}", open_timeout=5)
    get(base(server) + f"/?token={token}")
    accepted = [r.getMessage() for r in caplog.records if "[accepted]" in r.getMessage()]
    assert len(accepted) == 1
    assert accepted[0].endswith(' - "WebSocket /ws?token=[hidden]" [accepted]')
    assert not [r for r in caplog.records if token in r.getMessage()]
