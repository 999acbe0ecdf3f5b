"""The workshop timer on a clock the test moves by hand."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from journeymapper.app.present.countdown import (
    Countdown,
    State,
    format_clock,
    parse_duration,
)
from tests.app.helpers import key

SHIFT = Qt.KeyboardModifier.ShiftModifier


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(window, monkeypatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(window.features.facilitator.timer.countdown, "clock", fake)
    return fake


def test_countdown_pause_extend_and_the_end_signal(window, clock, monkeypatch) -> None:
    beeps: list[int] = []
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: beeps.append(1)))
    timer = window.features.facilitator.timer
    ended: list[int] = []
    timer.ended.connect(lambda: ended.append(1))
    window.view.setFocus()
    key(window.view, Qt.Key.Key_F5)  # starts the default ten minutes
    assert timer.state is State.RUNNING
    assert timer.text() == "10:00"
    assert (
        window.features.facilitator.status_timer.isVisible()
    )  # the editor shows it in the status bar
    clock.now += 61.2
    timer.tick()
    assert window.features.facilitator.status_timer.text() == "8:59"
    key(window.view, Qt.Key.Key_F5)  # pause
    assert timer.state is State.PAUSED
    clock.now += 300
    timer.tick()
    assert timer.text() == "8:59"  # time stands still while paused
    key(window.view, Qt.Key.Key_F6)  # +1 minute
    assert timer.text() == "9:59"
    key(window.view, Qt.Key.Key_F5)  # resume
    key(window.view, Qt.Key.Key_F7)  # +5 minutes
    assert timer.text() == "14:59"
    clock.now += 14 * 60 + 57.9  # 0.9 s left
    timer.tick()
    assert timer.text() == "0:01"
    assert not ended
    clock.now += 1.0
    timer.tick()
    timer.tick()
    assert ended == [1]
    assert beeps == [1]
    assert timer.over()
    assert timer.pulsing()
    assert "F59E0B" in window.features.facilitator.status_timer.styleSheet()  # the pulse
    clock.now += 11.9
    timer.tick()
    assert timer.text() == "+0:12"
    assert not timer.pulsing()
    assert "B91C1C" in window.features.facilitator.status_timer.styleSheet()  # then red
    key(window.view, Qt.Key.Key_F6)  # extending in overtime starts from the extension
    assert timer.text() == "1:00"
    assert not timer.over()
    clock.now += 61
    timer.tick()
    assert ended == [1, 1]
    key(window.view, Qt.Key.Key_F5, SHIFT)  # stop
    assert timer.state is State.IDLE
    assert not window.features.facilitator.status_timer.isVisible()


def test_presets_and_a_typed_duration(window, clock) -> None:
    facilitator = window.features.facilitator
    facilitator.acts["timer_5"].trigger()
    assert facilitator.timer.text() == "5:00"
    facilitator.acts["timer_custom"].trigger()
    field = facilitator.bar.duration
    assert field.isVisible()
    assert field.hasFocus()
    field.setText("1:30")
    key(field, Qt.Key.Key_Return)
    assert facilitator.timer.text() == "1:30"
    assert not field.isVisible()
    facilitator.timer.stop()
    key(window.view, Qt.Key.Key_F5)  # F5 starts the last duration chosen
    assert facilitator.timer.text() == "1:30"


def test_the_timer_shows_in_the_presentation_bar(window, clock, qtbot) -> None:
    facilitator = window.features.facilitator
    facilitator.mode.enter()
    facilitator.timer.start(600)
    assert facilitator.bar.timer_label.isVisible()
    assert facilitator.bar.timer_label.text() == "10:00"
    assert not facilitator.status_timer.isVisible()
    facilitator.mode.leave()
    assert facilitator.status_timer.isVisible()


def test_countdown_and_durations_without_qt_time() -> None:
    now = [0.0]
    countdown = Countdown(lambda: now[0])
    countdown.toggle(90)
    now[0] = 30
    assert countdown.remaining() == 60
    countdown.extend(60)
    assert countdown.remaining() == 120
    assert countdown.duration == 150
    assert format_clock(600) == "10:00"
    assert format_clock(59.01) == "1:00"
    assert format_clock(0) == "0:00"
    assert format_clock(-0.3) == "0:00"
    assert format_clock(-75) == "+1:15"
    assert format_clock(3700) == "1:01:40"
    cases = {"10": 600, "7m": 420, "90s": 90, "1:30": 90, "1h": 3600, "1h30": 5400,
             "2 min": 120, "2,5": 150}  # fmt: skip
    for text, seconds in cases.items():
        assert parse_duration(text) == seconds, text
    for bad in ("", "abc", "0", "-5", "99:99", "25h"):
        assert parse_duration(bad) is None, bad
