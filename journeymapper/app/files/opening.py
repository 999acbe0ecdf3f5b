"""Opening a map file, with a progress dialog when the file is big.

A 100,000-card map takes seconds to open: read and check the file, build the graph,
lay the map out, build the window. A file of `BIG_FILE` bytes or more (about 2,500
cards) opens with a progress dialog that names each step and has a Cancel button.
Each step is one call that cannot be interrupted midway, so the bar moves from step to
step and Cancel is honoured between them; the dialog shows only once opening has
taken `SHOW_AFTER_MS`, so a map that opens in a blink never flashes it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from journeymapper.base.perf import gc_paused
from journeymapper.io.journey_file import load_journey
from journeymapper.layout.engine import LayoutEngine
from journeymapper.model.document import Journey

if TYPE_CHECKING:
    from journeymapper.app.window.main_window import MainWindow

BIG_FILE = 1 * 2**20
SHOW_AFTER_MS = 300


class OpeningCancelledError(Exception):
    """The user cancelled opening a file."""


class Progress:
    """The steps of opening one file, shown in a progress dialog for a big file."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        self.dialog: QProgressDialog | None = None
        try:
            big = path.stat().st_size >= BIG_FILE
        except OSError:
            big = False  # reading it will say what is wrong
        if big:
            dialog = QProgressDialog(f"Reading {path.name}…", "Cancel", 0, 100, parent)
            dialog.setWindowTitle("Opening Journey Map")
            dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
            dialog.setMinimumDuration(SHOW_AFTER_MS)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.setMinimumWidth(420)
            dialog.setValue(0)
            self.dialog = dialog

    def step(self, label: str, value: int) -> None:
        """Say what comes next; raises `OpeningCancelledError` if the user has cancelled."""
        dialog = self.dialog
        if dialog is None:
            return
        if dialog.wasCanceled():
            raise OpeningCancelledError
        dialog.setLabelText(label)
        dialog.setValue(value)  # shows the dialog once SHOW_AFTER_MS have passed
        QApplication.processEvents()
        if dialog.wasCanceled():
            raise OpeningCancelledError

    def close(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None


def load(path: Path, progress: Progress) -> tuple[Journey, LayoutEngine]:
    """Read, check and lay out the map at `path`, reporting each step to `progress`.
    Raises `JourneyFileError` (a bad file) or `OpeningCancelledError`."""

    def step(name: str, cards: int) -> None:  # load_journey's two steps
        if name == "parse":
            progress.step(f"Checking {path.name}…", 10)
        else:
            progress.step(f"Building the flow of {cards:,} touchpoints…", 45)

    journey = load_journey(path, step)
    progress.step(f"Laying out {journey.touchpoint_count():,} touchpoints…", 65)
    with gc_paused():
        engine = LayoutEngine(journey)
    progress.step("Building the canvas…", 85)
    return journey, engine


def open_window(path: Path, parent: QWidget | None = None) -> MainWindow:
    """A new window on the map at `path` (not shown yet). Raises `JourneyFileError`
    or `OpeningCancelledError`."""
    from journeymapper.app.document import Document
    from journeymapper.app.window.main_window import MainWindow

    progress = Progress(path, parent)
    try:
        journey, engine = load(path, progress)
        with gc_paused():
            window = MainWindow(Document(journey, path.resolve()), engine)
        progress.step("Showing the map…", 100)
    finally:
        progress.close()
    return window


def open_into(window: MainWindow, path: Path) -> None:
    """Replace `window`'s (untouched) map with the one at `path`. Raises
    `JourneyFileError` or `OpeningCancelledError`."""
    progress = Progress(path, window)
    try:
        journey, engine = load(path, progress)
        window.scene.engine = engine  # the scene lays the new map out with it
        with gc_paused():
            window.document.set_journey(journey, path.resolve())
    finally:
        progress.close()


def open_and_wait(path: Path) -> MainWindow:
    """Open `path` in a new window, show it, and return when it is ready for input
    (the benchmarks' *open* case: file → interactive window)."""
    from journeymapper.app.files import saving as files

    window = files.open_window(path)
    window.resize(1280, 800)
    window.show()
    QApplication.processEvents()
    return window
