"""Recovery copies on disk, and the remembered state of a file."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from journeymapper.io.disk_state import DiskState
from journeymapper.io.recovery_store import (
    RecoveryInfo,
    copies_in,
    remove_copy,
    remove_folder_if_empty,
    write_copy,
)
from tests.sample import clothing_store


def _info(original: Path | None = None, base: DiskState | None = None) -> RecoveryInfo:
    return RecoveryInfo(
        title="Clothing", original=original, saved_at=datetime.now(UTC), session="s1",
        pid=os.getpid(), base=base,
    )  # fmt: skip


def test_a_copy_is_written_read_and_removed(tmp_path: Path) -> None:
    journey = clothing_store()
    folder = tmp_path / "session"
    original = tmp_path / "map.journey"
    original.write_text("{}")
    info = _info(original, DiskState.of(original))
    write_copy(folder, "map-1", journey.to_data(), info)
    [copy] = copies_in(folder)
    assert copy.key == "map-1"
    assert copy.info == info
    assert copy.load().to_data() == journey.to_data()
    remove_copy(folder, "map-1")
    assert copies_in(folder) == []
    assert remove_folder_if_empty(folder)
    assert not folder.exists()


def test_half_written_and_foreign_files_are_not_copies(tmp_path: Path) -> None:
    write_copy(tmp_path, "map-1", clothing_store().to_data(), _info())
    (tmp_path / "map-2.journey").write_text("{}")  # its info never got written
    (tmp_path / "notes.json").write_text('{"format": "something else"}')
    (tmp_path / "broken.json").write_text("{")
    (tmp_path / "broken.journey").write_text("{")
    assert [c.key for c in copies_in(tmp_path)] == ["map-1"]
    assert not remove_folder_if_empty(tmp_path)


def test_disk_state_tells_other_bytes_from_a_touch(tmp_path: Path) -> None:
    path = tmp_path / "map.journey"
    path.write_bytes(b"one")
    state = DiskState.of(path)
    assert state is not None
    assert state.matches(path)
    os.utime(path, ns=(1, 1))  # the same bytes, another time
    assert state.matches(path)
    path.write_bytes(b"two")
    assert not state.matches(path)
    assert DiskState.from_json(state.to_json()) == state
    assert DiskState.of(tmp_path / "missing") is None
    assert DiskState.from_json({"size": "x"}) is None
