"""Where the bundled resources (fonts, icons, schema, templates) are.

From a source checkout they are in `resources/` beside the package; in a PyInstaller
bundle they are unpacked under `sys._MEIPASS`.
"""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def examples_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "examples"
    return Path(__file__).resolve().parents[2] / "examples"
