"""Fixtures for the GUI tests: real main windows on the sample map, isolated settings.

Every window is built through `make_window`, shown, and closed at teardown with any
"unsaved changes" prompt answered Discard, so no test leaves a window or a modal
dialog behind. Settings go to a temporary directory, never the user's.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from benchmarks import display
from tests.sample import clothing_store


@pytest.fixture(autouse=True, scope="session")
def _isolated_settings(tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("settings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    # Recovery copies and logs (QStandardPaths' data folders) never go to the user's.
    os.environ["XDG_DATA_HOME"] = str(tmp_path_factory.mktemp("data"))


@pytest.fixture(scope="session")
def app():  # type: ignore[no-untyped-def]
    from journeymapper.app.main import application

    return application([])


@pytest.fixture
def make_window(app, qtbot, monkeypatch):  # type: ignore[no-untyped-def]
    from journeymapper.app.document import Document
    from journeymapper.app.files.windows import OPEN as WINDOWS
    from journeymapper.app.window.main_window import MainWindow

    made: list[MainWindow] = []

    def make(journey=None, path: Path | None = None) -> MainWindow:  # type: ignore[no-untyped-def]
        window = MainWindow(Document(journey if journey is not None else clothing_store(), path))
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        window.features.finish()  # the whole window (tests/app/window/test_assembly.py: before)
        QApplication.sendPostedEvents()  # the docks take their places: the canvas's size
        QApplication.processEvents()
        window.scene.ensure_layout()
        layout = window.scene.layout
        window.view.set_zoom(0.45)  # the whole sample map in view: no scrolling mid-gesture
        window.view.centerOn(layout.width / 2, layout.height / 2)
        made.append(window)
        return window

    yield make
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Discard)
    )
    for window in made:
        if window in WINDOWS:
            window.close()


@pytest.fixture
def window(make_window):  # type: ignore[no-untyped-def]
    return make_window()


@pytest.fixture
def answer(monkeypatch) -> Callable[[str, QMessageBox.StandardButton], list[str]]:
    """Patch `QMessageBox.<kind>` to answer `button`; returns the questions asked."""

    def patch(kind: str, button: QMessageBox.StandardButton) -> list[str]:
        asked: list[str] = []

        def fake(parent, title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
            asked.append(text)
            return button

        monkeypatch.setattr(QMessageBox, kind, staticmethod(fake))
        return asked

    return patch


@pytest.fixture
def recovery_session(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A recovery session of the test's own, in tmp_path/recovery (app/recovery_session.py)."""
    from journeymapper.app.safety.recovery_session import end_session, start_session, writer_pool

    yield start_session(tmp_path / "recovery")
    writer_pool().waitForDone()
    end_session()


@pytest.fixture
def x_display() -> Iterator[str]:
    """A display of its own: an Xvfb started for the test (a missing Xvfb fails the
    test, never skips it: `make test` installs Xvfb) and stopped after it."""
    try:
        with display.x_display() as name:
            yield name
    except display.NoDisplayError as exc:
        pytest.fail(str(exc))
