"""The interchange formats in one place: pick one by extension or name, import, export.

    export_file(journey, "map.csv")                  # the format from the extension
    export_file(journey, "out.txt", "mermaid")       # or named
    result = import_file("sheet.csv")                # ImportResult: data, skipped, warnings

| format  | extensions          | import | export | options                         |
|---------|---------------------|--------|--------|---------------------------------|
| csv     | .csv, .tsv          | yes    | yes    | delimiter=",", bom=True         |
| mermaid | .mmd, .mermaid      | yes    | yes    |                                 |
| graphml | .graphml            | yes    | yes    | yed=True                        |
| png     | .png                |        | yes    | dpi=144                         |
| svg     | .svg                |        | yes    |                                 |
| journey | .journey            | yes    | yes    |                                 |

PNG draws the editor's canvas with Qt; `journeymapper.app.render_image` is imported
only when asked for, with Qt's offscreen platform when there is no display, so the
command line needs no window (and the rest of this package no Qt at all). SVG is
semantic SVG written from the layout without Qt (`journeymapper.io.svg`).
Every import raises only its format's `FileFormatError` subclass.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from journeymapper.io.interchange_build import ImportResult, Notice, Skipped
from journeymapper.io.interchange_merge import merge_edit
from journeymapper.model.document import Journey

__all__ = [
    "EXPORT_FORMATS",
    "IMPORT_FORMATS",
    "ExportError",
    "ImportResult",
    "Notice",
    "Skipped",
    "UnknownFormatError",
    "export_file",
    "format_for",
    "import_file",
    "merge_edit",
]

EXTENSIONS = {
    "csv": "csv",
    "tsv": "csv",
    "mmd": "mermaid",
    "mermaid": "mermaid",
    "graphml": "graphml",
    "png": "png",
    "svg": "svg",
    "journey": "journey",
}
LABELS = {
    "csv": "CSV spreadsheet",
    "mermaid": "Mermaid journey",
    "graphml": "GraphML graph",
    "png": "PNG image",
    "svg": "SVG image",
    "journey": "JourneyMapper map",
}
SUFFIXES = {"csv": ".csv", "mermaid": ".mmd", "graphml": ".graphml", "png": ".png",
            "svg": ".svg", "journey": ".journey"}  # fmt: skip
IMPORT_FORMATS = ("csv", "mermaid", "graphml", "journey")
EXPORT_FORMATS = ("csv", "mermaid", "graphml", "png", "svg", "journey", "tsv", "mmd")
IMAGE_MODULE = "journeymapper.app.render_image"


class UnknownFormatError(ValueError):
    """No format goes by that name or extension (or it cannot go in that direction)."""


class ExportError(ValueError):
    """An export that cannot be made (e.g. an image without Qt); nothing was written."""


def format_for(path: str | Path, fmt: str | None = None, *, importing: bool = False) -> str:
    """The format's name for `fmt` (a name or extension) or else `path`'s extension."""
    given = (fmt or Path(path).suffix).strip().lstrip(".").casefold()
    name = EXTENSIONS.get(given)
    allowed = IMPORT_FORMATS if importing else tuple(LABELS)
    if name is None or name not in allowed:
        known = ", ".join(sorted({f".{e}" for e, n in EXTENSIONS.items() if n in allowed}))
        shown = f"'.{given}'" if given else "'' (the file has no extension; add one)"
        verb = "import" if importing else "export"
        raise UnknownFormatError(f"cannot {verb} format {shown} (known: {known})")
    return name


# ----- export -------------------------------------------------------------------------------


def export_file(journey: Journey, path: str | Path, fmt: str | None = None, **options: Any) -> None:
    """Write `journey` to `path` in `fmt` (default: from the extension), atomically."""
    name = format_for(path, fmt)
    if name == "csv" and "delimiter" not in options:
        given = (fmt or Path(path).suffix).lstrip(".").casefold()
        options["delimiter"] = "\t" if given == "tsv" else ","
    _exporter(name)(journey, Path(path), **options)


def _exporter(name: str) -> Callable[..., None]:
    if name == "csv":
        from journeymapper.io.csv_format import write_csv

        return write_csv
    if name == "mermaid":
        from journeymapper.io.mermaid import write_mermaid

        return write_mermaid
    if name == "graphml":
        from journeymapper.io.graphml import write_graphml

        return write_graphml
    if name == "journey":
        return _write_journey
    if name == "svg":
        from journeymapper.io.svg import write_svg

        return write_svg
    return _image_exporter(name)


def _write_journey(journey: Journey, path: Path, **_: Any) -> None:
    from journeymapper.io.journey_file import save_journey

    save_journey(journey, path)


def _image_exporter(name: str) -> Callable[..., None]:
    use_offscreen_qt()
    try:
        module = importlib.import_module(IMAGE_MODULE)
    except ImportError as exc:
        raise ExportError(f"{name.upper()} export needs Qt (PySide6): {exc}") from None

    def export(journey: Journey, path: Path, **options: Any) -> None:
        module.export_image(journey, path, name, **options)

    return export


def use_offscreen_qt() -> None:
    """Let Qt draw without a window system when there is none (a server, CI, ssh)."""
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")) and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


# ----- import -------------------------------------------------------------------------------


def import_file(path: str | Path, fmt: str | None = None) -> ImportResult:
    """Read `path` as a map; raises the format's `FileFormatError` subclass if it cannot."""
    name = format_for(path, fmt, importing=True)
    if name == "csv":
        from journeymapper.io.csv_read import read_csv

        return read_csv(path)
    if name == "mermaid":
        from journeymapper.io.mermaid_read import read_mermaid

        return read_mermaid(path)
    if name == "graphml":
        from journeymapper.io.graphml_read import read_graphml

        return read_graphml(path)
    from journeymapper.io.journey_file import load_journey

    return ImportResult(load_journey(path).to_data(), "journey")
