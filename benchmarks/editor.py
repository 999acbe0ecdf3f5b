"""Benchmarks of the editor on a generated 5,000-touchpoint map (the editor issue's size).

- open: from the file to the window shown and painted once (load, layout, items, docks);
  each run also pays for deleting the previous run's window, so the figure is an
  upper bound;
- frame at 100 %: the viewport rendered into an image, centred on the densest part;
- fit-all frame: the whole map fitted to the window (the overview picture);
- card move: one real mouse-move event on a card being dragged (picked up untimed),
  its connections following, and the repaint it causes.

The medians are compared with the budgets; the GUI runs on whatever Qt platform is set
(`make bench` uses offscreen).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Sequence
from functools import partial

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QMouseEvent
from PySide6.QtWidgets import QApplication

from benchmarks.core import map_file
from benchmarks.run import Case

SIZE = 5_000
TARGETS = {"open": 1.5, "frame": 0.016, "fit": 0.05, "move": 0.016}
WIDTH, HEIGHT = 1280, 800


def _app() -> QApplication:
    from journeymapper.app.main import application

    return application(["benchmarks"])


def _window():  # type: ignore[no-untyped-def]
    from journeymapper.app import files

    _app()
    window = files.open_window(map_file(SIZE))
    window.resize(WIDTH, HEIGHT)
    window.show()
    QApplication.processEvents()
    return window


def _close(window) -> None:  # type: ignore[no-untyped-def]
    window.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


def _open() -> Callable[[], object]:
    from journeymapper.app import files

    _app()
    path = map_file(SIZE)
    shown: list[object] = []

    def run() -> None:
        while shown:
            _close(shown.pop())
        window = files.open_window(path)
        window.resize(WIDTH, HEIGHT)
        window.show()
        window.view.fit_all()
        QApplication.processEvents()
        window.view.viewport().repaint()
        shown.append(window)

    return run


def _render(view) -> Callable[[], object]:  # type: ignore[no-untyped-def]
    """One frame: the viewport painted into an image, through its own paint event."""
    viewport = view.viewport()
    image = QImage(viewport.width(), viewport.height(), QImage.Format.Format_ARGB32_Premultiplied)

    def run() -> None:
        viewport.render(image)

    run()  # warm caches (prepared text, icon paths) as a user's first frame does
    return run


def _densest_card(window) -> str:  # type: ignore[no-untyped-def]
    """A card in the middle of the map, where cards and arrows are thickest."""
    layout = window.scene.layout
    middle = layout.width / 2
    return min(layout.cards, key=lambda c: abs(layout.cards[c].rect.x - middle))


def _frame() -> Callable[[], object]:
    window = _window()
    rect = window.scene.layout.cards[_densest_card(window)].rect
    window.view.set_zoom(1.0)
    window.view.centerOn(rect.x + rect.w / 2, rect.y + rect.h / 2)
    return _render(window.view)


def _fit() -> Callable[[], object]:
    window = _window()
    window.view.fit_all()
    return _render(window.view)


def _move() -> Callable[[], object]:
    window = _window()
    view = window.view
    card_id = _densest_card(window)
    rect = window.scene.layout.cards[card_id].rect
    view.set_zoom(1.0)
    view.centerOn(rect.x + rect.w / 2, rect.y + rect.h / 2)
    QApplication.processEvents()
    viewport = view.viewport()
    start = view.mapFromScene(QPointF(rect.x + 40, rect.y + rect.h / 2))
    _send(viewport, QEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton)
    offsets = itertools.cycle([QPoint(dx, dx // 2) for dx in (4, 8, 12, 16, 12, 8, 4, 0)])

    def run() -> None:
        _send(viewport, QEvent.Type.MouseMove, start + next(offsets), Qt.MouseButton.NoButton)
        QApplication.processEvents()

    for _ in range(4):  # pick the card up: the first moves of a drag start it
        run()
    return run


def _send(widget, kind: QEvent.Type, pos: QPoint, button: Qt.MouseButton) -> None:  # type: ignore[no-untyped-def]
    held = (
        Qt.MouseButton.LeftButton
        if kind != QEvent.Type.MouseButtonRelease
        else (Qt.MouseButton.NoButton)
    )
    event = QMouseEvent(
        kind,
        QPointF(pos),
        QPointF(widget.mapToGlobal(pos)),
        button,
        held,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


OPERATIONS: dict[str, tuple[str, Callable[[], Callable[[], object]]]] = {
    "editor open (file → window)": ("open", _open),
    "editor frame at 100 %": ("frame", _frame),
    "editor fit-all frame": ("fit", _fit),
    "editor card move (per mouse move)": ("move", _move),
}


def cases(sizes: Sequence[int]) -> Iterator[Case]:
    """The editor's cases, always at 5,000 touchpoints (the size its budgets name)."""
    del sizes
    for operation, (key, setup) in OPERATIONS.items():
        yield Case(operation, SIZE, partial(setup), TARGETS[key])
