"""The workshop timer: a countdown that ticks on the UI thread without ever blocking it.

`TimerController` asks its `Countdown` the time five times a second and says so
(`changed`); at zero it signals once (`ended`): a beep and, in every display, a warm
pulse for a few seconds, then the overtime in red. Keys (the Workshop ▸ Timer menu):
F5 start / pause / resume, Shift+F5 stop, F6 one more minute, F7 five more.
The clock is the countdown's `clock` (a callable), so tests move time by hand.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from journeymapper.app.present.countdown import (
    DEFAULT_SECONDS,
    Clock,
    Countdown,
    State,
    format_clock,
)

TICK_MS = 200
PULSE_SECONDS = 8.0  # how long the end pulses before it stays red


class TimerController(QObject):
    changed = Signal()
    ended = Signal()

    def __init__(self, parent: QObject | None = None, clock: Clock | None = None) -> None:
        super().__init__(parent)
        self.countdown = Countdown(clock) if clock else Countdown()
        self.last_seconds = DEFAULT_SECONDS  # what F5 starts with: the last duration chosen
        self._signalled = False
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self.tick)

    # ----- reading --------------------------------------------------------------------

    @property
    def state(self) -> State:
        return self.countdown.state

    @property
    def active(self) -> bool:
        return self.state is not State.IDLE

    def text(self) -> str:
        return format_clock(self.countdown.remaining()) if self.active else "Timer"

    def over(self) -> bool:
        return self.countdown.over

    def pulsing(self) -> bool:
        """True in the bright half of each second of the pulse after the end."""
        overtime = -self.countdown.remaining()
        return self.over() and overtime < PULSE_SECONDS and int(overtime * 2) % 2 == 0

    # ----- commands -------------------------------------------------------------------

    def start(self, seconds: float | None = None) -> None:
        if seconds is not None:
            self.last_seconds = int(seconds)
        self.countdown.start(self.last_seconds)
        self._after()

    def toggle(self) -> None:
        self.countdown.toggle(self.last_seconds)
        self._after()

    def extend(self, seconds: float) -> None:
        self.countdown.extend(seconds)
        self._after()

    def stop(self) -> None:
        self.countdown.stop()
        self._after()

    def _after(self) -> None:
        self._signalled = self.over()  # a countdown extended past zero may end again
        if self.state is State.RUNNING:
            self._ticker.start()
        else:
            self._ticker.stop()
        self.changed.emit()

    def tick(self) -> None:
        """Read the clock: say the time, and signal the end once."""
        if self.over() and not self._signalled and self.state is State.RUNNING:
            self._signalled = True
            QApplication.beep()
            self.ended.emit()
        self.changed.emit()


class TimerLabel(QLabel):
    """The time left, large and tabular; paused dims it, the end pulses it."""

    def __init__(
        self,
        timer: TimerController,
        size: int,
        ink: str = "palette(window-text)",
        muted: str = "palette(placeholder-text)",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.timer = timer
        self.px = size
        self.ink, self.muted = ink, muted
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumWidth(int(size * 4.2))
        self.setObjectName("timer_label")
        timer.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        timer = self.timer
        self.setText(timer.text())
        if not timer.active:
            back, ink = "transparent", self.muted
        elif timer.pulsing():
            back, ink = "#F59E0B", "#111827"
        elif timer.over():
            back, ink = "#B91C1C", "#FFFFFF"
        elif timer.state is State.PAUSED:
            back, ink = "transparent", self.muted
        else:
            back, ink = "transparent", self.ink
        sheet = (
            f"QLabel {{ background: {back}; color: {ink}; font-size: {self.px}px; "
            f"font-weight: bold; border-radius: 6px; padding: 0 8px; }}"
        )
        if sheet != self.styleSheet():
            self.setStyleSheet(sheet)
        state = "paused" if timer.state is State.PAUSED else "ended" if timer.over() else ""
        self.setToolTip(f"Timer {state}".strip())
