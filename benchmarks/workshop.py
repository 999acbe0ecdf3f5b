"""Workshop benchmarks: 60 simulated participants on loopback against a real offscreen
editor window hosting the session (the controller, the participants panel, the undo
stack, the scene), plus the participant page's first load in Debian's chromium.

    python -m benchmarks.run --only workshop

Each case's run measures a fresh batch and returns one statistic of it (kind
"seconds"): the median or the 95th percentile of the batch's latencies, or the longest
stall of the editor's UI thread, seen by a 5 ms QTimer heartbeat, while the batch ran.
The pooled medians and 95th percentiles of all batches are logged at the end of each case.

- vote → other pages: from a participant's vote being sent to each of the 59 other
  pages receiving the round's progress that counts it;
- card → editor map: from a participant's card being sent to the editor's `Journey`
  announcing it (it went through the session, the Qt thread and the undo stack);
  all 60 participants send a card at once;
- page first load: a new browser context opening the join link until the join form shows.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import statistics
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from benchmarks.run import Case
from benchmarks.workshop_crowd import main as crowd_main

log = logging.getLogger("benchmarks")
PEOPLE = 60
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "online-clothing-store.journey"
HEARTBEAT_MS = 5
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip


class Room:
    """The editor window with a running workshop; the participants in their own process."""

    def __init__(self) -> None:
        from PySide6.QtCore import QEventLoop, QTimer

        from benchmarks.editor import _app
        from journeymapper.app.document import Document
        from journeymapper.app.window.main_window import MainWindow
        from journeymapper.io.journey_file import load_journey
        from journeymapper.server.tokens import Role

        _app()
        self.journey = load_journey(EXAMPLE)
        self.window = MainWindow(Document(self.journey, None))
        self.window.resize(1280, 800)
        self.window.show()
        feature = self.window.features.workshop  # as Workshop ▸ Invite Participants… wires it
        self.controller = feature.controller
        feature.dock.show()  # the participants panel follows the room as it would
        self.controller.start("127.0.0.1", 0)
        self.cpu: dict[str, list[float]] = {}  # the editor process's CPU seconds per batch
        self.arrived: dict[str, float] = {}
        self._expected: set[str] | None = None  # the names of the cards awaited
        self._cards_in = QEventLoop()
        self.journey.touchpoint_added.connect(self._added)
        self.stall = 0.0
        self.stall_cpu = 0.0  # the most CPU the UI thread spent between two beats
        self._beat = time.perf_counter()
        self._beat_cpu = time.thread_time()
        self.heartbeat = QTimer(interval=HEARTBEAT_MS, timeout=self._tick)
        self.heartbeat.start()
        workshop = self.controller.workshop
        assert workshop is not None
        self.pipe, theirs = multiprocessing.Pipe()
        urls = (workshop.socket_url(Role.PARTICIPANT), workshop.socket_url(Role.FACILITATOR))
        spawn = multiprocessing.get_context("spawn")  # never fork a process running Qt
        self.crowd = spawn.Process(target=crowd_main, args=(theirs, *urls, PEOPLE), daemon=True)
        self.crowd.start()
        if self.ask(None) != "ready":
            raise RuntimeError("the simulated participants did not start")

    def _added(self, tp_id: str) -> None:
        self.arrived[self.journey.touchpoint(tp_id).name] = time.perf_counter()
        if self._expected is not None and self._expected <= self.arrived.keys():
            self._expected = None
            self._cards_in.quit()

    def _tick(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        self.stall = max(self.stall, now - self._beat - HEARTBEAT_MS / 1000)
        self.stall_cpu = max(self.stall_cpu, cpu - self._beat_cpu)
        self._beat, self._beat_cpu = now, cpu

    def ask(self, command: str | None, timeout: float = 60) -> Any:
        """Send the crowd `command` and keep the Qt event loop going until it answers (the
        pipe is watched by the event loop, not polled: the bench must not load the thread
        it measures)."""
        from PySide6.QtCore import QEventLoop, QSocketNotifier, QTimer

        if command is not None:
            self.pipe.send(command)
        if not self.pipe.poll():
            waiting = QEventLoop()
            readable = QSocketNotifier(self.pipe.fileno(), QSocketNotifier.Type.Read)
            readable.activated.connect(waiting.quit)
            QTimer.singleShot(int(timeout * 1000), waiting.quit)
            waiting.exec()
            readable.setEnabled(False)
        if not self.pipe.poll():
            raise TimeoutError(f"the simulated participants did not answer {command!r}")
        return self.pipe.recv()

    def wait_for_cards(self, sent: dict[str, float], timeout: float = 20) -> list[float]:
        from PySide6.QtCore import QTimer

        if not sent.keys() <= self.arrived.keys():
            self._expected = set(sent)
            QTimer.singleShot(int(timeout * 1000), self._cards_in.quit)
            self._cards_in.exec()
            self._expected = None
        return [self.arrived[name] - time_sent for name, time_sent in sent.items()]

    def votes(self) -> list[float]:
        cpu = time.process_time()
        samples = list(self.ask("votes"))
        self.cpu.setdefault("votes", []).append(time.process_time() - cpu)
        return samples

    def cards(self) -> list[float]:
        cpu = time.process_time()
        sent = self.ask("cards")
        samples = self.wait_for_cards(sent)
        self.cpu.setdefault("cards", []).append(time.process_time() - cpu)
        self.tidy(len(sent))
        return samples

    def tidy(self, count: int) -> None:
        """Undo the batch's cards (untimed), so every batch meets a map of the same size."""
        from PySide6.QtWidgets import QApplication

        stack = self.window.document.undo_stack
        for _ in range(count):
            stack.undo()
        QApplication.processEvents()

    def close(self) -> None:
        self.heartbeat.stop()
        self.pipe.send("stop")
        self.crowd.join(10)
        self.controller.stop()
        self.window.document.undo_stack.setClean()
        self.window.close()


