"""Atomic file writes: a crash, a kill or a full disk never leaves a torn file.

The new content goes to a temporary file beside the target, is flushed and fsynced,
then renamed over the target; the folder is fsynced so the rename itself survives a
power cut. The previous version is kept as `NAME.bak`: hard-linked under a temporary
name before the rename, and renamed to `NAME.bak` only once the target is replaced. So
at every instant the target is either the whole old file or the whole new one, and a
save that fails (a full disk, a read-only folder) leaves both the target and its
`.bak` exactly as they were.

A file without any write permission (`chmod a-w`) is refused with `PermissionError`
even for root, who could otherwise replace it: its owner marked it read-only.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import shutil
import stat
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)


def write_atomic(path: str | Path, data: bytes, *, backup: bool = False) -> None:
    """Write `data` to `path` atomically; with `backup`, keep the old file as `path.bak`."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    _refuse_read_only(target)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    kept: Path | None = None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _copy_mode(target, tmp)
        if backup and target.is_file():
            kept = _link_backup(target)
        os.replace(tmp, target)
    except BaseException:
        for leftover in (tmp, kept):
            if leftover is not None:
                with contextlib.suppress(OSError):
                    leftover.unlink()
        raise
    if kept is not None:
        _finish_backup(kept, target.with_name(target.name + ".bak"))
    fsync_folder(folder)


def _refuse_read_only(target: Path) -> None:
    """Refuse a read-only file, and anything that is not a file: renaming over a device
    or a pipe (`-o /dev/null`, run as root) would replace it with a regular file."""
    try:
        mode = target.stat().st_mode
    except OSError:
        return
    if not stat.S_ISREG(mode):
        raise IsADirectoryError(
            errno.EISDIR, "not a regular file (a folder, a device?)", str(target)
        )
    if not mode & 0o222:
        raise PermissionError(errno.EACCES, "the file is read-only", str(target))


def _copy_mode(target: Path, tmp: Path) -> None:
    """A replaced file keeps its permissions; a new one gets the usual 0o666 & ~umask."""
    try:
        mode = target.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    with contextlib.suppress(OSError):
        os.chmod(tmp, mode)


def _link_backup(target: Path) -> Path:
    """The current target under a temporary name beside it (a hard link, or a copy)."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.bak.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        tmp.unlink()
        try:
            os.link(target, tmp)
        except OSError:  # file systems without hard links (FAT, some network shares)
            shutil.copy2(target, tmp)
            with open(tmp, "rb+") as handle:
                os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return tmp


def _finish_backup(kept: Path, backup: Path) -> None:
    """Make the kept previous version `NAME.bak`. The save itself has succeeded by now, so
    a failure here is logged and the save still counts."""
    try:
        os.replace(kept, backup)
    except OSError as exc:
        log.warning("could not keep %s: %s", backup, exc)
        with contextlib.suppress(OSError):
            kept.unlink()


def fsync_folder(folder: Path) -> None:
    """Make a rename durable. Not every platform can open a folder; that is not an error."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
