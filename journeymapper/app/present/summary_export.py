"""File ▸ Export ▸ Session Summary PDF…, and the bar's one-click summary.

The menu asks where to write (beside the map, named after it, by default). The
presentation bar's button asks nothing when the map has a file: it writes
`<map>-summary-<date>.pdf` beside it (again the same day: the same file, updated) and
says so in the bar, so the end of a workshop meets no dialog either. Both write
atomically, through `io.summary_pdf`.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from journeymapper.app.context import EditorContext

log = logging.getLogger(__name__)


def _safe(title: str) -> str:
    cleaned = "".join(ch if ch.isalnum() or ch in " -_" else " " for ch in title)
    return "-".join(cleaned.lower().split()) or "journey"


def default_path(context: EditorContext, day: dt.date) -> Path:
    doc = context.document
    stem = doc.path.stem if doc.path else _safe(doc.journey.title)
    folder = doc.path.parent if doc.path else Path.home()
    return folder / f"{stem}-summary-{day.isoformat()}.pdf"


def write(context: EditorContext, path: Path, say: Callable[[str], None]) -> bool:
    from journeymapper.io.summary_pdf import export_summary  # (reportlab, on first use)

    try:
        export_summary(context.document.journey, path, dt.date.today())
    except OSError as exc:
        log.warning("session summary %s: %s", path, exc)
        say(f"The summary could not be written to {path}: {exc.strerror or exc}")
        return False
    say(f"Session summary written: {path}")
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
    """Write the summary beside the map without asking (a map never saved: ask)."""
    if context.document.path is None:
        export_dialog(context)
        return
    write(context, default_path(context, dt.date.today()), say)
