"""No tracebacks in the editor: an unexpected error is logged to a file and said calmly.

PySide6 hands an exception raised in a slot or a virtual method (paint, an event
handler) to `sys.excepthook` and carries on; so does Python for any other uncaught
exception on the UI thread. `CrashHandler` writes the traceback to a rotating log in
the user's log folder (`<AppLocalDataLocation>/logs/journeymapper.log`, 1 MB, three old
ones kept) and shows a small non-modal message naming that file. The map stays open
and savable; the message never blocks it, and comes at most once every few seconds
however many errors follow (a failing paint would otherwise raise sixty times a
second). The same error repeated is logged in full a few times, then counted.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt, QThread, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

log = logging.getLogger(__name__)

LOG_NAME = "journeymapper.log"
MAX_LOG_BYTES = 1_000_000
OLD_LOGS = 3
QUIET_SECONDS = 10.0  # between two messages
FULL_TRACEBACKS = 5  # of one and the same error; after that it is counted

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def log_folder() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(base) / "logs"


class CrashHandler:
    def __init__(self, folder: Path | None = None, clock: Callable[[], float] = time.monotonic):
        self.folder = folder or log_folder()
        self.folder.mkdir(parents=True, exist_ok=True)
        self.log_path = self.folder / LOG_NAME
        self.file = RotatingFileHandler(
            self.log_path, maxBytes=MAX_LOG_BYTES, backupCount=OLD_LOGS, encoding="utf-8"
        )
        self.file.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        self.file.setLevel(logging.WARNING)  # the editor's own warnings go there too
        self.clock = clock
        self.seen: Counter[tuple[str, str]] = Counter()
        self.last_shown = -QUIET_SECONDS
        self.pending = False
        self.unseen = 0  # errors since the last message
        self.box: QMessageBox | None = None
        self._previous: Any = None
        self._previous_thread: Any = None

    # ----- installing -------------------------------------------------------------------

    def install(self) -> CrashHandler:
        logging.getLogger().addHandler(self.file)
        self._previous, sys.excepthook = sys.excepthook, self.excepthook
        self._previous_thread, threading.excepthook = threading.excepthook, self._thread_hook
        return self

    def uninstall(self) -> None:
        logging.getLogger().removeHandler(self.file)
        self.file.close()
        if sys.excepthook == self.excepthook:
            sys.excepthook = self._previous
        if threading.excepthook == self._thread_hook:
            threading.excepthook = self._previous_thread

    # ----- an error ---------------------------------------------------------------------

    def excepthook(self, kind: type[BaseException], exc: BaseException, tb: Any) -> None:
        if issubclass(kind, KeyboardInterrupt | SystemExit):
            self._previous(kind, exc, tb)
            return
        try:
            self.record((kind, exc, tb))
        except Exception:  # the log itself failing must not hide the first error
            traceback.print_exception(kind, exc, tb)
        self.unseen += 1
        app = QApplication.instance()
        if app is not None and QThread.currentThread() is app.thread() and not self.pending:
            self.pending = True
            QTimer.singleShot(0, self._tell)  # out of the failing slot first

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.record((args.exc_type, args.exc_value, args.exc_traceback))

    def record(self, info: ExcInfo) -> None:
        kind, _, tb = info
        frames = traceback.extract_tb(tb)
        where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else ""
        key = (kind.__name__, where)
        self.seen[key] += 1
        count = self.seen[key]
        if count <= FULL_TRACEBACKS:
            log.error("Unexpected error (%s)", kind.__name__, exc_info=info)
        elif _is_power_of_ten(count):
            log.error("The same %s at %s has now happened %d times", kind.__name__, where, count)
        for handler in logging.getLogger().handlers:
            handler.flush()

    # ----- the message ------------------------------------------------------------------

    def _tell(self) -> None:
        self.pending = False
        now = self.clock()
        if now - self.last_shown < QUIET_SECONDS or (self.box is not None and self.box.isVisible()):
            return
        self.last_shown = now
        errors = "An unexpected error" if self.unseen == 1 else f"{self.unseen} unexpected errors"
        self.unseen = 0
        box = QMessageBox(QApplication.activeWindow())
        box.setWindowTitle("Something went wrong")
        box.setIcon(QMessageBox.Icon.Information)
        box.setText(
            f"Something went wrong inside JourneyMapper ({errors.lower()}).\n\n"
            "Your map is safe: it is still open, you can keep working, and saving works "
            "as usual. If something looks wrong, save, then close and open the map again."
        )
        box.setInformativeText(f"Details were written to:\n{self.log_path}")
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(lambda: setattr(self, "box", None))
        self.box = box
        box.show()


def _is_power_of_ten(count: int) -> bool:
    while count % 10 == 0:
        count //= 10
    return count == 1


_HANDLER: CrashHandler | None = None


def install_crash_handler(folder: Path | None = None) -> CrashHandler:
    """Install the handler for this run (once); returns it."""
    global _HANDLER
    if _HANDLER is None:
        _HANDLER = CrashHandler(folder).install()
    return _HANDLER
