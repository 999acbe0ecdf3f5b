"""A save that fails says which file, what happened and what to do; the map stays open,
modified, and Save As… saves it elsewhere; the file and its .bak are untouched.

The faults are simulated in this process (the tests run as root, who ignores file
permissions): the write raises ENOSPC; the folder refuses new files with EROFS or
EACCES. A file without write permission is refused by `write_atomic` itself, as root
too. tests/io/test_save_faults.py makes a real tmpfs full and read-only.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from journeymapper.io.journey_file import load_journey, save_journey
from journeymapper.model.edits import UpdateInfo
from tests.app.safety.safety_helpers import click_when_modal
from tests.sample import clothing_store


def _saved_twice(tmp_path: Path) -> Path:
    path = tmp_path / "store.journey"
    older = clothing_store()
    older.apply(UpdateInfo({"title": "Older"}))
    save_journey(older, path)
    save_journey(clothing_store(), path)
    return path.resolve()


class _FullDisk:
    def __init__(self, handle: Any) -> None:
        self.handle = handle

    def __enter__(self) -> _FullDisk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.handle.close()

    def write(self, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")


# Each fault hits only the disk of the map's own folder: Save As elsewhere then works.


def _full_disk(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    real = os.fdopen

    def fdopen(fd: int, mode: str) -> Any:
        handle = real(fd, mode)
        on_disk = Path(os.readlink(f"/proc/self/fd/{fd}")).parent
        return _FullDisk(handle) if on_disk == folder else handle

    monkeypatch.setattr(os, "fdopen", fdopen)


def _folder_refuses(code: int) -> Any:
    def patch(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
        real = tempfile.mkstemp

        def mkstemp(*args: Any, **kwargs: Any) -> Any:
            if Path(kwargs.get("dir", "")) == folder:
                raise OSError(code, os.strerror(code))
            return real(*args, **kwargs)

        monkeypatch.setattr(tempfile, "mkstemp", mkstemp)

    return patch


def _read_only_file(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    (folder / "store.journey").chmod(0o444)  # refused by write_atomic, also for root


FAULTS = {
    "a full disk": (_full_disk, "is full"),
    "a read-only disk": (_folder_refuses(errno.EROFS), "on a read-only disk"),
    "a folder we may not write to": (_folder_refuses(errno.EACCES), "read-only, or belongs"),
    "a read-only file": (_read_only_file, "read-only, or belongs"),
}


@pytest.mark.parametrize("fault", FAULTS)
def test_a_failed_save_says_why_and_save_as_saves_elsewhere(
    fault: str, make_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _saved_twice(tmp_path)
    backup = path.with_name("store.journey.bak")
    before, before_backup = path.read_bytes(), backup.read_bytes()
    window = make_window(path=path)
    window.document.push(UpdateInfo({"title": "Two hours of work"}))
    make_fault, reason = FAULTS[fault]
    make_fault(monkeypatch, path.parent)

    seen: list[str] = []
    click_when_modal("Close", seen)
    assert not window.features.saving.save()
    message = seen[0]
    assert str(path) in message  # which file
    assert reason in message  # what happened
    assert "Save As" in message  # what to do
    assert "still open, with all its changes" in message
    assert path.read_bytes() == before
    assert backup.read_bytes() == before_backup
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store.journey", "store.journey.bak"]
    assert window.document.modified
    assert window.isWindowModified()
    assert window.document.journey.title == "Two hours of work"

    elsewhere = tmp_path / "usb-stick" / "rescued.journey"
    elsewhere.parent.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(elsewhere), ""))
    )
    click_when_modal("Save As…")  # straight from the message
    assert window.features.saving.save()
    assert load_journey(elsewhere).title == "Two hours of work"
    assert window.document.path == elsewhere.resolve()
    assert not window.document.modified
    assert path.read_bytes() == before
    assert backup.read_bytes() == before_backup
    path.chmod(0o644)
