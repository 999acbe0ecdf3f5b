"""Saves that fail — a full disk, a read-only file or folder — change nothing on disk.

The old file and its `.bak` stay byte for byte as they were, and no temporary file is
left behind. Two ways of failing:

- simulated, everywhere: the write raises ENOSPC, the folder refuses the new file;
- real, from the kernel, in a child process with its own mount namespace: a 64 KiB
  tmpfs that fills up, then the same tmpfs remounted read-only. Root ignores file
  permissions but not a full or read-only file system, so this fails for real as root
  too. (Where namespaces are not allowed, that test is skipped and says why.)

A file with no write permission at all is refused by `write_atomic` itself, also for
root, who could otherwise rename over it.
"""

from __future__ import annotations

import ctypes
import errno
import json
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

import pytest

from journeymapper.io.atomic import write_atomic

OLD, OLDER, NEW = b"old version\n" * 300, b"older version\n" * 300, b"new version\n" * 20_000


def _saved_twice(folder: Path) -> Path:
    """A target holding OLD with OLDER as its .bak, as after two saves."""
    target = folder / "map.journey"
    write_atomic(target, OLDER)
    write_atomic(target, OLD, backup=True)
    return target


def _untouched(target: Path) -> None:
    assert target.read_bytes() == OLD
    assert target.with_name("map.journey.bak").read_bytes() == OLDER
    assert sorted(p.name for p in target.parent.iterdir()) == ["map.journey", "map.journey.bak"]


def test_a_full_disk_during_the_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = _saved_twice(tmp_path)
    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, handle: Any) -> None:
            self.handle = handle

        def __enter__(self) -> FullDisk:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def write(self, data: bytes) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fdopen", lambda fd, mode: FullDisk(real_fdopen(fd, mode)))
    with pytest.raises(OSError, match="No space left"):
        write_atomic(target, NEW, backup=True)
    _untouched(target)


def test_a_folder_that_refuses_new_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = _saved_twice(tmp_path)

    def read_only(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    with pytest.raises(OSError, match="Read-only"):
        write_atomic(target, NEW, backup=True)
    _untouched(target)


def test_a_read_only_file_is_refused_even_for_root(tmp_path: Path) -> None:
    target = _saved_twice(tmp_path)
    target.chmod(0o444)
    try:
        with pytest.raises(PermissionError, match="read-only"):
            write_atomic(target, NEW, backup=True)
        _untouched(target)
    finally:
        target.chmod(0o644)


# ----- real faults, in a mount namespace of their own ---------------------------------------

CLONE_NEWNS, CLONE_NEWUSER = 0x00020000, 0x10000000
MS_RDONLY, MS_REMOUNT, MS_REC, MS_PRIVATE = 1, 32, 16384, 1 << 18


def _libc_call(name: str, *args: Any) -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    if getattr(libc, name)(*args) != 0:
        code = ctypes.get_errno()
        raise OSError(code, f"{name}: {os.strerror(code)}")


def _own_mount_namespace() -> None:
    uid, gid = os.geteuid(), os.getegid()
    if uid == 0:
        _libc_call("unshare", CLONE_NEWNS)
    else:  # an unprivileged user namespace, where we are root of our own mounts
        _libc_call("unshare", CLONE_NEWUSER | CLONE_NEWNS)
        Path("/proc/self/setgroups").write_text("deny")
        Path("/proc/self/uid_map").write_text(f"0 {uid} 1")
        Path("/proc/self/gid_map").write_text(f"0 {gid} 1")
    _libc_call("mount", None, b"/", None, MS_REC | MS_PRIVATE, None)  # nothing leaks out


def _faults_in_child(folder: Path) -> dict[str, Any]:
    """Fill a small tmpfs and make it read-only; what each save did, by the kernel's word.
    Only a machine that cannot give us the namespace and the tmpfs is a reason to skip;
    anything that goes wrong after that is the test's failure."""
    try:
        _own_mount_namespace()
        _libc_call("mount", b"tmpfs", str(folder).encode(), b"tmpfs", 0, b"size=64k")
    except OSError as exc:
        return {"skip": f"{type(exc).__name__}: {exc}"}
    target = _saved_twice(folder)
    report: dict[str, Any] = {}
    for fault in ("full", "read-only"):
        if fault == "read-only":
            _libc_call("mount", None, str(folder).encode(), None, MS_REMOUNT | MS_RDONLY, None)
        try:
            write_atomic(target, NEW if fault == "full" else OLDER, backup=True)
            report[fault] = "saved"
        except OSError as exc:
            report[fault] = errno.errorcode.get(exc.errno or 0, str(exc))
        report[f"{fault} target"] = target.read_bytes() == OLD
        report[f"{fault} bak"] = target.with_name("map.journey.bak").read_bytes() == OLDER
        report[f"{fault} files"] = sorted(p.name for p in folder.iterdir())
    return report


def test_a_really_full_and_then_read_only_disk(tmp_path: Path) -> None:
    folder = tmp_path / "disk"
    folder.mkdir()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: no pytest, no clean-up; one JSON line down the pipe
        os.close(read)
        try:
            result: dict[str, Any] = _faults_in_child(folder)
        except BaseException as exc:  # reported, and failed, by the parent
            result = {"error": f"{type(exc).__name__}: {exc}"}
        os.write(write, json.dumps(result).encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        report = json.loads(pipe.read() or '{"error": "the child said nothing"}')
    os.waitpid(pid, 0)
    assert "error" not in report, report["error"]
    if "skip" in report:
        pytest.skip(f"no mount namespace for a real full disk here ({report['skip']})")
    assert report["full"] == "ENOSPC"
    assert report["read-only"] == "EROFS"
    files = ["map.journey", "map.journey.bak"]
    for fault in ("full", "read-only"):
        assert report[f"{fault} target"], f"{fault}: the old file changed"
        assert report[f"{fault} bak"], f"{fault}: the .bak changed"
        assert report[f"{fault} files"] == files, f"{fault}: {report[f'{fault} files']}"


def test_a_device_or_a_pipe_is_never_replaced(tmp_path: Path) -> None:
    """`export … -o /dev/null` as root would otherwise rename a file over the device."""
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    with pytest.raises(IsADirectoryError, match="not a regular file"):
        write_atomic(pipe, b"data")
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["pipe"]  # no temporary file left
