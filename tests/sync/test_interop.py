"""Interoperability with the reference Yjs implementation (npm `yjs`, `y-websocket`, `ws`).

A Node.js client joins a room of `journeymapper serve`, reads the map through the
documented Y layout and adds a touchpoint that JourneyMapper then shows; and
JourneyMapper's own clients sync through the reference server, `@y/websocket-server`.
`make test` runs `npm ci` in tests/interop when its node_modules is missing.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
from pathlib import Path

import pytest

from journeymapper.cli.main import main
from journeymapper.io.journey_file import load_journey
from journeymapper.model.edits import UpdateTouchpoint
from tests.sync.net import ServerProcess, _wait_port, join, settle

INTEROP = Path(__file__).parents[1] / "interop"
EXAMPLE = Path(__file__).parents[2] / "examples" / "online-clothing-store.journey"

pytestmark = pytest.mark.skipif(
    shutil.which("node") is None or not (INTEROP / "node_modules" / "yjs").is_dir(),
    reason="needs node and `npm ci` in tests/interop (make test runs it)",
)


def node_client(server_url: str, room: str, token: str, name: str) -> dict:  # type: ignore[type-arg]
    done = subprocess.run(
        ["node", str(INTEROP / "client.mjs"), server_url, room, token, name],
        capture_output=True,
        text=True,
        timeout=30,
        cwd=INTEROP,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_a_node_client_reads_the_map_and_adds_a_card_python_sees(tmp_path: Path) -> None:
    server = ServerProcess(tmp_path / "store").start()
    try:
        assert main(["room", "push", str(EXAMPLE), server.url("interop")]) == 0
        editor = join(server.url("interop"), name="Python")
        seen = node_client(
            f"ws://127.0.0.1:{server.port}/rooms",
            "interop",
            "test-token-0123456789",
            "Added by Node",
        )
        expected = load_journey(EXAMPLE)
        assert [s["name"] for s in seen["stages"]] == [s.name for s in expected.stages]
        assert {c["id"] for c in seen["cards"]} == {tp.id for tp in expected.touchpoints()}
        assert seen["title"] == expected.title
        assert editor.wait_until(lambda: editor.binding.journey.has_touchpoint("tp-from-node"), 10)
        card = editor.binding.journey.touchpoint("tp-from-node")
        assert (card.name, card.stage, card.emotion, card.votes) == (
            "Added by Node",
            expected.stages[0].id,
            1,
            2,
        )
        assert editor.binding.problems == []
        editor.stop()
    finally:
        server.stop()


def test_journeymapper_syncs_through_the_reference_server(tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    reference = subprocess.Popen(
        ["node", str(INTEROP / "node_modules/@y/websocket-server/src/server.js")],
        env={**os.environ, "HOST": "127.0.0.1", "PORT": str(port)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        _wait_port(port)
        url = f"ws://127.0.0.1:{port}/rooms/ref"
        assert main(["room", "push", str(EXAMPLE), url]) == 0
        a, b = join(url, name="A"), join(url, name="B")
        a.binding.journey.apply(UpdateTouchpoint("checkout", {"name": "Renamed by A"}))
        b.binding.journey.apply(UpdateTouchpoint("review", {"emotion": -1}))
        assert settle([a, b])
        assert b.binding.journey.touchpoint("checkout").name == "Renamed by A"
        seen = node_client(f"ws://127.0.0.1:{port}/rooms", "ref", "", "Node via the reference")
        assert next(c for c in seen["cards"] if c["id"] == "checkout")["name"] == "Renamed by A"
        assert a.wait_until(lambda: a.binding.journey.has_touchpoint("tp-from-node"), 10)
        assert settle([a, b])
        a.stop(), b.stop()
    finally:
        reference.terminate()
        reference.wait(10)
