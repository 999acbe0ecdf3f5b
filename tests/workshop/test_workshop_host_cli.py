"""`journeymapper host FILE` as a real process over real sockets."""

from __future__ import annotations

import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from journeymapper.io.journey_file import read_data, save_journey
from tests.sample import clothing_store
from tests.workshop.wsclient import Client, ws_url

ROOT = Path(__file__).resolve().parents[2]


class HostProcess:
    def __init__(self, path: Path, *extra: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "journeymapper", "host", str(path), "--bind", "127.0.0.1",
             *extra],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def line(self, timeout: float = 15) -> str:
        return self.lines.get(timeout=timeout)

    def stop(self, sig: int = signal.SIGTERM) -> int:
        self.process.send_signal(sig)
        return self.process.wait(timeout=15)


@pytest.fixture
def map_file(tmp_path: Path) -> Path:
    path = tmp_path / "store.journey"
    save_journey(clothing_store(), path, backup=False)
    return path


@pytest.fixture
def host(map_file: Path) -> Iterator[HostProcess]:
    running = HostProcess(map_file, "--port", "0")
    yield running
    if running.process.poll() is None:
        running.process.kill()
        running.process.wait(timeout=10)


def names_in(path: Path) -> list[str]:
    return [tp.name for tp in read_data(path).touchpoints]


def wait_for(condition: object, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return True
        time.sleep(0.05)
    return False


def test_the_first_line_is_the_join_url_and_changes_reach_the_file(
    host: HostProcess, map_file: Path
) -> None:
    join = host.line()
    assert join.startswith("http://127.0.0.1:")
    assert "?token=" in join
    facilitator_line = host.line()
    assert "/facilitate?token=" in facilitator_line
    ana = Client(ws_url(join))
    ana.hello("Ana")
    assert ana.wait("map")["stages"][0]["open"]  # capture is open for every stage
    assert ana.do("add", stage="purchase", name="Scans a QR code")["ok"]
    # The host writes within a second (0.5 s after the change); the bound allows for a busy CI.
    assert wait_for(lambda: "Scans a QR code" in names_in(map_file), 4.0)
    assert ana.do("add", stage="purchase", name="Second card")["ok"]
    assert host.stop(signal.SIGTERM) == 0
    assert "Second card" in names_in(map_file)
    assert ana.wait("ended")
    assert host.line() == f"saved {map_file}"


def test_sigint_saves_and_exits_zero(host: HostProcess, map_file: Path) -> None:
    join = host.line()
    facilitator = Client(ws_url(host.line().split(": ", 1)[1]))
    facilitator.hello()
    ana = Client(ws_url(join))
    ana.hello()
    card = ana.wait("map")["cards"][0]
    assert facilitator.do("round_start", votes=3)["ok"]
    assert ana.do("vote", card=card["id"])["ok"]
    assert host.stop(signal.SIGINT) == 0
    saved = {tp.id: tp.votes for tp in read_data(map_file).touchpoints}
    assert saved[card["id"]] == card["votes"] + 1  # the round running at exit was recorded


def test_an_unreadable_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    broken = tmp_path / "broken.journey"
    broken.write_text("{ not json", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "journeymapper", "host", str(broken), "--bind", "127.0.0.1"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "broken.journey" in result.stderr


def test_a_taken_port_is_one_line_and_exit_2(map_file: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "journeymapper", "host", str(map_file), "--bind", "127.0.0.1",
             "--port", str(port)],
            cwd=ROOT, capture_output=True, text=True, timeout=60,
            env={**os.environ},
        )  # fmt: skip
    assert result.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
