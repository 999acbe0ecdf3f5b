"""Autosave: a recovery copy of every map with unsaved changes, never over the user's file.

Each window's `Autosaver` writes its map's copy (see `io.recovery_store`) into this
run's session folder 30 s after the last change, and at least every 60 s while changes
keep coming; a clean save, an undo back to the saved state or closing the window
removes it. The snapshot (`journey.to_data()`) is taken on the UI thread, where the
model lives; serialising and writing it happen on one background thread, in order, so
a removal never overtakes a write still queued before it.

Work that is not in the map yet can ask to be kept too (`keep_also`): a voting round's
votes, which the copy then holds as if the round had ended when it was written.

JOURNEYMAPPER_AUTOSAVE_MS="IDLE,MAX" sets both intervals in milliseconds (the tests
use a few hundred); `Autosaver(..., idle_ms=, max_ms=)` sets them per window.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QObject, QRunnable, QTimer, Signal
from shiboken6 import isValid

from journeymapper.app.document import Document
from journeymapper.app.safety.recovery_session import RecoverySession, current_session, writer_pool
from journeymapper.io.disk_state import DiskState
from journeymapper.io.recovery_store import RecoveryInfo, remove_copy, write_copy
from journeymapper.model.schema import JourneyData

log = logging.getLogger(__name__)

IDLE_MS = 30_000
MAX_MS = 60_000


def intervals() -> tuple[int, int]:
    """The idle and maximum delays, from JOURNEYMAPPER_AUTOSAVE_MS when it is set."""
    text = os.environ.get("JOURNEYMAPPER_AUTOSAVE_MS", "")
    try:
        idle, longest = (int(part) for part in text.split(","))
    except ValueError:
        return IDLE_MS, MAX_MS
    return max(1, idle), max(1, longest)


class _Notices(QObject):
    """Lives on the UI thread; the writer thread emits here and Qt queues the call."""

    written = Signal(str)
    failed = Signal(str, str)


_NOTICES: _Notices | None = None


def notices() -> _Notices:
    global _NOTICES
    if _NOTICES is None:
        _NOTICES = _Notices()
    return _NOTICES


class _Task(QRunnable):
    def __init__(self, work: Callable[[], None], key: str) -> None:
        super().__init__()
        self.work = work
        self.key = key

    def run(self) -> None:
        try:
            self.work()
        except Exception as exc:  # a full disk must never take the editor down
            log.warning("recovery copy %s: %s", self.key, exc)
            notices().failed.emit(self.key, str(exc))
            return
        notices().written.emit(self.key)


class Autosaver(QObject):
    """Keeps the recovery copy of one document while it has unsaved changes."""

    written = Signal()
    failed = Signal(str)

    def __init__(
        self,
        document: Document,
        base: Callable[[], DiskState | None] = lambda: None,
        *,
        idle_ms: int | None = None,
        max_ms: int | None = None,
        session: Callable[[], RecoverySession] = current_session,
    ) -> None:
        super().__init__(document)
        self.document = document
        self._base = base
        self._session = session
        self.key: str | None = None
        self._folder = None
        self._pending: Callable[[], bool] = lambda: False
        self._amend: Callable[[JourneyData], JourneyData] = lambda data: data
        default_idle, default_max = intervals()
        self.idle = self._timer(idle_ms or default_idle)
        self.longest = self._timer(max_ms or default_max)
        document.signals.changed.connect(self._changed)  # typing that merges into one step
        document.undo_stack.indexChanged.connect(self._changed)  # a step pushed, undone, redone
        document.undo_stack.cleanChanged.connect(self._clean_changed)
        notices().written.connect(self._written)
        notices().failed.connect(self._failed)

    def _timer(self, interval: int) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval)
        timer.timeout.connect(self.save_now)
        return timer

    def _alive(self) -> bool:
        """False while the document is being torn down (its undo stack goes first)."""
        return isValid(self) and isValid(self.document) and isValid(self.document.undo_stack)

    def keep_also(
        self, pending: Callable[[], bool], amend: Callable[[JourneyData], JourneyData]
    ) -> None:
        """Keep a copy while `pending()` says there is work outside the map (even once the
        map is saved); `amend` writes that work into the copy."""
        self._pending, self._amend = pending, amend

    def session_changed(self) -> None:
        """The work outside the map changed: copy as for an edit, or drop the copy when
        nothing unsaved is left."""
        if not self._alive():
            return
        if self._unsaved():
            self._changed()
        else:
            self.discard()

    def _unsaved(self) -> bool:
        return self.document.modified or self._pending()

    def _changed(self) -> None:
        if not self._alive() or not self._unsaved():
            return
        self.idle.start()  # restarted by every change: 30 s after the last one
        if not self.longest.isActive():
            self.longest.start()  # not restarted: at least every 60 s

    def _clean_changed(self, clean: bool) -> None:
        if not self._alive():
            return
        if clean and not self._pending():
            self.discard()
        else:
            self._changed()

    def save_now(self, *, wait: bool = False) -> None:
        """Write the copy now (on the writer thread; `wait` blocks until it is written)."""
        self.idle.stop()
        self.longest.stop()
        if not self._unsaved():
            return
        session = self._session()
        if self.key is None:
            self.key = session.new_key()
            self._folder = session.folder
        # The model lives on this thread: the snapshot is taken here.
        data: JourneyData = self._amend(self.document.journey.to_data())
        info = RecoveryInfo(
            title=data.title,
            original=self.document.path,
            saved_at=datetime.now(UTC),
            session=session.id,
            pid=os.getpid(),
            base=self._base(),
        )
        folder, key = session.folder, self.key
        writer_pool().start(_Task(lambda: write_copy(folder, key, data, info), key))
        if wait:
            writer_pool().waitForDone()

    def discard(self, *, wait: bool = False) -> None:
        """Remove the copy (after any write queued before); nothing to do if none was made."""
        self.idle.stop()
        self.longest.stop()
        if self.key is None or self._folder is None:
            return
        folder, key = self._folder, self.key
        writer_pool().start(_Task(lambda: remove_copy(folder, key), f"{key} (removal)"))
        if wait:
            writer_pool().waitForDone()

    def _written(self, key: str) -> None:
        if key == self.key:
            self.written.emit()

    def _failed(self, key: str, message: str) -> None:
        if key == self.key:
            self.failed.emit(message)
