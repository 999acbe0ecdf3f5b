"""The workshop timer's arithmetic, with the clock passed in so tests can move time.

A countdown is idle, running or paused. Running past zero it keeps counting, into
overtime (negative remaining time), until someone stops or extends it; extending an
overtime countdown starts it again from the extension. Nothing here ticks: the Qt
side (`timer.py`) asks `remaining()` a few times a second.
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Callable
from enum import Enum

Clock = Callable[[], float]

PRESETS = (1, 2, 3, 5, 10, 15, 20, 30)  # minutes
DEFAULT_SECONDS = 10 * 60
MAX_SECONDS = 24 * 3600


class State(Enum):
    IDLE = "idle"
    RUNNING = "running"
    PAUSED = "paused"


class Countdown:
    def __init__(self, clock: Clock = time.monotonic) -> None:
        self.clock = clock
        self.state = State.IDLE
        self.duration = 0.0  # what it was started with, extensions included
        self._deadline = 0.0  # when RUNNING: the clock's reading at zero
        self._left = 0.0  # when PAUSED: what was left

    def remaining(self) -> float:
        """Seconds left; negative in overtime; 0 when idle."""
        if self.state is State.RUNNING:
            return self._deadline - self.clock()
        return self._left if self.state is State.PAUSED else 0.0

    @property
    def over(self) -> bool:
        return self.state is not State.IDLE and self.remaining() <= 0

    def start(self, seconds: float) -> None:
        seconds = min(max(1.0, seconds), MAX_SECONDS)
        self.duration = seconds
        self._deadline = self.clock() + seconds
        self.state = State.RUNNING

    def pause(self) -> None:
        if self.state is State.RUNNING:
            self._left = self.remaining()
            self.state = State.PAUSED

    def resume(self) -> None:
        if self.state is State.PAUSED:
            self._deadline = self.clock() + self._left
            self.state = State.RUNNING

    def toggle(self, seconds: float = DEFAULT_SECONDS) -> None:
        """One key: start when idle, else pause or resume."""
        if self.state is State.IDLE:
            self.start(seconds)
        elif self.state is State.RUNNING:
            self.pause()
        else:
            self.resume()

    def extend(self, seconds: float) -> None:
        """More time; from zero again when in overtime; starts an idle countdown."""
        if self.state is State.IDLE:
            self.start(seconds)
            return
        left = max(0.0, self.remaining())
        self.duration = left + seconds if left == 0 else self.duration + seconds
        if self.state is State.RUNNING:
            self._deadline = self.clock() + left + seconds
        else:
            self._left = left + seconds

    def stop(self) -> None:
        self.state = State.IDLE
        self.duration = self._left = 0.0


def format_clock(seconds: float) -> str:
    """9:59 while counting down (whole seconds rounded up, so a fresh 10-minute timer
    reads 10:00 and it reaches 0:00 at zero), +0:12 in overtime; 1:05:00 past an hour."""
    if seconds > 0:
        whole, sign = math.ceil(seconds - 1e-6), ""
    else:
        whole, sign = math.floor(-seconds), "+" if seconds < -0.5 else ""
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes}:{secs:02d}"


_UNITS = {"h": 3600, "m": 60, "min": 60, "s": 1, "sec": 1, "": 60}


def parse_duration(text: str) -> int | None:
    """Seconds from what a facilitator types: "10" (minutes), "7m", "90s", "1:30",
    "1h", "1h30", "2 min"; None for anything else or for no time at all."""
    text = text.strip().lower()
    clock = re.fullmatch(r"(\d{1,3}):([0-5]\d)", text)
    if clock:
        seconds = int(clock[1]) * 60 + int(clock[2])
    else:
        hours = re.fullmatch(r"(\d{1,2})\s*h\s*(\d{1,2})?\s*(?:m|min)?", text)
        plain = re.fullmatch(r"(\d{1,4}(?:[.,]\d+)?)\s*(h|m|min|s|sec|)", text)
        if hours:
            seconds = int(hours[1]) * 3600 + int(hours[2] or 0) * 60
        elif plain:
            seconds = round(float(plain[1].replace(",", ".")) * _UNITS[plain[2]])
        else:
            return None
    return seconds if 0 < seconds <= MAX_SECONDS else None
