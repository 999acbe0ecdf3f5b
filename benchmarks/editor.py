"""Benchmarks of the editor: the real main window, offscreen, on generated maps.

- open: from the file to the window shown, painted and taking input, through the path
  `journeymapper FILE` takes (a big file loads on a worker thread behind a progress
  dialog); the previous run's window is closed untimed;
- frame at 100 %: the viewport painted into an image through its own paint event,
  centred on the middle of the map, where cards and arrows are thickest;
- fit-all frame: the same with the whole map fitted to the window (the overview);
- card move: one real mouse-move event on a card being dragged (picked up untimed),
  its connections following, and the repaint it causes;
- hit test: what a click asks first, `view.items(pos)` under the cursor, on a card, on
  an arrow and on an empty cell in turn;
- edit → canvas: a card moved to another column through the undo stack, the scene
  brought up to date and the viewport repainted;
- revalidate: after an edit, the problems dock's validation from the moment its timer
  fires to the findings arriving on the UI thread; the run itself is on a worker thread
  and "UI thread blocked" is the part of it the UI thread pays (taking the snapshot).

One window per size serves every case but open (each case leaves it as it found it).
The GUI runs on whatever Qt platform is set (`make bench` uses offscreen).
"""

from __future__ import annotations

import atexit
import itertools
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QEventLoop,
    QMessageLogContext,
    QPoint,
    QPointF,
    QSettings,
    Qt,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QImage, QMouseEvent
from PySide6.QtWidgets import QApplication

from benchmarks.core import map_file
from benchmarks.run import Case, Timed

WIDTH, HEIGHT = 1280, 800
TARGETS: dict[tuple[str, int], float] = {
    ("open", 10_000): 1.0,
    ("open", 100_000): 5.0,
    ("frame", 10_000): 0.016,
    ("fit", 10_000): 0.05,
    ("move", 10_000): 0.016,
    ("hit", 10_000): 0.001,
    ("revalidate", 10_000): 0.05,
}
Window = Any  # journeymapper.app.window.main_window.MainWindow, imported lazily


def _quiet(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's messages, less the offscreen platform's one line per window shown."""
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def _app() -> QApplication:
    from journeymapper.app.main import application

    _keep_out_of_the_users_things()
    qInstallMessageHandler(_quiet)
    return application(["benchmarks"])


def _keep_out_of_the_users_things() -> None:
    """Settings, recent files, autosave and recovery copies go to a scratch folder: a
    benchmark's windows are never closed the polite way, and their copies must not
    turn up in the user's next "did not close properly" dialog."""
    if QApplication.instance() is not None:
        return
    scratch = Path(tempfile.mkdtemp(prefix="journeymapper-bench-"))
    os.environ["XDG_DATA_HOME"] = str(scratch / "data")
    os.environ["XDG_CONFIG_HOME"] = str(scratch / "config")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch))
    atexit.register(shutil.rmtree, scratch, ignore_errors=True)


def open_window(size: int) -> Window:
    """The real window on the generated map of `size`, shown and ready for input."""
    from journeymapper.app.files.opening import open_and_wait
    from journeymapper.app.window.main_window import MainWindow

    _app()
    window = open_and_wait(map_file(size), MainWindow)
    window.resize(WIDTH, HEIGHT)
    QApplication.processEvents()
    return window


def close(window: Window) -> None:
    window.document.undo_stack.setClean()  # never ask to save
    window.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


_shared: dict[int, Window] = {}


@atexit.register
def _close_shared() -> None:
    """Close the shared windows before Python tears down: left open, Qt sometimes
    crashed in its own teardown at exit (after the table was written), turning a run's
    exit code into a segfault's."""
    while _shared:
        close(_shared.popitem()[1])


def shared_window(size: int) -> Window:
    """One window per size for the cases that leave it as they found it."""
    for other in [s for s in _shared if s != size]:
        close(_shared.pop(other))
    if size not in _shared:
        _shared[size] = open_window(size)
    window = _shared[size]
    window.view.fit_all()
    QApplication.processEvents()
    return window


# ----- the cases ----------------------------------------------------------------------


