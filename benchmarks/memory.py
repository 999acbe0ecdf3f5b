"""Resident memory of a session on a generated map, measured in a child process.

    python -m benchmarks.memory SIZE      # prints the peak resident bytes

The child opens the map in the real main window (offscreen), fits it, zooms to 100 %
on the middle of the map, drags a card, hit-tests, makes an edit, waits for the
problems dock's validation, zooms out to the overview again, and reports its peak
resident memory (`ru_maxrss`). A fresh process per run keeps one size's memory out of
another's figure.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from collections.abc import Iterator, Sequence
from functools import partial
from pathlib import Path

from benchmarks.core import map_file
from benchmarks.run import Case

TARGETS = {10_000: 500 * 2**20, 100_000: 1.5 * 2**30}
ROOT = Path(__file__).resolve().parent.parent


def session(size: int) -> None:
    """What the child does; see the module docstring."""
    from PySide6.QtCore import QEvent, QPoint, QPointF
    from PySide6.QtWidgets import QApplication

    from benchmarks import editor
    from journeymapper.model.edits import UpdateTouchpoint

    window = editor.open_window(size)
    view, viewport = window.view, window.view.viewport()
    viewport.repaint()
    card_id = editor.middle_card(window)
    rect = window.scene.layout.cards[card_id].rect
    view.set_zoom(1.0)
    view.centerOn(rect.x + rect.w / 2, rect.y + rect.h / 2)
    QApplication.processEvents()
    viewport.repaint()
    start = view.mapFromScene(QPointF(rect.x + 40, rect.y + rect.h / 2))
    editor.send(viewport, QEvent.Type.MouseButtonPress, start)
    for dx in range(0, 200, 10):
        editor.send(viewport, QEvent.Type.MouseMove, start + QPoint(dx, dx // 3))
        QApplication.processEvents()
    editor.send(viewport, QEvent.Type.MouseButtonRelease, start + QPoint(190, 63))
    view.items(start)
    window.document.push(UpdateTouchpoint(card_id, {"name": "Reads the spring catalogue"}))
    window.scene.ensure_layout()
    viewport.repaint()
    window.features.problems_dock.validator.run()
    editor.wait_idle(window.features.problems_dock.validator)
    view.fit_all()
    viewport.repaint()
    QApplication.processEvents()


def peak_rss() -> int:
    """This process's peak resident bytes. On Linux from VmHWM: `ru_maxrss` would still
    count the peak of the benchmark process this one was forked from."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def _child(size: int) -> int:
    map_file(size)  # generated here, not in the child, so generation is not measured
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.memory", str(size)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stdout.split()[-1])


def _resident(size: int):  # type: ignore[no-untyped-def]
    map_file(size)
    return partial(_child, size)


def cases(sizes: Sequence[int]) -> Iterator[Case]:
    for size in sizes:
        yield Case(
            "resident memory (whole session)",
            size,
            partial(_resident, size),
            TARGETS.get(size),
            kind="memory",
            repeat=2 if size >= 100_000 else 3,
        )


if __name__ == "__main__":
    session(int(sys.argv[1]))
    sys.stdout.write(f"{peak_rss()}\n")
