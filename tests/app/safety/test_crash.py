"""An error inside a slot: logged with its traceback, said calmly, the map still savable.

pytest-qt normally catches exceptions in slots to fail the test; these tests switch
that off (`qt_no_exception_capture`) to see what the user would see.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox

from journeymapper.app.safety import crash
from journeymapper.app.safety.crash import CrashHandler
from journeymapper.io.journey_file import load_journey
from journeymapper.model.edits import UpdateInfo


class _Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def handler(tmp_path: Path):  # type: ignore[no-untyped-def]
    clock = _Clock()
    installed = CrashHandler(tmp_path / "logs", clock=clock).install()
    installed.clock_ = clock  # type: ignore[attr-defined]
    yield installed
    installed.uninstall()
    if installed.box is not None:
        installed.box.close()


def _failing_action(window) -> QAction:  # type: ignore[no-untyped-def]
    action = QAction("Break something", window)

    def slot() -> None:
        raise RuntimeError("a bug in a slot")

    action.triggered.connect(slot)
    window.addAction(action)
    return action


def _messages() -> list[QMessageBox]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox)
        and w.isVisible()
        and w.windowTitle() == "Something went wrong"
    ]


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_is_logged_and_said_calmly(window, handler, qtbot, tmp_path) -> None:
    action = _failing_action(window)
    action.trigger()
    qtbot.waitUntil(lambda: handler.box is not None and handler.box.isVisible(), timeout=3000)
    log = handler.log_path.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in log
    assert "RuntimeError: a bug in a slot" in log
    assert "in slot" in log
    box = handler.box
    assert "your map is safe" in box.text().lower()
    assert str(handler.log_path) in box.informativeText()
    assert not box.isModal()  # never blocks the map

    for _ in range(50):  # a storm of errors: still one message
        action.trigger()
    qtbot.wait(50)
    assert len(_messages()) == 1
    assert log.count("Traceback") == 1
    assert handler.log_path.read_text(encoding="utf-8").count("Traceback") == crash.FULL_TRACEBACKS

    # The map is still open, editable and savable.
    window.document.push(UpdateInfo({"title": "After the error"}))
    saved = tmp_path / "after.journey"
    window.document.save(saved)
    assert load_journey(saved).title == "After the error"


@pytest.mark.qt_no_exception_capture
def test_messages_come_at_most_every_few_seconds(window, handler, qtbot) -> None:
    action = _failing_action(window)
    action.trigger()
    qtbot.waitUntil(lambda: handler.box is not None, timeout=3000)
    handler.box.close()
    qtbot.waitUntil(lambda: handler.box is None, timeout=3000)
    action.trigger()  # closed, but too soon for another message
    qtbot.wait(50)
    assert handler.box is None
    handler.clock_.now += crash.QUIET_SECONDS + 1
    action.trigger()
    qtbot.waitUntil(lambda: handler.box is not None, timeout=3000)
    assert "2 unexpected errors" in handler.box.text()


def test_repeats_are_counted_and_the_log_is_limited(handler) -> None:
    try:
        raise ValueError("again and again")
    except ValueError as exc:
        info = (type(exc), exc, exc.__traceback__)
    for _ in range(100):
        handler.record(info)
    text = handler.log_path.read_text(encoding="utf-8")
    assert text.count("Traceback") == crash.FULL_TRACEBACKS
    assert "has now happened 10 times" in text
    assert "has now happened 100 times" in text
    assert handler.file.maxBytes == crash.MAX_LOG_BYTES
    assert handler.file.backupCount == crash.OLD_LOGS


def test_the_log_folder_is_in_the_users_data(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert crash.log_folder() == tmp_path / "JourneyMapper" / "JourneyMapper" / "logs"
