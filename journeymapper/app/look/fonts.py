"""The bundled DejaVu Sans fonts, set up so Qt breaks and measures text like `layout.py`.

The layout wraps text with DejaVu Sans advance widths and no kerning; the canvas must
draw with the same font, kerning off and no hinting (hinting rounds advances to whole
pixels), or a card's name would break at other words than on the poster.
"""

from __future__ import annotations

import logging
from functools import cache

from PySide6.QtGui import QFont, QFontDatabase

from journeymapper.layout.text import font_path

log = logging.getLogger(__name__)

FAMILY = "DejaVu Sans"


@cache
def load_fonts() -> str:
    """Register the bundled fonts once per process; returns the family to use."""
    for bold in (False, True):
        if QFontDatabase.addApplicationFont(font_path(bold)) < 0:
            log.warning("could not load the bundled font %s", font_path(bold))
    return FAMILY


@cache
def scene_font(size: float, bold: bool = False, dpi: int = 96) -> QFont:
    """A font `size` scene units (points) tall on a device of `dpi` logical dots per inch.

    Scene units are points; Qt turns point sizes into pixels with the device's DPI,
    so the point size is corrected for it: text then has the size the layout assumed.
    """
    font = QFont(load_fonts())
    font.setPointSizeF(size * 72.0 / dpi)
    font.setBold(bold)
    font.setKerning(False)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font


def ui_font(point_size: float | None = None, bold: bool = False) -> QFont:
    """The bundled family for widgets, so the editor looks the same on every platform."""
    font = QFont(load_fonts())
    if point_size is not None:
        font.setPointSizeF(point_size)
    font.setBold(bold)
    return font
