"""The facilitator's switches that are not votes: capture per stage, and the timer."""

from __future__ import annotations

from collections.abc import Iterable


class CaptureGate:
    """Whether participants may add cards to a stage: a default for all stages, and
    exceptions per stage (opening or closing "all" clears the exceptions)."""

    def __init__(self, open_by_default: bool) -> None:
        self.default = open_by_default
        self._stages: dict[str, bool] = {}

    def is_open(self, stage_id: str) -> bool:
        return self._stages.get(stage_id, self.default)

    def set(self, stage_id: str | None, is_open: bool) -> None:
        if stage_id is None:
            self.default = is_open
            self._stages.clear()
        else:
            self._stages[stage_id] = is_open

    def of(self, stage_ids: Iterable[str]) -> dict[str, bool]:
        return {stage_id: self.is_open(stage_id) for stage_id in stage_ids}


class Timer:
    """A countdown everyone sees: the server keeps its end time (epoch seconds) and sends
    it with its own clock's time, so each page counts down locally whatever its clock."""

    def __init__(self) -> None:
        self.ends_at: float | None = None

    def start(self, now: float, seconds: int) -> None:
        self.ends_at = now + seconds

    def stop(self) -> None:
        self.ends_at = None

    def message(self, now: float) -> dict[str, object]:
        ends = None if self.ends_at is None else round(self.ends_at * 1000)
        return {"type": "timer", "ends_at": ends, "now": round(now * 1000)}
