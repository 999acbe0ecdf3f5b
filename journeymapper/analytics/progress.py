"""How a long read or computation says where it is, and how it is stopped.

The editor reads logs on a worker thread (app/analytics/background.py); the worker
names each step through `Progress.step`, and the user's Cancel arrives from the UI
thread through `Progress.cancel`. Stopping is two things: a flag that the work checks
between steps (and between the megabytes of an XES file), and DuckDB's
`interrupt()` on every connection the work uses, which stops a running query at once.
An interrupt only reaches a query that is running, so the canceller repeats it until
the work has ended (`interrupt`). The command line passes no progress: a fresh
`Progress` that nobody cancels.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import duckdb

Report = Callable[[str, float | None], None]


class CancelledError(Exception):
    """The user stopped the work; nothing it made is kept."""


class Progress:
    """Steps reported to `report` (text, fraction done or None); cancellable from any thread."""

    def __init__(self, report: Report | None = None) -> None:
        self._report = report
        self._cancelled = threading.Event()
        self._lock = threading.Lock()
        self._connections: list[duckdb.DuckDBPyConnection] = []
        self._text = ""

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def check(self) -> None:
        """Raise `CancelledError` if the user asked to stop."""
        if self._cancelled.is_set():
            raise CancelledError

    def step(self, text: str, fraction: float | None = None) -> None:
        """A new step (or how far the current one is), after checking for a cancel."""
        self.check()
        self._text = text
        if self._report is not None:
            self._report(text, fraction)

    def advance(self, fraction: float) -> None:
        """How far the current step is, from 0 to 1."""
        self.step(self._text, fraction)

    def stop_reporting(self) -> None:
        """Drop the report callback once the work has ended. The editor's callback holds
        a Qt object of the UI thread; an `EventLog` keeps its progress, and a later step
        on a worker thread replaces it, so the last reference must not go there (Qt
        objects deleted from another thread crash the UI thread)."""
        self._report = None

    def watch(self, con: duckdb.DuckDBPyConnection) -> None:
        """Interrupt `con`'s queries on cancel (it may already be cancelled: then at once)."""
        with self._lock:
            self._connections.append(con)
        if self.cancelled:
            self.interrupt()

    def cancel(self) -> None:
        self._cancelled.set()
        self.interrupt()

    def interrupt(self) -> None:
        """Stop whatever query the watched connections run now (a closed one is skipped)."""
        with self._lock:
            connections = list(self._connections)
        for con in connections:
            try:
                con.interrupt()
            except duckdb.Error:  # closed meanwhile: nothing runs on it
                with self._lock:
                    if con in self._connections:
                        self._connections.remove(con)
