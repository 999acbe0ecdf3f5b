"""File ▸ Export ▸ CSV / Mermaid / GraphML / SVG: a save dialog, then the same writers as
`journeymapper export` (`io.interchange.formats.export_file`); the SVG draws the open canvas.

For CSV the file type chooses the delimiter: commas, semicolons (what Excel expects in
locales that write decimal commas) or tabs.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QMessageBox

from journeymapper.app.context import EditorContext
from journeymapper.io.interchange.formats import SUFFIXES as DATA_SUFFIXES
from journeymapper.io.interchange.formats import export_file
from journeymapper.io.svg import write_svg

CSV_FILTERS = {
    "CSV, comma-separated (*.csv)": ",",
    "CSV, semicolon-separated, for Excel with decimal commas (*.csv)": ";",
    "Tab-separated text (*.tsv)": "\t",
}
FILTERS = {
    "mermaid": "Mermaid journey (*.mmd *.mermaid)",
    "graphml": "GraphML graph, for yEd and Gephi (*.graphml)",
    "svg": "SVG image (*.svg)",
}
SUFFIXES = {**DATA_SUFFIXES, "svg": ".svg"}  # and the semantic SVG picture (io/svg)
TITLES = {
    "csv": "Export as CSV Spreadsheet",
    "mermaid": "Export as Mermaid Journey",
    "graphml": "Export as GraphML Graph",
    "svg": "Export Canvas as SVG",
}


def default_path(context: EditorContext, fmt: str) -> Path:
    """Beside the map with the format's suffix; else in the home folder, after the title."""
    doc = context.document
    if doc.path is not None:
        return doc.path.with_suffix(SUFFIXES[fmt])
    stem = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", doc.journey.title).strip() or "journey"
    return Path.home() / f"{stem}{SUFFIXES[fmt]}"


def ask_path(context: EditorContext, fmt: str) -> tuple[Path, dict[str, Any]] | None:
    """Where to write, and the options the chosen file type implies; None if cancelled."""
    filters = list(CSV_FILTERS) if fmt == "csv" else [FILTERS[fmt]]
    name, chosen = QFileDialog.getSaveFileName(
        context.parent, TITLES[fmt], str(default_path(context, fmt)), ";;".join(filters)
    )
    if not name:
        return None
    path = Path(name)
    options: dict[str, Any] = {}
    if fmt == "csv":
        options["delimiter"] = CSV_FILTERS.get(chosen, "\t" if path.suffix == ".tsv" else ",")
        wanted = ".tsv" if options["delimiter"] == "\t" else ".csv"
    else:
        wanted = SUFFIXES[fmt]
    if path.suffix.lower() not in (wanted, ".mermaid" if fmt == "mermaid" else wanted):
        path = path.with_name(path.name + wanted)
    return path, options


def write(context: EditorContext, fmt: str, path: Path, **options: Any) -> bool:
    """Export the window's map to `path`; a message box says why when it cannot."""
    try:
        if fmt == "svg":
            write_svg(context.document.journey, path)
        else:
            export_file(context.document.journey, path, fmt, **options)
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        QMessageBox.critical(context.parent, "Cannot export the map", f"{path}\n\n{reason}")
        return False
    context.say(f"Exported {path.name}", 4000)
    return True


def export_interactively(context: EditorContext, fmt: str) -> Path | None:
    chosen = ask_path(context, fmt)
    if chosen is None:
        return None
    path, options = chosen
    return path if write(context, fmt, path, **options) else None
