"""`Inbox`: calls from other threads onto the server's loop, many per wake-up.

The map's thread tells the session about every change of the map and every finished
edit. `loop.call_soon_threadsafe` wakes the loop by writing to its self-pipe, and that
write lets go of the interpreter lock: while the server's thread is busy (broadcasting a
burst of cards to 60 phones) the map's thread, which is the editor's UI thread, then
waits up to a whole switch interval (5 ms) to get the lock back, for every wake-up.
So an inbox queues the calls and the loop comes to look: every `POLL` seconds while
the session waits for map work it handed out (`run_on`) or calls keep coming, and
only a call out of the blue (the facilitator editing the map) wakes it.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Executor
from typing import Any, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")
POLL = 0.004  # seconds between looks at the inbox while calls are expected


class Inbox:
    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self._calls: list[tuple[Callable[..., Any], tuple[Any, ...]]] = []
        self._lock = threading.Lock()
        self._scheduled = False  # the loop looks again soon: no need to wake it
        self._waiting = 0  # map work handed out by `run_on` whose answer has not come

    def call(self, function: Callable[..., Any], *args: Any) -> None:
        """Run `function(*args)` on the loop soon; safe from any thread. Dropped once the
        loop has closed (the session is over)."""
        with self._lock:
            self._calls.append((function, args))
            if self._scheduled:
                return
            self._scheduled = True
        try:
            self.loop.call_soon_threadsafe(self._run)
        except RuntimeError:
            log.debug("a call after the server's loop closed was dropped")

    def _run(self) -> None:
        with self._lock:
            calls, self._calls = self._calls, []
            if not calls and not self._waiting:  # quiet: the next call wakes the loop
                self._scheduled = False
                return
        for function, args in calls:
            try:
                function(*args)
            except Exception:
                log.exception("a call from the map's thread failed")
        self.loop.call_later(POLL, self._run)

    def run_on(self, executor: Executor, function: Callable[[], T]) -> asyncio.Future[T]:
        """Run `function` through `executor` (on the map's thread); its result, or its
        exception, comes back through this inbox as a future of the loop. Call on the
        loop. Raises `RuntimeError` when the executor has shut down."""
        done: asyncio.Future[T] = self.loop.create_future()

        def job() -> None:
            try:
                result = function()
            except BaseException as exc:
                self.call(self._settle, done, None, exc)
            else:
                self.call(self._settle, done, result, None)

        executor.submit(job)
        self._waiting += 1
        with self._lock:
            looking, self._scheduled = self._scheduled, True
        if not looking:
            self.loop.call_later(POLL, self._run)
        return done

    def _settle(
        self, future: asyncio.Future[Any], result: Any, error: BaseException | None
    ) -> None:
        """Finish `future` on the loop, unless its waiter has gone (a closed connection)."""
        self._waiting -= 1
        if future.done():
            return
        if error is None:
            future.set_result(result)
        else:
            future.set_exception(error)
