"""A snapshot of the room for the facilitator: the editor's panel and the facilitator
page both show it. Who finished voting is shown; what anyone voted for is not."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class PersonStatus:
    id: str
    name: str
    online: bool
    done: bool  # finished voting: said so, or used every vote
    used: int  # votes used in the running round


@dataclass(frozen=True)
class StageStatus:
    id: str
    name: str
    open: bool  # participants may add cards to it


@dataclass(frozen=True)
class Status:
    people: tuple[PersonStatus, ...] = ()
    stages: tuple[StageStatus, ...] = ()
    round_running: bool = False
    round_number: int = 0
    votes_each: int = 0
    cast: int = 0
    timer_ends_at: float | None = None  # epoch seconds
    results: tuple[tuple[str, int], ...] = ()  # the last round's (card name, votes), most first
    ended: bool = False

    @property
    def online(self) -> int:
        return sum(p.online for p in self.people)

    @property
    def finished(self) -> int:
        return sum(p.done for p in self.people)

    @property
    def all_open(self) -> bool | None:
        """True when capture is open for every stage, False when closed for all, else None."""
        states = {s.open for s in self.stages}
        return next(iter(states)) if len(states) == 1 else None

    def message(self) -> dict[str, Any]:
        """The facilitator page's `room` message."""
        data = asdict(self)
        data["results"] = [{"name": n, "votes": v} for n, v in self.results]
        data["timer_ends_at"] = (
            None if self.timer_ends_at is None else round(self.timer_ends_at * 1000)
        )
        return {"type": "room", **data, "online": self.online, "finished": self.finished}
