"""Summary while presenting writes the PDF without asking and names it in a toast
(issue 16, item 4): no modal dialog in the middle of a workshop."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton

from journeymapper.io.journey_file import save_journey
from tests.app.present.helpers import present
from tests.sample import clothing_store


def _no_dialogs(monkeypatch) -> list[object]:  # type: ignore[no-untyped-def]
    asked: list[object] = []

    def ask(*args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(args)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(ask))
    return asked


def _summary_button(window) -> QPushButton:  # type: ignore[no-untyped-def]
    bar = window.features.facilitator.bar
    return next(b for b in bar.findChildren(QPushButton) if b.text() == "Summary")


def _wide(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.wait(300)  # (the full-screen fallback has run)
    window.setGeometry(0, 0, 1920, 1080)
    qtbot.waitUntil(lambda: window.features.facilitator.bar.width() == 1920)


def test_an_unsaved_map_goes_to_the_documented_folder(make_window, qtbot, monkeypatch, tmp_path):  # type: ignore[no-untyped-def]
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # no user-dirs.dirs
    asked = _no_dialogs(monkeypatch)
    window = make_window(clothing_store())
    assert window.document.path is None
    present(window, qtbot)
    _wide(window, qtbot)
    _summary_button(window).click()
    expected = (
        home
        / "Documents"
        / "JourneyMapper"
        / f"online-clothing-store-summary-{dt.date.today().isoformat()}.pdf"
    )
    assert not asked
    assert QApplication.activeModalWidget() is None
    assert expected.is_file()
    assert len(PdfReader(expected).pages) == 1
    toast = window.features.facilitator.toast
    assert toast.isVisible()
    assert expected.name in toast.text()
    assert window.features.facilitator.mode.active  # still presenting


def test_a_saved_map_gets_it_beside_it_and_the_menu_asks_nothing_either(
    make_window, qtbot, monkeypatch, tmp_path
) -> None:
    asked = _no_dialogs(monkeypatch)
    path = tmp_path / "store.journey"
    save_journey(clothing_store(), path)
    window = make_window(clothing_store(), path)
    present(window, qtbot)
    window.features.facilitator.acts["summary"].trigger()  # Workshop ▸ Session Summary PDF…
    expected = Path(tmp_path / f"store-summary-{dt.date.today().isoformat()}.pdf")
    assert not asked
    assert expected.is_file()
    assert expected.name in window.features.facilitator.toast.text()


def test_outside_a_presentation_the_menu_still_asks_where(window, monkeypatch) -> None:
    asked = _no_dialogs(monkeypatch)
    window.features.facilitator.acts["summary"].trigger()
    assert len(asked) == 1  # (answered Cancel: nothing written)
