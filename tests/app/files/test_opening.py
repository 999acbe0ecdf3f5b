"""Opening a big file: a progress dialog that names each step, and a Cancel that leaves
everything as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from benchmarks.generate import generate_map
from journeymapper.app.files import opening
from journeymapper.app.files.windows import OPEN as WINDOWS
from journeymapper.app.window.main_window import MainWindow
from journeymapper.io.journey_file import save_journey
from journeymapper.model.document import Journey
from tests.sample import clothing_store

SIZE = 3_000  # about 1.3 MB: over `BIG_FILE`


@pytest.fixture(scope="module")
def big_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "landscape.journey"
    save_journey(Journey(generate_map(SIZE, seed=3)), path, backup=False)
    assert path.stat().st_size >= opening.BIG_FILE
    return path


@pytest.fixture
def steps(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int, bool]]:
    """Each step reported while opening: its label, the bar's value, whether the dialog
    was on screen."""
    seen: list[tuple[str, int, bool]] = []
    step = opening.Progress.step

    def spy(self: opening.Progress, label: str, value: int) -> None:
        step(self, label, value)
        dialog = self.dialog
        assert dialog is not None
        seen.append((dialog.labelText(), dialog.value(), dialog.isVisible()))

    monkeypatch.setattr(opening.Progress, "step", spy)
    monkeypatch.setattr(opening, "SHOW_AFTER_MS", 0)
    return seen


def _dialogs() -> list[QProgressDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)]


def test_a_big_file_opens_with_a_progress_dialog_naming_each_step(
    app, qtbot, big_file: Path, steps: list[tuple[str, int, bool]]
) -> None:
    window = opening.open_window(big_file, MainWindow)
    qtbot.addWidget(window)
    labels = [label for label, _, _ in steps]
    assert labels == [
        "Checking landscape.journey…",
        f"Building the flow of {SIZE:,} touchpoints…",
        f"Laying out {SIZE:,} touchpoints…",
        "Building the canvas…",
        "Showing the map…",
    ]
    values = [value for _, value, _ in steps]
    assert values == sorted(values)
    assert values[-1] == 100
    assert all(shown for _, _, shown in steps)
    QApplication.processEvents()
    assert not any(d.isVisible() for d in _dialogs())
    assert window.document.journey.touchpoint_count() == SIZE
    assert window.document.path == big_file.resolve()
    assert len(window.scene.layout.cards) == SIZE  # laid out once, by the opening
    window.document.undo_stack.setClean()
    window.close()


def test_cancel_leaves_the_window_and_its_map_as_they_were(
    make_window, big_file: Path, steps: list[tuple[str, int, bool]], monkeypatch
) -> None:
    window = make_window(Journey.default())
    assert window.document.pristine  # so the map would open into this window
    before = window.document.journey.to_data()
    step = opening.Progress.step

    def click_cancel_while_laying_out(self: opening.Progress, label: str, value: int) -> None:
        if label.startswith("Laying out"):
            assert self.dialog is not None
            self.dialog.findChild(QPushButton).click()  # the user's Cancel
        step(self, label, value)

    monkeypatch.setattr(opening.Progress, "step", click_cancel_while_laying_out)
    assert window.features.opener.open_path(big_file) is None
    assert window.document.journey.to_data() == before
    assert window.document.path is None
    assert window.document.pristine
    assert "cancelled" in window.statusBar().currentMessage()
    assert [w for w in WINDOWS if w.document.path == big_file.resolve()] == []
    QApplication.processEvents()
    assert not any(d.isVisible() for d in _dialogs())


def test_a_big_file_opens_into_the_untouched_window(
    make_window, big_file: Path, steps: list[tuple[str, int, bool]]
) -> None:
    window = make_window(Journey.default())
    assert window.document.pristine
    assert window.features.opener.open_path(big_file) is window
    assert window.document.journey.touchpoint_count() == SIZE
    assert len(window.scene.layout.cards) == SIZE
    assert steps[-1][0] == "Building the canvas…"
    window.view.fit_all()
    window.view.viewport().repaint()


def test_a_small_file_opens_without_a_dialog(app, qtbot, tmp_path: Path) -> None:
    path = tmp_path / "small.journey"
    save_journey(clothing_store(), path, backup=False)
    progress = opening.Progress(path)
    assert progress.dialog is None
    window = opening.open_window(path, MainWindow)
    qtbot.addWidget(window)
    assert window.document.journey.to_data() == clothing_store().to_data()
    window.close()
