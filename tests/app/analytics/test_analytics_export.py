"""The analytics overlay in the canvas's PNG: File ▸ Export ▸ Canvas as PNG Image… in
the editor and `journeymapper export FILE -o OUT.png` both draw it when it is shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog

from journeymapper.analytics.flows import summary
from journeymapper.analytics.mapping import analytics_edit
from journeymapper.analytics.on_map import map_figures
from journeymapper.analytics.open_log import open_log
from journeymapper.cli.main import main as cli_main
from journeymapper.io.journey_file import save_journey
from journeymapper.layout.analytics_overlay import BADGE, DESIGNED
from journeymapper.model.document import Journey
from tests.analytics.logs import shop_log, write_csv
from tests.analytics.shop_map import MAPPING, shop_map


@pytest.fixture
def analysed(tmp_path: Path) -> Journey:
    journey = shop_map()
    with open_log(write_csv(tmp_path / "shop.csv", shop_log())) as log:
        figures = map_figures(log, journey, MAPPING, summary(log))
    journey.apply(analytics_edit(journey, "", mapping=MAPPING, figures=figures, shown=True))
    return journey


def inked(path: Path, ink: str) -> int:
    """Pixels of the image within a small distance of `ink` (anti-aliased edges aside)."""
    image = QImage(str(path))
    assert not image.isNull()
    want = QColor(ink)
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            got = image.pixelColor(x, y)
            near = abs(got.red() - want.red()) + abs(got.green() - want.green())
            if near + abs(got.blue() - want.blue()) < 24:
                count += 1
    return count


def test_the_editor_png_has_the_overlay_when_shown(
    make_window, analysed, monkeypatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(analysed)
    actions = {a.objectName(): a for a in window.menu("export").actions()}
    shown, hidden = tmp_path / "shown.png", tmp_path / "hidden.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(shown), "")))
    actions["export_png"].trigger()
    journey = window.document.journey
    window.document.push(analytics_edit(journey, "Hide log figures", shown=False))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(hidden), "")))
    actions["export_png"].trigger()
    assert inked(shown, BADGE) > 200  # the reach badges
    assert inked(shown, DESIGNED) > 200  # the volume arrows
    assert inked(hidden, BADGE) == 0


def test_the_command_line_png_has_the_overlay_when_shown(analysed, tmp_path, qapp) -> None:  # type: ignore[no-untyped-def]
    source, shown, hidden = (
        tmp_path / "map.journey",
        tmp_path / "shown.png",
        tmp_path / "hidden.png",
    )
    save_journey(analysed, source)
    assert cli_main(["export", str(source), "-o", str(shown)]) == 0
    analysed.apply(analytics_edit(analysed, "", shown=False))
    save_journey(analysed, source)
    assert cli_main(["export", str(source), "-o", str(hidden)]) == 0
    assert inked(shown, BADGE) > 200
    assert inked(shown, DESIGNED) > 200
    assert inked(hidden, BADGE) == 0
