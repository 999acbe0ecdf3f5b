"""`QtExecutor`: a `concurrent.futures.Executor` whose functions run on the Qt thread.

The workshop session runs on the server's thread and submits its map work here, so the
`Journey` (which lives on the Qt thread with its undo stack and scene) is only ever read
and changed on the Qt thread. Jobs wait in a queue; the Qt thread runs them in slices of
at most `BUDGET` seconds and lets its other events (paints, timers, input) through
between slices, so sixty cards sent at once never freeze the window: they arrive over a
few frames instead of in one long stall.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Executor, Future
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, Signal

T = TypeVar("T")
BUDGET = 0.008  # seconds of map work per pass of the Qt event loop
Job = tuple[Future[Any], Callable[..., Any], tuple[Any, ...], dict[str, Any]]


class QtExecutor(QObject, Executor):  # type: ignore[misc]  # PySide6's QObject stubs are untyped bases
    _wake = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs: deque[Job] = deque()
        self._lock = threading.Lock()
        self._scheduled = False
        self._shut = False
        self._wake.connect(self._drain, Qt.ConnectionType.QueuedConnection)

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        """Queue `fn(*args, **kwargs)` for the Qt thread; safe from any thread."""
        if self._shut:
            raise RuntimeError("the executor has shut down")
        future: Future[T] = Future()
        with self._lock:
            self._jobs.append((future, fn, args, kwargs))
            if self._scheduled:
                return future
            self._scheduled = True
        self._wake.emit()
        return future

    def _drain(self) -> None:
        deadline = time.perf_counter() + BUDGET
        while time.perf_counter() < deadline:
            with self._lock:
                if not self._jobs:
                    self._scheduled = False
                    return
                future, fn, args, kwargs = self._jobs.popleft()
            if future.set_running_or_notify_cancel():
                try:
                    future.set_result(fn(*args, **kwargs))
                except BaseException as exc:  # handed to whoever waits on the future
                    future.set_exception(exc)
        self._wake.emit()  # the rest after the events that came meanwhile

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self._shut = True
