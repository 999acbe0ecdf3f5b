"""Start the editor: `journeymapper [FILE]` calls `run(path)`.

Sets up the application once (name, organisation for the settings, the desktop entry
and icon, the bundled fonts, the light or dark look of View ▸ Appearance), opens a
window on `path` or on a new map, and runs the event loop.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from journeymapper.app.files.opening import OpeningCancelledError, open_window
from journeymapper.app.look.application import application
from journeymapper.app.window.main_window import MainWindow
from journeymapper.io.errors import JourneyFileError

log = logging.getLogger(__name__)


def open_first_window(path: str | None) -> MainWindow:
    """The window `run` shows: on `path`, or a new map when it cannot be opened."""
    if path:
        try:
            window = open_window(Path(path), MainWindow)
        except JourneyFileError as exc:
            window = MainWindow()
            QMessageBox.critical(window, "Cannot open the map", str(exc))
            return window
        except OpeningCancelledError:
            return MainWindow()
        assert isinstance(window, MainWindow)
        return window
    return MainWindow()


def run(path: str | None = None) -> int:
    """Open the editor (on `path` if given) and return the exit code."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    app = application()
    start_safety_net(app)  # crash log, recovery copies (app/crash.py, app/recovery.py)
    window = open_first_window(path)
    window.features.afterwards(window.offer_recovery)  # once the window is whole
    window.show()
    return app.exec()


def start_safety_net(app: QApplication) -> None:
    """Log unexpected errors calmly, and lock this run's folder of recovery copies."""
    from journeymapper.app.safety.crash import install_crash_handler
    from journeymapper.app.safety.recovery_session import current_session, end_session

    install_crash_handler()
    current_session()
    app.aboutToQuit.connect(end_session)


if __name__ == "__main__":
    sys.exit(run(sys.argv[1] if len(sys.argv) > 1 else None))
