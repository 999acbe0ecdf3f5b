"""Recovery copies on disk: the unsaved state of an open map, kept in case the editor dies.

A copy is two files in a folder of the recovery directory, both written atomically:

    <recovery>/<session>/map-3.journey    the map, an ordinary `.journey` file
    <recovery>/<session>/map-3.json       who wrote it, when, and for which file

The map is written first, so a copy whose `.json` exists is whole. The `.json` names the
session and process that own the copy, the map's title, the file it was opened from
(if any) and the state of that file when it was last opened or saved, so that a
restored map can tell whether the file changed on disk since. Which copies belong to a
run that is still alive is decided by the editor (with a lock per session); this module
only reads and writes the files.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from journeymapper.io.atomic import write_atomic
from journeymapper.io.disk_state import DiskState
from journeymapper.io.journey_file import load_journey, to_json
from journeymapper.model.document import Journey
from journeymapper.model.schema import JourneyData

INFO_FORMAT = "journeymapper-recovery"


@dataclass(frozen=True, slots=True)
class RecoveryInfo:
    title: str
    original: Path | None
    saved_at: datetime
    session: str
    pid: int
    base: DiskState | None = None  # the original file as it was last opened or saved

    def to_json(self) -> dict[str, Any]:
        return {
            "format": INFO_FORMAT,
            "version": 1,
            "title": self.title,
            "original": str(self.original) if self.original else None,
            "saved_at": self.saved_at.isoformat(),
            "session": self.session,
            "pid": self.pid,
            "base": self.base.to_json() if self.base else None,
        }

    @classmethod
    def from_json(cls, value: Any) -> RecoveryInfo | None:
        """The info in a `.json` file, or None when it is not one of ours."""
        if not isinstance(value, dict) or value.get("format") != INFO_FORMAT:
            return None
        try:
            original = value.get("original")
            saved_at = datetime.fromisoformat(str(value["saved_at"]))
            return cls(
                title=str(value.get("title") or "Untitled"),
                original=Path(original) if isinstance(original, str) and original else None,
                saved_at=saved_at if saved_at.tzinfo else saved_at.replace(tzinfo=UTC),
                session=str(value.get("session", "")),
                pid=int(value.get("pid", 0)),
                base=DiskState.from_json(value.get("base")),
            )
        except (KeyError, TypeError, ValueError):
            return None


@dataclass(frozen=True, slots=True)
class RecoveryCopy:
    folder: Path
    key: str
    info: RecoveryInfo

    @property
    def map_path(self) -> Path:
        return self.folder / f"{self.key}.journey"

    @property
    def info_path(self) -> Path:
        return self.folder / f"{self.key}.json"

    def load(self) -> Journey:
        """The map as it was last autosaved. Raises `JourneyFileError`."""
        return load_journey(self.map_path)


def write_copy(folder: Path, key: str, data: JourneyData, info: RecoveryInfo) -> None:
    """Write (or replace) the copy `key` in `folder`: the map first, then its info."""
    folder.mkdir(parents=True, exist_ok=True)
    write_atomic(folder / f"{key}.journey", to_json(data).encode("utf-8"))
    text = json.dumps(info.to_json(), ensure_ascii=False, indent=1) + "\n"
    write_atomic(folder / f"{key}.json", text.encode("utf-8"))


def remove_copy(folder: Path, key: str) -> None:
    """Remove the copy `key`: its info first, so a half-removed copy is never offered."""
    for name in (f"{key}.json", f"{key}.journey"):
        with contextlib.suppress(FileNotFoundError):
            (folder / name).unlink()


def copies_in(folder: Path) -> list[RecoveryCopy]:
    """The whole copies in `folder`, oldest first; files that are not ours are left alone."""
    found = []
    try:
        infos = sorted(folder.glob("*.json"))
    except OSError:
        return []
    for info_path in infos:
        key = info_path.stem
        if not (folder / f"{key}.journey").is_file():
            continue
        try:
            info = RecoveryInfo.from_json(json.loads(info_path.read_text("utf-8")))
        except (OSError, ValueError):
            continue
        if info is not None:
            found.append(RecoveryCopy(folder, key, info))
    return sorted(found, key=lambda c: c.info.saved_at)


def remove_folder_if_empty(folder: Path) -> bool:
    """Remove `folder` when nothing is left in it (leftover temp files aside)."""
    try:
        for leftover in folder.glob(".*.tmp"):
            leftover.unlink()
        folder.rmdir()
    except OSError:
        return False
    return True
