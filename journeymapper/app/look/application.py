"""The one QApplication of the editor, set up once: name, organisation for the
settings, the desktop entry and icon, the bundled fonts, the light or dark look of
View ▸ Appearance. The command line's image export makes one too."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from journeymapper import __version__
from journeymapper.app.look import appearance
from journeymapper.app.look.app_icon import APP_ID, app_icon
from journeymapper.app.look.fonts import load_fonts, ui_font
from journeymapper.app.settings import APPLICATION, ORGANIZATION


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