_room: dict[str, Room] = {}


def room() -> Room:
    if "room" not in _room:
        _room["room"] = Room()
    return _room["room"]


def p95(samples: Sequence[float]) -> float:
    return statistics.quantiles(samples, n=20, method="inclusive")[18]


def _statistic(
    name: str,
    batch: Callable[[Room], list[float]],
    pick: Callable[[list[float]], float],
    kind: str,
) -> Callable[[], Any]:
    from benchmarks.run import Timed

    pooled: list[float] = []

    def setup() -> Timed:
        shared = room()

        def run() -> float:
            samples = batch(shared)
            pooled.extend(samples)
            return float(pick(samples))

        def report() -> None:
            cpu = shared.cpu.get(kind, [0.0])
            log.info(
                "%s: median %.1f ms, p95 %.1f ms over %d samples; the editor's process "
                "used %.0f ms CPU per batch (median)",
                name, statistics.median(pooled) * 1000, p95(pooled) * 1000, len(pooled),
                statistics.median(cpu) * 1000,
            )  # fmt: skip

        return Timed(run, cleanup=report)

    return setup


def _stall() -> Any:
    from benchmarks.run import Timed

    shared = room()

    cpu: list[float] = []
    own: list[float] = []  # the UI thread's CPU in its busiest gap between beats

    def run() -> float:
        shared.stall = shared.stall_cpu = 0.0
        shared._beat, shared._beat_cpu = time.perf_counter(), time.thread_time()
        started = time.process_time()
        sent = shared.ask("both")
        shared.wait_for_cards(sent)
        stall = shared.stall
        cpu.append(time.process_time() - started)
        own.append(shared.stall_cpu)
        shared.tidy(len(sent))
        return stall

    def cleanup() -> None:
        log.info("cards and votes at once: the editor's process used %.0f ms CPU per batch; "
                 "the UI thread's own CPU between two beats was at most %.1f ms (median of "
                 "batches; the rest of a stall is waiting for a core or the interpreter "
                 "lock); load average %.1f", statistics.median(cpu) * 1000,
                 statistics.median(own) * 1000, os.getloadavg()[0])  # fmt: skip
        shared.close()
        _room.clear()

    return Timed(run, cleanup=cleanup)


def _first_load() -> Any:
    """A headless workshop (the map on a one-thread pool) and a phone-sized browser."""
    from concurrent.futures import ThreadPoolExecutor

    from playwright.sync_api import sync_playwright

    from benchmarks.run import Timed
    from journeymapper.io.journey_file import load_journey
    from journeymapper.workshop.service import Workshop

    executor = ThreadPoolExecutor(1)
    journey = load_journey(EXAMPLE)
    workshop = Workshop(journey, executor=executor, apply_edit=journey.apply, bind="127.0.0.1")
    executor.submit(workshop.start).result()
    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

    def run() -> float:
        context = browser.new_context(viewport={"width": 360, "height": 640}, is_mobile=True)
        page = context.new_page()
        started = time.perf_counter()
        page.goto(workshop.join_url, wait_until="load")
        page.wait_for_selector("#join:not([hidden])")
        elapsed = time.perf_counter() - started
        context.close()
        return elapsed

    def cleanup() -> None:
        browser.close()
        playwright.stop()
        executor.submit(workshop.stop).result()
        executor.shutdown()

    return Timed(run, cleanup=cleanup)


def cases(sizes: Sequence[int]) -> Iterator[Case]:
    """The same cases whatever the map sizes asked: the room is 60 people on one map."""
    median = statistics.median
    latencies = (
        ("workshop vote → 59 pages", "vote → pages", Room.votes, 0.150, "votes"),
        ("workshop card → editor map", "card → map", Room.cards, 0.200, "cards"),
    )
    for operation, name, batch, target, kind in latencies:
        for label, pick, budget in (("median", median, None), ("p95", p95, target)):
            setup = _statistic(name, batch, pick, kind)
            yield Case(f"{operation}, {label}", PEOPLE, setup, budget, kind="seconds", repeat=5)
    yield Case("workshop UI-thread longest stall", PEOPLE, _stall, 0.050, kind="seconds", repeat=3)
    yield Case("workshop page first load", 1, _first_load, 1.0, kind="seconds", repeat=5)
