"""The team server over real sockets: push, pull, tokens, caps, hostile peers, SIGTERM."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

from journeymapper.cli.main import main
from journeymapper.io.journey_file import load_journey, read_data
from journeymapper.model.edits import UpdateTouchpoint
from tests.sync.net import ServerProcess, join, settle

EXAMPLE = Path(__file__).parents[2] / "examples" / "online-clothing-store.journey"


@pytest.fixture
def server(tmp_path: Path):  # type: ignore[no-untyped-def]
    process = ServerProcess(tmp_path / "store", "--max-update-mb", "1").start()
    yield process
    if process.alive():
        process.stop()


def test_push_then_pull_gives_the_same_map(server: ServerProcess, tmp_path: Path) -> None:
    assert main(["room", "push", str(EXAMPLE), server.url("store-map")]) == 0
    out = tmp_path / "pulled.journey"
    assert main(["room", "pull", server.url("store-map"), "-o", str(out)]) == 0
    assert read_data(out) == read_data(EXAMPLE)


def test_push_refuses_a_room_holding_a_map_without_force(
    server: ServerProcess, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = Path(__file__).parents[2] / "examples" / "hotel-booking-online.journey"
    assert main(["room", "push", str(EXAMPLE), server.url("r")]) == 0
    assert main(["room", "push", str(other), server.url("r")]) == 1
    assert "already holds another map" in capsys.readouterr().err
    assert main(["room", "push", str(other), server.url("r"), "--force"]) == 0
    out = tmp_path / "now.journey"
    assert main(["room", "pull", server.url("r"), "-o", str(out)]) == 0
    assert read_data(out) == read_data(other)


def test_a_wrong_token_is_refused_with_a_clear_message(
    server: ServerProcess, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = server.url("r", token="not-the-token")
    assert main(["room", "pull", url, "-o", str(tmp_path / "x.journey")]) == 1
    assert "refused the token (HTTP 403)" in capsys.readouterr().err
    assert not (tmp_path / "x.journey").exists()


def test_pulling_an_empty_room_writes_nothing(server: ServerProcess, tmp_path: Path) -> None:
    assert main(["room", "pull", server.url("nobody"), "-o", str(tmp_path / "e.journey")]) == 2
    assert not (tmp_path / "e.journey").exists()


async def _hostile(url: str, message: bytes) -> int | None:
    async with connect(url, max_size=None, compression=None) as ws:
        await ws.recv()  # the server's sync step 1
        await ws.send(message)
        try:
            while True:
                await asyncio.wait_for(ws.recv(), 5)
        except ConnectionClosed as exc:
            return exc.rcvd.code if exc.rcvd else None


@pytest.mark.parametrize(
    ("message", "code"),
    [
        (b"\x00\x02\x05garbage!!", 1007),  # an update that does not decode
        (b"\x07\x00\x01", 1007),  # an unknown message type
        (b"\x00\x02" + b"\xff" * 12, 1007),  # a length that never ends
        (b"\x01\x01\x01\x01\x05{oops", 1007),  # awareness that is not JSON
        (b"\x00\x02\x80\x80\x40" + b"\x00" * (1024 * 1024 + 10), 1009),  # over the 1 MB cap
    ],
)
def test_a_hostile_peer_is_dropped_and_the_room_carries_on(
    server: ServerProcess, message: bytes, code: int
) -> None:
    assert main(["room", "push", str(EXAMPLE), server.url("h")]) == 0
    editor = join(server.url("h"), name="Editor")
    try:
        assert asyncio.run(_hostile(server.url("h"), message)) == code
        editor.binding.journey.apply(UpdateTouchpoint("checkout", {"name": "Still here"}))
        other = join(server.url("h"), name="Other")
        assert settle([editor, other])
        assert other.binding.journey.touchpoint("checkout").name == "Still here"
        other.stop()
    finally:
        editor.stop()
    assert server.alive()


def test_a_wrong_token_on_a_raw_socket_gets_http_403(server: ServerProcess) -> None:
    async def attempt() -> int:
        try:
            async with connect(server.url("r", token="nope")):
                return 101
        except InvalidStatus as exc:
            return exc.response.status_code

    assert asyncio.run(attempt()) == 403


def test_sigterm_writes_everything_and_a_restart_serves_it(tmp_path: Path) -> None:
    server = ServerProcess(tmp_path / "store").start()
    assert main(["room", "push", str(EXAMPLE), server.url("keep")]) == 0
    editor = join(server.url("keep"))
    editor.binding.journey.apply(UpdateTouchpoint("checkout", {"name": "Saved by SIGTERM"}))
    assert settle([editor])
    editor.stop()
    assert server.stop() == 0
    server.start()
    try:
        out = tmp_path / "after.journey"
        assert main(["room", "pull", server.url("keep"), "-o", str(out)]) == 0
        assert load_journey(out).touchpoint("checkout").name == "Saved by SIGTERM"
    finally:
        server.stop()
