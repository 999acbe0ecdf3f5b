"""Runs a poster export on a worker thread, reporting progress and honouring Cancel.

The dialog that starts it is modal, so the journey cannot change while the worker
reads it. Cancel sets a flag the export's progress callback reads; the export then
stops before writing anything, so a cancelled export leaves no file behind.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QThread, Signal

from journeymapper.io.poster.export import ExportCancelledError, PosterResult, export_poster
from journeymapper.io.poster.options import PosterOptions
from journeymapper.io.poster.paper import PosterError
from journeymapper.model.document import Journey

log = logging.getLogger(__name__)


class PosterExportWorker(QThread):
    """One export; exactly one of `succeeded`, `cancelled` or `failed` is emitted."""

    progressed = Signal(int)  # per mille
    succeeded = Signal(object)  # PosterResult
    cancelled = Signal()
    failed = Signal(str)

    def __init__(self, journey: Journey, path: Path, options: PosterOptions) -> None:
        super().__init__()
        self.journey = journey
        self.path = path
        self.options = options
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    def _progress(self, fraction: float) -> bool:
        self.progressed.emit(round(fraction * 1000))
        return not self._stop.is_set()

    def run(self) -> None:
        try:
            result: PosterResult = export_poster(
                self.journey, self.path, self.options, self._progress
            )
        except ExportCancelledError:
            self.cancelled.emit()
        except PosterError as exc:
            self.failed.emit(str(exc))
        except OSError as exc:
            self.failed.emit(f"{self.path} cannot be written ({exc.strerror or exc}).")
        except Exception as exc:  # a bug must not kill the editor with the export
            log.exception("poster export failed")
            self.failed.emit(f"The poster could not be made: {exc}")
        else:
            self.succeeded.emit(result)
