"""`Inbox`: calls from other threads onto the server's loop, many per wake-up.

The map's thread tells the session about every change of the map and every finished
edit. One `loop.call_soon_threadsafe` per call would wake the loop (a write to its
self-pipe, and a wait for the interpreter lock) 120 times for 60 cards; an inbox queues
the calls, wakes the loop once, and the loop then looks again every few milliseconds
until a look finds nothing.
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
POLL = 0.004  # seconds between looks at the inbox while calls are coming in


class Inbox:
    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self._calls: list[tuple[Callable[..., Any], tuple[Any, ...]]] = []
        self._lock = threading.Lock()
        self._scheduled = False

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
            if not calls:  # quiet again: the next call wakes the loop
                self._scheduled = False
                return
        for function, args in calls:
            try:
                function(*args)
            except Exception:
                log.exception("a call from the map's thread failed")
        # While calls keep coming, look again shortly instead of being woken for each:
        # the map's thread (the editor's UI thread) then never waits to wake this one.
        self.loop.call_later(POLL, self._run)

    def run_on(self, executor: Executor, function: Callable[[], T]) -> asyncio.Future[T]:
        """Run `function` through `executor` (on the map's thread); its result, or its
        exception, comes back through this inbox as a future of the loop. Raises
        `RuntimeError` when the executor has shut down."""
        done: asyncio.Future[T] = self.loop.create_future()

        def job() -> None:
            try:
                result = function()
            except BaseException as exc:
                self.call(_settle, done, None, exc)
            else:
                self.call(_settle, done, result, None)

        executor.submit(job)
        return done


def _settle(future: asyncio.Future[Any], result: Any, error: BaseException | None) -> None:
    """Finish `future` on the loop, unless its waiter has gone (a closed connection)."""
    if future.done():
        return
    if error is None:
        future.set_result(result)
    else:
        future.set_exception(error)
