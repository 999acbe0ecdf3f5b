"""The window in two stages: painted with its canvas, menus and file commands first; the
docks and the presenting, workshop, analytics and co-editing features right after, or
at once when a menu, a key or a caller needs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from journeymapper.app.document import Document
from journeymapper.app.window.assembly import Features
from journeymapper.app.window.main_window import MainWindow
from tests.app.helpers import key
from tests.sample import clothing_store

CTRL = Qt.KeyboardModifier.ControlModifier
HEAVY = ("duckdb", "pycrdt", "reportlab", "rapidfuzz", "uvicorn", "starlette", "websockets")


def _half_window(qtbot, monkeypatch) -> MainWindow:  # type: ignore[no-untyped-def]
    """A shown, painted window whose second stage has not had its turn yet."""
    monkeypatch.setattr(Features, "finish_soon", lambda self: None)
    window = MainWindow(Document(clothing_store()))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.view.setFocus()
    return window


def test_the_first_paint_has_the_whole_menu_bar_and_no_docks_yet(qtbot, monkeypatch) -> None:
    window = _half_window(qtbot, monkeypatch)
    assert not window.features.assembled
    assert window.findChildren(QDockWidget) == []
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles == ["File", "Edit", "View", "Insert", "Workshop", "Help"]
    window.features.finish()
    assert window.features.assembled
    docks = {d.objectName() for d in window.findChildren(QDockWidget) if d.isVisible()}
    assert {"PaletteDock", "PropertiesDock", "ProblemsDock"} <= docks
    workshop = {a.text().replace("&", "") for a in window.menu("workshop").actions()}
    assert {"Present", "Invite Participants…"} <= workshop


def test_a_first_stage_key_works_at_once_and_f11_finishes_the_assembly(qtbot, monkeypatch) -> None:
    window = _half_window(qtbot, monkeypatch)
    key(window.view, Qt.Key.Key_F, CTRL)  # Find is a first-stage action
    qtbot.waitUntil(lambda: window.features.find_bar.isVisible())
    assert not window.features.assembled
    window.view.setFocus()
    key(window.view, Qt.Key.Key_F11)  # presenting comes in the second stage
    assert window.features.assembled
    assert window.features.facilitator.mode.active
    key(window.view, Qt.Key.Key_Escape)
    assert not window.features.facilitator.mode.active


def test_the_second_stage_follows_the_first_paint_by_itself(qtbot) -> None:
    window = MainWindow(Document(clothing_store()))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.features.assembled, timeout=10_000)
    assert window.features.problems_dock.isVisible()


def test_the_first_window_imports_none_of_the_heavy_libraries(tmp_path) -> None:
    """Measured in a process of its own: the test session has imported them all."""
    script = f"""
import json, sys
from PySide6.QtTest import QTest
from journeymapper.app.main import application, open_first_window
from journeymapper.app.window.assembly import Features
from journeymapper.base.resources import example
Features.finish_soon = lambda self: None
app = application([])
window = open_first_window(str(example("online-clothing-store.journey")))
window.show()
QTest.qWaitForWindowExposed(window)
print(json.dumps({{name: name in sys.modules for name in {HEAVY!r}}}))
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    env["XDG_DATA_HOME"] = str(tmp_path)
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    imported = json.loads(done.stdout.strip().splitlines()[-1])
    assert imported == dict.fromkeys(HEAVY, False)


def test_a_feature_dock_made_late_comes_back_where_it_was(make_window) -> None:
    first = make_window()
    first.features.workshop.dock.show()
    first.close()  # the window's dock layout is saved
    second = make_window()
    assert second.features.workshop.dock.isVisible()
    second.features.workshop.dock.hide()
    second.close()  # (the next tests find it hidden again)
    assert not make_window().features.workshop.dock.isVisible()
