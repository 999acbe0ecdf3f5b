"""Start the editor: `journeymapper [FILE]` calls `run(path)`.

Sets up the application once (name, organisation for the settings, the desktop entry
and icon, the bundled fonts, the light or dark look of View ▸ Appearance), opens a
window on `path` or on a new map, and runs the event loop.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from journeymapper import __version__
from journeymapper.app.look import appearance
from journeymapper.app.look.app_icon import APP_ID, app_icon
from journeymapper.app.look.fonts import load_fonts, ui_font
from journeymapper.app.safety.recovery import offer_when_started
from journeymapper.app.settings import APPLICATION, ORGANIZATION
from journeymapper.io.errors import JourneyFileError

log = logging.getLogger(__name__)


def application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, created and set up on first use."""
    app = QApplication.instance()
    if app is None:
        QApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationVersion(__version__)
    app.setApplicationDisplayName("JourneyMapper")
    app.setDesktopFileName(APP_ID)  # ties windows to journeymapper.desktop (Wayland, docks)
    app.setWindowIcon(app_icon())
    load_fonts()
    app.setFont(ui_font(9.5))
    appearance.apply(app)
    return app


def open_first_window(path: str | None):  # type: ignore[no-untyped-def]
    """The window `run` shows: on `path`, or a new map when it cannot be opened."""
    from journeymapper.app.files import saving as files
    from journeymapper.app.files.opening import OpeningCancelledError
    from journeymapper.app.window.main_window import MainWindow

    if path:
        try:
            return files.open_window(Path(path))
        except JourneyFileError as exc:
            window = MainWindow()
            QMessageBox.critical(window, "Cannot open the map", str(exc))
            return window
        except OpeningCancelledError:
            return MainWindow()
    return files.open_window(None)


def run(path: str | None = None) -> int:
    """Open the editor (on `path` if given) and return the exit code."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    app = application()
    start_safety_net(app)  # crash log, recovery copies (app/crash.py, app/recovery.py)
    window = open_first_window(path)
    window.show()
    QTimer.singleShot(0, lambda: offer_when_started(window))
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
