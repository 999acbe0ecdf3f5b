"""Writes the map back to its file soon after each change: the headless host's autosave.

Any signal of the `Journey` marks the map changed and starts a short timer; when it
fires, the save is submitted to the map's thread (the only one that reads the map),
so a burst of cards is one write. Saves are atomic (`journey_file.save_journey`): a
crash mid-write leaves the previous file whole. A failed save is logged and retried at
the next change and at exit.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from concurrent.futures import Executor
from pathlib import Path

from psygnal import SignalInstance

from journeymapper.io.journey_file import save_journey
from journeymapper.model.document import Journey

log = logging.getLogger(__name__)


class FileKeeper:
    def __init__(self, journey: Journey, path: Path, executor: Executor, delay: float = 0.5):
        self.journey = journey
        self.path = path
        self.executor = executor
        self.delay = delay
        self.saves = 0
        self._dirty = False
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()

    def attach(self) -> None:
        """Follow every change of the map (call on the map's thread)."""
        for name in dir(self.journey):
            signal = getattr(self.journey, name, None)
            if isinstance(signal, SignalInstance):
                signal.connect(self._changed)

    def _changed(self, *_: object) -> None:
        self._dirty = True
        with self._lock:
            if self._timer is None:
                self._timer = threading.Timer(self.delay, self._due)
                self._timer.daemon = True
                self._timer.start()

    def _due(self) -> None:
        with self._lock:
            self._timer = None
        with contextlib.suppress(RuntimeError):  # shutting down: the final save is the host's
            self.executor.submit(self.save)

    def save(self) -> bool:
        """Write the map if it changed since the last write (on the map's thread)."""
        if not self._dirty:
            return True
        self._dirty = False
        try:
            save_journey(self.journey, self.path)
        except OSError as exc:
            self._dirty = True
            log.warning("%s could not be saved: %s", self.path, exc.strerror or exc)
            return False
        self.saves += 1
        return True

    def close(self) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
