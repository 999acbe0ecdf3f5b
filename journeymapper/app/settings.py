"""Where the editor keeps its preferences: window layout and recent files.

`settings()` is the one place a `QSettings` is made, in INI format, so tests point it
at a temporary directory with `QSettings.setPath` and never touch the user's own.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

ORGANIZATION = "JourneyMapper"
APPLICATION = "JourneyMapper"
MAX_RECENT = 10


def settings() -> QSettings:
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )


def recent_files() -> list[Path]:
    value = settings().value("recent_files", [])
    items = [value] if isinstance(value, str) else list(value or [])
    return [Path(p) for p in items if p]


def add_recent_file(path: Path) -> None:
    paths = [str(path)] + [str(p) for p in recent_files() if p != path]
    settings().setValue("recent_files", paths[:MAX_RECENT])


def clear_recent_files() -> None:
    settings().setValue("recent_files", [])