def _open(size: int) -> Timed:
    from journeymapper.app.files.opening import open_and_wait
    from journeymapper.app.window.main_window import MainWindow

    _app()
    for other in list(_shared):  # a fair start: no other big map in memory
        close(_shared.pop(other))
    path = map_file(size)
    shown: list[Window] = []

    def before() -> None:
        while shown:
            close(shown.pop())

    def run() -> None:
        window = open_and_wait(path, MainWindow)
        window.view.viewport().repaint()
        shown.append(window)

    return Timed(run, before, before)


def _render(view) -> Callable[[], object]:  # type: ignore[no-untyped-def]
    """One frame: the viewport painted into an image, through its own paint event."""
    viewport = view.viewport()
    image = QImage(viewport.width(), viewport.height(), QImage.Format.Format_ARGB32_Premultiplied)

    def run() -> None:
        viewport.render(image)

    run()  # warm caches (prepared text, icon paths) as a user's first frame does
    return run


def middle_card(window: Window) -> str:
    """A card in the middle of the map, where cards and arrows are thickest."""
    layout = window.scene.layout
    middle = layout.width / 2
    return min(layout.cards, key=lambda c: abs(layout.cards[c].rect.x - middle))


def _at_card(window: Window, card_id: str, zoom: float = 1.0) -> None:
    rect = window.scene.layout.cards[card_id].rect
    window.view.set_zoom(zoom)
    window.view.centerOn(rect.x + rect.w / 2, rect.y + rect.h / 2)
    QApplication.processEvents()


def _frame(size: int) -> Callable[[], object]:
    window = shared_window(size)
    _at_card(window, middle_card(window))
    return _render(window.view)


def _fit(size: int) -> Callable[[], object]:
    window = shared_window(size)
    window.view.fit_all()
    return _render(window.view)


