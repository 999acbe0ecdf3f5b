"""Atomic file writes: a crash, a kill or a full disk never leaves a torn file.

The new content goes to a temporary file beside the target, is flushed and fsynced,
then renamed over the target; the folder is fsynced so the rename itself survives a
power cut. The previous version is kept as `NAME.bak` by hard-linking it before the
rename, so at every instant the target is either the whole old file or the whole new
one.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path


def write_atomic(path: str | Path, data: bytes, *, backup: bool = False) -> None:
    """Write `data` to `path` atomically; with `backup`, keep the old file as `path.bak`."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _copy_mode(target, tmp)
        if backup and target.is_file():
            _keep_backup(target)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_folder(folder)


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


def _keep_backup(target: Path) -> None:
    """Make `target.bak` the current file, atomically, without ever moving the target."""
    backup = target.with_name(target.name + ".bak")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{backup.name}.", suffix=".tmp", dir=target.parent)
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
        os.replace(tmp, backup)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


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
