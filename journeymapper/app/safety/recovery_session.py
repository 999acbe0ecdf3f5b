"""This run's folder of recovery copies, and the lock that says the run is alive.

Each run of the editor writes its copies to `<AppDataLocation>/recovery/<session>/`
and holds `<session>.lock` (a `QLockFile`) for as long as it lives. A run that dies
(a crash, SIGKILL, a power cut) leaves its folder behind; the lock file it leaves is
stale, because its process is gone. The next run takes the lock of every folder it
can (`claim_orphans`): a folder whose lock is held belongs to a run that is still
alive, and is never offered nor touched. The lock is created before the folder, so a
starting run never mistakes a new session for an abandoned one.

Lock files never go stale with age here (stale lock time 0): only a dead process
makes them stale, so a second instance started hours later still sees the first.
"""

from __future__ import annotations

import itertools
import logging
import os
import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QLockFile, QStandardPaths, QThreadPool
from shiboken6 import isValid

from journeymapper.io.recovery_store import (
    RecoveryCopy,
    RecoveryInfo,
    copies_in,
    remove_folder_if_empty,
    write_copy,
)
from journeymapper.model.schema import JourneyData

log = logging.getLogger(__name__)

LOCK_SUFFIX = ".lock"


def recovery_root() -> Path:
    """`<AppDataLocation>/recovery`, e.g. ~/.local/share/JourneyMapper/JourneyMapper/recovery."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "recovery"


def _lock(path: Path) -> QLockFile:
    lock = QLockFile(str(path))
    lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
    return lock


class RecoverySession:
    """The folder this run writes its copies to, locked while the run lives."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        self.id = f"{stamp}-{os.getpid()}-{secrets.token_hex(3)}"
        self.lock = _lock(root / f"{self.id}{LOCK_SUFFIX}")
        if not self.lock.tryLock(0):
            raise OSError(f"cannot lock the recovery session {self.id} in {root}")
        self.folder = root / self.id
        self._keys = itertools.count(1)

    def new_key(self) -> str:
        return f"map-{next(self._keys)}"

    def close(self) -> None:
        """A clean end: the folder goes if it is empty; copies left (maps never saved nor
        discarded) stay, unlocked, to be offered next time."""
        writer_pool().waitForDone()
        if self.folder.exists():
            remove_folder_if_empty(self.folder)
        self.lock.unlock()


_SESSION: RecoverySession | None = None
_POOL: QThreadPool | None = None


def writer_pool() -> QThreadPool:
    """One thread, so copies are written and removed in the order they were asked for."""
    global _POOL
    if _POOL is None or not isValid(_POOL):
        _POOL = QThreadPool()
        _POOL.setMaxThreadCount(1)
        _POOL.setExpiryTimeout(-1)
    return _POOL


def current_session() -> RecoverySession:
    """This run's session, started on first use in the user's data folder."""
    global _SESSION
    if _SESSION is None:
        _SESSION = RecoverySession(recovery_root())
    return _SESSION


def start_session(root: Path | None = None) -> RecoverySession:
    """Start this run's session (in `root`, or the user's data folder) and return it."""
    global _SESSION
    if _SESSION is not None:
        _SESSION.close()
    _SESSION = RecoverySession(root or recovery_root())
    return _SESSION


def end_session() -> None:
    global _SESSION
    if _SESSION is not None:
        _SESSION.close()
        _SESSION = None


def keep_copy(data: JourneyData, info: RecoveryInfo, root: Path | None = None) -> Path:
    """Keep `data` aside for the next start: a folder no run owns, so it is offered."""
    folder = (
        root or current_session().root
    ) / f"kept-{time.strftime('%Y%m%d-%H%M%S')}-{secrets.token_hex(3)}"
    write_copy(folder, "map-1", data, info)
    return folder


@dataclass
class Orphans:
    """Copies left by runs that are gone, with the locks of their folders held meanwhile,
    so no other instance offers them at the same time."""

    copies: list[RecoveryCopy] = field(default_factory=list)
    locks: dict[Path, QLockFile] = field(default_factory=dict)

    def release(self, *, remove_empty: bool) -> None:
        """Let the folders go: empty ones are removed when `remove_empty`."""
        for folder, lock in self.locks.items():
            if remove_empty and not copies_in(folder):
                remove_folder_if_empty(folder)
            lock.unlock()
            Path(lock.fileName()).unlink(missing_ok=True)
        self.locks.clear()


def claim_orphans(root: Path, own: str | None) -> Orphans:
    """Every copy in `root` whose run is gone; the folders' locks stay held until released."""
    orphans = Orphans()
    try:
        folders = sorted(p for p in root.iterdir() if p.is_dir() and p.name != own)
        locks = [p for p in root.glob(f"*{LOCK_SUFFIX}") if not p.with_suffix("").is_dir()]
    except OSError:
        return orphans
    for path in locks:  # runs that died before writing a copy leave only their lock
        lock = _lock(path)
        if path.stem != own and lock.tryLock(0):
            lock.unlock()
    for folder in folders:
        lock = _lock(root / f"{folder.name}{LOCK_SUFFIX}")
        if not lock.tryLock(0):
            continue  # its run is alive: never offered, never touched
        found = copies_in(folder)
        orphans.locks[folder] = lock
        orphans.copies.extend(found)
    orphans.copies.sort(key=lambda c: c.info.saved_at)
    return orphans
