"""`QtExecutor`: a `concurrent.futures.Executor` whose functions run on the Qt thread.

The workshop session runs on the server's thread and submits its map work here, so the
`Journey` (which lives on the Qt thread with its undo stack and scene) is only ever read
and changed on the Qt thread. A submission from another thread is a queued signal: it
runs when the Qt event loop comes round, between two paints, and never blocks the UI
for longer than the function itself (one edit).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Executor, Future
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, Signal

T = TypeVar("T")


class QtExecutor(QObject, Executor):  # type: ignore[misc]
    _posted = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._shut = False
        self._posted.connect(self._run, Qt.ConnectionType.QueuedConnection)

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        if self._shut:
            raise RuntimeError("the executor has shut down")
        future: Future[T] = Future()
        self._posted.emit((future, fn, args, kwargs))
        return future

    def _run(self, job: tuple[Future[Any], Callable[..., Any], tuple[Any, ...], Any]) -> None:
        future, fn, args, kwargs = job
        if not future.set_running_or_notify_cancel():
            return
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # handed to whoever awaits the future
            future.set_exception(exc)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self._shut = True
