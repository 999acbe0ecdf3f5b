"""The application icon files are current (drawn from icons.py's `app` mark) and set."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from journeymapper.app.look import app_icon


def test_svg_is_current() -> None:
    assert app_icon.svg_path().read_text(encoding="utf-8") == app_icon.icon_svg(), (
        "run `make icons` (python -m journeymapper.app.look.app_icon)"
    )


@pytest.mark.parametrize("size", app_icon.SIZES)
def test_png_matches_a_fresh_rendering(app, size: int) -> None:
    stored = QImage(str(app_icon.png_path(size)))
    assert (stored.width(), stored.height()) == (size, size)
    fresh = app_icon.render_png(app_icon.icon_svg(), size)
    stored = stored.convertToFormat(fresh.format())
    step = max(1, size // 32)
    diff = [
        abs(stored.pixelColor(x, y).rgba() - fresh.pixelColor(x, y).rgba()) > 0
        and max(
            abs(a - b)
            for a, b in zip(
                stored.pixelColor(x, y).getRgb(), fresh.pixelColor(x, y).getRgb(), strict=True
            )
        )
        > 8
        for x in range(0, size, step)
        for y in range(0, size, step)
    ]
    assert sum(diff) <= len(diff) // 50, "run `make icons`: the PNGs are out of date"


def test_the_application_and_its_windows_carry_the_icon(window) -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert app.desktopFileName() == app_icon.APP_ID
    sizes = {s.width() for s in app.windowIcon().availableSizes()}
    assert set(app_icon.SIZES) <= sizes
    assert not window.windowIcon().isNull()
