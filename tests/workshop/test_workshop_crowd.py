"""Many plain WebSocket clients at once, and hostile ones: the server and the room carry on."""

from __future__ import annotations

import asyncio
import json
import secrets
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from tests.sample import clothing_store
from tests.workshop.wsclient import Client, Host, hosting, names_on_map

PEOPLE = 60
VOTES_EACH = 3
TAPS = 4  # each person taps each of their cards twice in quick succession: 8 taps for 3 votes


@pytest.fixture
def host() -> Iterator[Host]:
    with hosting(clothing_store()) as running:
        yield running


async def _join(url: str) -> ClientConnection:
    ws = await connect(url, open_timeout=10, max_queue=None)
    await ws.send(json.dumps({"type": "hello", "client": secrets.token_hex(16), "name": ""}))
    return ws


async def _double_tap(ws: ClientConnection, cards: list[str]) -> Counter[bool]:
    """Send every tap without waiting, then count the acknowledgements."""
    keys = []
    for i in range(TAPS):
        for _ in range(2):
            key = secrets.token_hex(8)
            keys.append(key)
            await ws.send(json.dumps({"type": "vote", "key": key, "card": cards[i % len(cards)]}))
    replies: Counter[bool] = Counter()
    pending = set(keys)
    async with asyncio.timeout(20):
        while pending:
            data = json.loads(await ws.recv())
            for message in data if isinstance(data, list) else [data]:
                if message["type"] == "ack" and message["key"] in pending:
                    pending.discard(message["key"])
                    replies[message["ok"]] += 1
    return replies


async def _crowd(url: str, cards: list[str]) -> list[Counter[bool]]:
    people = await asyncio.gather(*(_join(url) for _ in range(PEOPLE)))
    try:
        return list(await asyncio.gather(*(_double_tap(ws, cards) for ws in people)))
    finally:
        await asyncio.gather(*(ws.close() for ws in people))


def test_sixty_people_double_tapping_never_exceed_the_limit_nor_lose_a_vote(host: Host) -> None:
    cards = host.on_map(lambda j: sorted(tp.id for tp in j.touchpoints()))[:5]
    before = host.on_map(lambda j: sum(j.touchpoint(c).votes for c in cards))
    facilitator = Client(host.socket_url(facilitator=True))
    facilitator.hello()
    assert facilitator.do("round_start", votes=VOTES_EACH)["ok"]
    replies = asyncio.run(_crowd(host.socket_url(), cards))
    assert all(r == Counter({True: VOTES_EACH, False: 2 * TAPS - VOTES_EACH}) for r in replies)
    room = facilitator.wait("room", lambda m: m["cast"] == PEOPLE * VOTES_EACH)
    assert all(p["used"] == VOTES_EACH for p in room["people"])
    assert facilitator.do("round_end")["ok"]
    results = facilitator.wait("results", lambda m: m["total"] > 0)
    assert results["total"] == PEOPLE * VOTES_EACH
    after = host.on_map(lambda j: sum(j.touchpoint(c).votes for c in cards))
    assert after - before == PEOPLE * VOTES_EACH


def until_closed(client: Client) -> tuple[list[dict[str, Any]], ConnectionClosed]:
    """Everything the server sent until it closed the socket, and how it closed it."""
    received: list[dict[str, Any]] = []
    while True:
        try:
            received.extend(client.receive(3))
        except ConnectionClosed as closed:
            return received, closed


def _still_serving(host: Host, name: str) -> None:
    """A well-behaved participant can still add a card that reaches the map."""
    friend = Client(host.socket_url())
    friend.hello()
    assert friend.do("add", stage="purchase", name=name)["ok"]
    assert name in names_on_map(host)
    friend.close()


@pytest.mark.parametrize(
    ("hostile", "sentence"),
    [
        ("{not json", "That message is not valid JSON."),
        (json.dumps({"type": "launch"}), "Unknown message type."),
        (json.dumps([1, 2, 3]), "A message must be a JSON object."),
        ("[" * 5000 + "]" * 5000, None),
        (json.dumps({"type": "add", "key": "k" * 8, "stage": "purchase", "name": 5}), "name"),
        (json.dumps({"type": "vote", "key": "x" * 500, "card": "a"}), "key"),
        (
            json.dumps({"type": "add", "key": "k" * 8, "stage": "purchase", "name": "a", "x": 1}),
            "x",
        ),
    ],
)
def test_a_bad_message_gets_an_error_and_the_room_carries_on(
    host: Host, hostile: str, sentence: str | None
) -> None:
    bystander = Client(host.socket_url())
    bystander.hello()
    mallory = Client(host.socket_url())
    mallory.hello()
    mallory.send(hostile)
    error = mallory.wait("error")
    assert sentence is None or sentence in error["message"]
    mallory.send({"type": "ping"})
    assert mallory.wait("pong")  # the socket is still open
    _still_serving(host, "After a bad message")
    assert bystander.wait("card", lambda m: m["card"]["name"] == "After a bad message")


def test_a_message_before_hello_is_refused(host: Host) -> None:
    stranger = Client(host.socket_url())
    stranger.change("add", stage="purchase", name="Sneaky")
    assert stranger.wait("error")["message"] == "Say hello first."
    assert "Sneaky" not in names_on_map(host)


def test_an_oversized_message_closes_that_socket_only(host: Host) -> None:
    bystander = Client(host.socket_url())
    bystander.hello()
    mallory = Client(host.socket_url())
    mallory.hello()
    mallory.send(
        json.dumps({"type": "add", "key": "k" * 8, "stage": "purchase", "name": "x" * 20_000})
    )
    with pytest.raises(ConnectionClosed) as closed:
        mallory.wait("never", timeout=3)
    assert closed.value.rcvd is not None
    assert closed.value.rcvd.code == 1009
    _still_serving(host, "After an oversized message")
    bystander.send({"type": "ping"})
    assert bystander.wait("pong")


def test_flooding_is_refused_then_disconnected(host: Host) -> None:
    bystander = Client(host.socket_url())
    bystander.hello()
    mallory = Client(host.socket_url())
    mallory.hello()
    try:
        for _ in range(2_000):
            mallory.send({"type": "ping"})
    except ConnectionClosed:
        pass  # closed by the server while still sending
    received, closed = until_closed(mallory)  # what came before the close is still read
    assert closed.rcvd is not None
    assert closed.rcvd.code == 1008
    slowed = [m for m in received if m["type"] == "error"]
    assert slowed
    assert all(m["rate"] is True for m in slowed)
    assert sum(m["type"] == "pong" for m in received) >= 30  # the burst was answered
    _still_serving(host, "After a flood")


def test_a_stream_of_bad_messages_ends_with_a_closed_socket(host: Host) -> None:
    mallory = Client(host.socket_url())
    mallory.hello()
    for _ in range(60):
        mallory.send("nonsense")
    received, closed = until_closed(mallory)
    assert closed.rcvd is not None
    assert closed.rcvd.code == 1008
    assert all(m["type"] == "error" for m in received)
    _still_serving(host, "After nonsense")


def test_binary_frames_are_refused(host: Host) -> None:
    mallory = Client(host.socket_url())
    mallory.hello()
    mallory.ws.send(b"\x00\x01binary")
    assert "text" in mallory.wait("error")["message"]
    _still_serving(host, "After binary")
