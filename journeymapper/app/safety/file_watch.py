"""Noticing that the open file changed on disk (another program, a `git pull`).

`FileWatch` remembers the state of the file as it was opened or last saved (size,
modification time, SHA-256: see `io.disk_state`) and watches it with a
`QFileSystemWatcher`. An atomic replacement (ours or another program's) deletes the
watched inode, and the watcher forgets the path; it is added again each time, and the
folder is watched too, so a file deleted and written again is seen. Events are
coalesced for 300 ms (a `git pull` writes in bursts) and compared with the remembered
state, so our own saves, a `touch` or a rewrite of the same bytes never count.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from journeymapper.app.document import Document
from journeymapper.io.disk_state import DiskState

log = logging.getLogger(__name__)

SETTLE_MS = 300


class FileWatch(QObject):
    """Watches the document's file; says when it no longer holds what we opened or saved."""

    changed_on_disk = Signal()  # the file holds other bytes than the ones we know
    removed_from_disk = Signal()  # the file is gone

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.baseline: DiskState | None = None
        self.dismissed: DiskState | None = None  # the change the user chose to keep theirs over
        self._was_there = False
        self.watcher = QFileSystemWatcher(self)
        self.settle = QTimer(self)
        self.settle.setSingleShot(True)
        self.settle.setInterval(SETTLE_MS)
        self.settle.timeout.connect(self.check)
        self.watcher.fileChanged.connect(self.settle.start)
        self.watcher.directoryChanged.connect(self.settle.start)
        document.replaced.connect(self.rebase)
        document.path_changed.connect(self.rebase)
        document.saved.connect(self.rebase)
        self.rebase()

    @property
    def path(self) -> Path | None:
        return self.document.path

    def rebase(self) -> None:
        """The file as it is now is the one we know (after opening or saving it)."""
        self.set_baseline(DiskState.of(self.path) if self.path else None)

    def set_baseline(self, state: DiskState | None) -> None:
        """Remember `state` as the file we know (a restored map: the state it was opened in)."""
        self.baseline = state
        self.dismissed = None
        self._was_there = state is not None
        self._watch()

    def _watch(self) -> None:
        watched = self.watcher.files() + self.watcher.directories()
        if watched:
            self.watcher.removePaths(watched)
        if self.path is None:
            return
        if self.path.parent.is_dir():
            self.watcher.addPath(str(self.path.parent))
        if self.path.exists():
            self.watcher.addPath(str(self.path))

    def differs(self) -> bool:
        """True when saving would overwrite bytes we have not seen (another program's)."""
        if self.path is None or not self.path.exists():
            return False
        return self.baseline is None or not self.baseline.matches(self.path)

    def check(self) -> None:
        """Compare the file with the one we know; say so when another program changed it."""
        path = self.path
        if path is None:
            return
        if path.exists() and str(path) not in self.watcher.files():
            self.watcher.addPath(str(path))  # an atomic replacement deleted the watched inode
        if not path.exists():
            if self._was_there:
                self._was_there = False
                self.removed_from_disk.emit()
            return
        self._was_there = True
        if not self.differs():
            return
        now = DiskState.of(path)
        if now is None or now == self.dismissed:
            return
        log.info("%s changed on disk", path)
        self.changed_on_disk.emit()

    def keep_mine(self) -> None:
        """The user keeps the map on screen; say nothing more until the file changes again.
        (Saving still asks before overwriting the other program's version.)"""
        self.dismissed = DiskState.of(self.path) if self.path else None
