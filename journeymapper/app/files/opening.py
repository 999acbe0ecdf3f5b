"""Every way a map gets into a window: File ▸ New, New Window, Open, Open Recent, a file
dropped on the window, the command line, an import or a template, a recovery copy.

An untitled, untouched window is reused for the next map; otherwise the map opens in
a new window, and a file already open raises its window instead of opening twice. A
file that cannot be read is reported in a message box naming the file and the reason,
never a traceback.

A 100,000-card map takes seconds to open: read and check the file, build the graph,
lay the map out, build the window. A file of `BIG_FILE` bytes or more (about 2,500
cards) opens with a progress dialog that names each step and has a Cancel button;
each step is one call that cannot be interrupted midway, so Cancel is honoured
between them, and the dialog shows only once opening has taken `SHOW_AFTER_MS`.

New windows are made by the `WindowFactory` the main window hands to its `Opener`, so
this module never imports the window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog, QWidget

from journeymapper.app.context import EditorContext, EditorWindow, WindowFactory
from journeymapper.app.document import Document
from journeymapper.app.files import windows
from journeymapper.app.settings import add_recent_file
from journeymapper.base.perf import gc_paused
from journeymapper.io.errors import JourneyFileError
from journeymapper.io.journey_file import load_journey
from journeymapper.layout.engine import LayoutEngine
from journeymapper.model.document import Journey

BIG_FILE = 1 * 2**20
SHOW_AFTER_MS = 300
FILTER = "Journey maps (*.journey);;All files (*)"


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


def open_window(
    path: Path, make_window: WindowFactory, parent: QWidget | None = None
) -> EditorWindow:
    """A new window on the map at `path` (not shown yet), made by `make_window(document,
    engine)`. Raises `JourneyFileError` or `OpeningCancelledError`."""
    progress = Progress(path, parent)
    try:
        journey, engine = load(path, progress)
        with gc_paused():
            window = make_window(Document(journey, path.resolve()), engine)
        progress.step("Showing the map…", 100)
    finally:
        progress.close()
    add_recent_file(path.resolve())
    return window


def open_into(context: EditorContext, path: Path) -> None:
    """Replace an untouched window's map with the one at `path`. Raises
    `JourneyFileError` or `OpeningCancelledError`."""
    progress = Progress(path, context.parent)
    try:
        journey, engine = load(path, progress)
        context.scene.use_engine(engine)  # the scene lays the new map out with it
        with gc_paused():
            context.document.set_journey(journey, path.resolve())
    finally:
        progress.close()


class Opener:
    """The opening commands of one window."""

    def __init__(
        self, context: EditorContext, home: EditorWindow, make_window: WindowFactory
    ) -> None:
        self.context = context
        self.home = home  # the window these commands belong to
        self.make_window = make_window

    def new_map(self) -> None:
        """File ▸ New: a blank map here if this window is untouched, else in a new one."""
        if self.context.document.pristine:
            self.context.document.set_journey(Journey.default(), None)
        else:
            self.new_window()

    def new_window(self) -> EditorWindow:
        window = self.make_window(Document(Journey.default()), None)
        window.show()
        return window

    def open_dialog(self) -> None:
        doc = self.context.document
        start = str(doc.path.parent) if doc.path else ""
        name, _ = QFileDialog.getOpenFileName(
            self.context.parent, "Open Journey Map", start, FILTER
        )
        if name:
            self.open_path(Path(name))

    def open_path(self, path: Path) -> EditorWindow | None:
        """Open `path` here when this window is untouched, else in a new window."""
        path = Path(path)
        other = windows.showing(path)
        if other is not None:
            other.raise_()
            other.activateWindow()
            return other
        context = self.context
        try:
            if context.document.pristine:
                open_into(context, path)
                add_recent_file(path.resolve())
                return self.home
            other = open_window(path, self.make_window, context.parent)
        except JourneyFileError as exc:
            QMessageBox.critical(context.parent, "Cannot open the map", str(exc))
            return None
        except OpeningCancelledError:
            context.say(f"Opening {path.name} was cancelled")
            return None
        other.show()
        return other

    def open_journey(self, journey: Journey, path: Path | None = None) -> EditorWindow:
        """A map made here (an import, a template, a recovery copy) in this window if it
        is untouched, else in a new one; marked unsaved. Returns the window showing it."""
        if self.context.document.pristine:
            self.context.document.set_journey(journey, path)
            target = self.home
        else:
            target = self.make_window(Document(journey, path), None)
            target.show()
        target.context.document.undo_stack.resetClean()  # nobody saved it: closing asks first
        return target


def open_and_wait(path: Path, make_window: WindowFactory) -> EditorWindow:
    """Open `path` in a new window, show it, and return when it is ready for input
    (the benchmarks' *open* case: file → interactive window)."""
    window = open_window(path, make_window)
    main = window.context.parent
    main.resize(1280, 800)
    window.show()
    QApplication.processEvents()
    return window