def _move(size: int) -> Timed:
    window = shared_window(size)
    view = window.view
    card_id = middle_card(window)
    _at_card(window, card_id)
    rect = window.scene.layout.cards[card_id].rect
    viewport = view.viewport()
    start = view.mapFromScene(QPointF(rect.x + 40, rect.y + rect.h / 2))
    send(viewport, QEvent.Type.MouseButtonPress, start)
    offsets = itertools.cycle([QPoint(dx, dx // 2) for dx in (4, 8, 12, 16, 12, 8, 4, 0)])

    def run() -> None:
        send(viewport, QEvent.Type.MouseMove, start + next(offsets))
        QApplication.processEvents()

    def cleanup() -> None:  # drop it where it started: the model never changes
        send(viewport, QEvent.Type.MouseMove, start)
        send(viewport, QEvent.Type.MouseButtonRelease, start)
        QApplication.processEvents()
        while window.document.undo_stack.canUndo():
            window.document.undo_stack.undo()
        QApplication.processEvents()

    for _ in range(4):  # pick the card up: the first moves of a drag start it
        run()
    return Timed(run, cleanup=cleanup)


def send(widget, kind: QEvent.Type, pos: QPoint, button: Qt.MouseButton | None = None) -> None:  # type: ignore[no-untyped-def]
    left = Qt.MouseButton.LeftButton
    pressed = kind == QEvent.Type.MouseButtonPress
    released = kind == QEvent.Type.MouseButtonRelease
    held = Qt.MouseButton.NoButton if released else left
    if button is None:
        button = left if pressed or released else Qt.MouseButton.NoButton
    event = QMouseEvent(
        kind,
        QPointF(pos),
        QPointF(widget.mapToGlobal(pos)),
        button,
        held,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


def _hit(size: int) -> Callable[[], object]:
    window = shared_window(size)
    view = window.view
    card_id = middle_card(window)
    _at_card(window, card_id)
    layout = window.scene.layout
    card = layout.cards[card_id].rect
    points = [QPointF(card.x + 30, card.y + 20)]
    conn = next((c for c, (s, _) in layout.connection_ends.items() if s == card_id), None)
    from journeymapper.layout.route import point_along

    route = layout.routing.current(conn) if conn else None
    if route is not None:
        points.append(QPointF(*point_along(route.points, 0.5)))
    cell = layout.cell(*layout.card_lane_at(card.x, card.y))  # type: ignore[misc]
    points.append(QPointF(cell.x + 4, cell.bottom - 4))
    spots = itertools.cycle([view.mapFromScene(p) for p in points])

    def run() -> None:
        view.items(next(spots))

    return run


def _edit(size: int) -> Timed:
    """A card moved to the next card column of its cell and back, one edit per run."""
    from journeymapper.model.edits import MoveTouchpoints, Placement
    from journeymapper.model.schema import Slot

    window = shared_window(size)
    card_id = middle_card(window)
    _at_card(window, card_id)
    window.scene.layout.routes()  # the map as a user edits it: opened, arrows settled
    journey, stack = window.document.journey, window.document.undo_stack
    tp = journey.touchpoint(card_id)
    home = Placement.of(tp)
    away = Placement(tp.stage, tp.lane, Slot(column=tp.slot.column + 1, order=-1.0))
    places = itertools.cycle([away, home])

    def run() -> None:
        window.document.push(MoveTouchpoints({card_id: next(places)}))
        window.scene.ensure_layout()
        window.view.viewport().repaint()

    def cleanup() -> None:
        while stack.canUndo():
            stack.undo()
        QApplication.processEvents()

    return Timed(run, cleanup=cleanup)


def _revalidation(size: int, blocked: bool) -> Timed:
    from journeymapper.model.edits import UpdateTouchpoint

    window = shared_window(size)
    validator = window.features.problems_dock.validator
    journey, stack = window.document.journey, window.document.undo_stack
    card_id = middle_card(window)
    names = itertools.cycle(["Reads the spring catalogue", journey.touchpoint(card_id).name])
    QApplication.processEvents()
    wait_idle(validator)

    def before() -> None:
        window.document.push(UpdateTouchpoint(card_id, {"name": next(names)}))
        window.scene.ensure_layout()
        validator.cancel_pending()  # the debounce timer: the run is started by hand
        wait_idle(validator)
        QApplication.processEvents()

    def run() -> None:
        validator.run()
        if not blocked:
            wait_idle(validator)  # until the dock has the findings (not repainted yet)

    def cleanup() -> None:
        wait_idle(validator)
        while stack.canUndo():
            stack.undo()
        validator.cancel_pending()
        QApplication.processEvents()

    return Timed(run, before, cleanup)


def wait_idle(validator) -> None:  # type: ignore[no-untyped-def]
    """Run the event loop until the validator has delivered its latest run. A real
    event loop, not a spin: the UI thread must leave the GIL to the worker meanwhile,
    as it does when it waits for the user."""
    while validator.busy:
        loop = QEventLoop()
        validator.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
        # a result that came before the connection was made is waiting as a posted call
        QApplication.sendPostedEvents(validator, QEvent.Type.MetaCall)
        if validator.busy:
            loop.exec()
        validator.finished.disconnect(loop.quit)


OPERATIONS: dict[str, tuple[str, Callable[[int], Callable[[], object] | Timed]]] = {
    "open (file → interactive window)": ("open", _open),
    "frame at 100 %": ("frame", _frame),
    "fit-all frame": ("fit", _fit),
    "card move (per mouse move)": ("move", _move),
    "hit test under the cursor": ("hit", _hit),
    "edit → canvas updated": ("edit", _edit),
    "revalidate after one edit (worker)": ("revalidate", partial(_revalidation, blocked=False)),
    "revalidate: UI thread blocked": ("blocked", partial(_revalidation, blocked=True)),
}
REPEATS = {"hit": 60, "move": 24, "frame": 9, "fit": 9}


def cases(sizes: Sequence[int]) -> Iterator[Case]:
    for size in sizes:
        for operation, (key, setup) in OPERATIONS.items():
            repeat = REPEATS.get(key)
            if size >= 100_000 and key == "open":
                repeat = 3
            yield Case(
                operation,
                size,
                partial(setup, size),
                TARGETS.get((key, size)),
                repeat=repeat,
                trace=key in ("open", "edit"),
            )
