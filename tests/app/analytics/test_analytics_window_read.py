"""Import ▸ Analyse Event Log… on a real main window: the file dialog, the progress
dialog, the mapping dialog and the message box are the real widgets, answered by a
UI-thread timer the way a user would (only the file chooser's answer is patched)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from journeymapper.app.analytics.background import ProgressDialog
from journeymapper.app.analytics.mapping_dialog import MappingDialog
from tests.analytics.logs import BPI2012, shop_log, write_csv
from tests.analytics.shop_map import shop_map


class User:
    """Every 20 ms, hands each visible top-level widget to `act` (as a user would)."""

    def __init__(self, act: Callable[[QWidget], None]) -> None:
        self.act = act
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self.look)
        self.timer.start()

    def look(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible():
                self.act(widget)

    def stop(self) -> None:
        self.timer.stop()


def _analyse(window, monkeypatch: pytest.MonkeyPatch, path: Path, act) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a: (str(path), "")))
    actions = {a.objectName(): a for a in window.menu("import").actions()}
    user = User(act)
    try:
        actions["analyse_log"].trigger()
    finally:
        user.stop()


def test_cancel_while_reading_leaves_the_map_unchanged(make_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = make_window(shop_map())
    document = window.document
    before = document.journey.to_data()
    undo_steps = document.undo_stack.count()
    seen: list[str] = []

    def cancel_while_reading(widget: QWidget) -> None:
        if isinstance(widget, ProgressDialog) and not widget.finished_work:
            seen.append(widget.label.text())
            reading = widget.label.text().startswith("Reading") and widget.bar.value() > 0
            if reading and widget.cancel_button.isEnabled():
                widget.cancel_button.click()
                seen.append(widget.label.text())  # at once: the worker may end before a tick
        if isinstance(widget, MappingDialog):  # the read went on after Cancel
            seen.append("mapping asked")
            widget.reject()

    _analyse(window, monkeypatch, BPI2012, cancel_while_reading)
    assert "Reading bpic2012.xes.gz" in seen
    assert "Cancelling…" in seen
    assert "mapping asked" not in seen
    assert document.journey.to_data() == before
    assert document.undo_stack.count() == undo_steps
    analytics = window.features.analytics
    assert analytics.overlay.drawn is None
    assert not analytics.overlay.arrows.isVisible()
    assert not analytics.toggle.isChecked()


def test_a_completed_read_shows_the_overlay(make_window, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(shop_map())
    log = write_csv(tmp_path / "shop.csv", shop_log())
    asked: list[str] = []

    def map_checkout(widget: QWidget) -> None:
        if isinstance(widget, MappingDialog) and not asked:
            asked.append(widget.windowTitle())
            widget.accept()

    _analyse(window, monkeypatch, log, map_checkout)
    assert asked
    analytics = window.features.analytics
    stored = window.document.journey.info.analytics
    assert stored is not None
    assert stored.shown
    assert stored.figures is not None
    assert stored.figures.mapped_cases > 0
    assert analytics.overlay.drawn is not None
    assert analytics.overlay.arrows.isVisible()
    assert analytics.overlay.figures_item.isVisible()
    assert analytics.toggle.isChecked()
    window.document.undo_stack.undo()  # one step takes it all back
    assert window.document.journey.info.analytics is None
    assert analytics.overlay.drawn is None


def test_a_broken_log_is_one_clear_message(make_window, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(shop_map())
    before = window.document.journey.to_data()
    bad = tmp_path / "bad.csv"
    bad.write_text("case:concept:name,concept:name,time:timestamp\nA,x,never\n", encoding="utf-8")
    said: list[tuple[str, str]] = []

    def read_and_close(widget: QWidget) -> None:
        if isinstance(widget, QMessageBox):
            said.append((widget.windowTitle(), widget.text()))
            widget.button(QMessageBox.StandardButton.Ok).click()

    _analyse(window, monkeypatch, bad, read_and_close)
    assert said == [
        (
            "Cannot read the event log",
            f"{bad}: line 2: the timestamp 'never' is not a date and time (expected "
            "ISO 8601, e.g. 2024-03-01 14:05:00; give another form with "
            "--timestamp-format)",
        )
    ]
    assert window.document.journey.to_data() == before
    assert window.features.analytics.overlay.drawn is None
    assert not any(
        isinstance(w, ProgressDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
    )


def test_cancel_while_drafting_from_a_log_opens_nothing(make_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = make_window(shop_map())
    journey = window.document.journey
    before = journey.to_data()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a: (str(BPI2012), "")))
    clicked: list[str] = []

    def cancel_while_reading(widget: QWidget) -> None:
        if not isinstance(widget, ProgressDialog) or widget.finished_work or clicked:
            return
        if widget.label.text().startswith("Reading") and widget.bar.value() > 0:
            widget.cancel_button.click()
            clicked.append(widget.label.text())

    actions = {a.objectName(): a for a in window.menu("file").actions()}
    user = User(cancel_while_reading)
    try:
        actions["new_from_log"].trigger()
    finally:
        user.stop()
    assert clicked == ["Cancelling…"]
    assert window.document.journey is journey
    assert journey.to_data() == before
    visible = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert not any(isinstance(w, ProgressDialog) for w in visible)
