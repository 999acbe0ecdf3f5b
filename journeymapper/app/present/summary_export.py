"""File ▸ Export ▸ Session Summary PDF…, and the bar's one-click summary.

Outside a presentation the menu asks where to write (beside the map, named after it, by
default). While presenting, and from the bar's Summary button always, nothing is asked:
the summary goes to `<map>-summary-<date>.pdf` beside the map, or for a map never
saved to `Documents/JourneyMapper/<title>-summary-<date>.pdf` (`default_folder`; again
the same day: the same file, updated), and a toast names the file — the end of a
workshop meets no dialog. Both write atomically, through `io.summary_pdf`.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox

from journeymapper.app.context import EditorContext

log = logging.getLogger(__name__)


def _safe(title: str) -> str:
    cleaned = "".join(ch if ch.isalnum() or ch in " -_" else " " for ch in title)
    return "-".join(cleaned.lower().split()) or "journey"


def default_folder() -> Path:
    """Where the summary of a map never saved goes: JourneyMapper in the user's
    documents folder (XDG_DOCUMENTS_DIR on Linux, Documents on macOS and Windows)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return (Path(documents) if documents else Path.home() / "Documents") / "JourneyMapper"


def default_path(context: EditorContext, day: dt.date) -> Path:
    doc = context.document
    stem = doc.path.stem if doc.path else _safe(doc.journey.title)
    folder = doc.path.parent if doc.path else default_folder()
    return folder / f"{stem}-summary-{day.isoformat()}.pdf"


def write(context: EditorContext, path: Path, say: Callable[[str], None]) -> bool:
    from journeymapper.io.summary_pdf import export_summary  # (reportlab, on first use)

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        export_summary(context.document.journey, path, dt.date.today())
    except OSError as exc:
        log.warning("session summary %s: %s", path, exc)
        say(f"The summary could not be written to {path}: {exc.strerror or exc}")
        return False
    say(f"Session summary written: {path.name} (in {path.parent})")
    return True


def export_dialog(context: EditorContext) -> None:
    """Ask where, then write the summary (File ▸ Export ▸ Session Summary PDF…)."""
    start = default_path(context, dt.date.today())
    name, _ = QFileDialog.getSaveFileName(
        context.parent, "Export Session Summary", str(start), "PDF documents (*.pdf)"
    )
    if not name:
        return
    path = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")

    def say(text: str) -> None:
        if text.startswith("The summary could not"):
            QMessageBox.critical(context.parent, "Cannot export the summary", text)
        else:
            context.say(text, 6000)

    write(context, path, say)


def export_beside(context: EditorContext, say: Callable[[str], None]) -> None:
    """Write the summary without asking: beside the map, or in the default folder."""
    write(context, default_path(context, dt.date.today()), say)
