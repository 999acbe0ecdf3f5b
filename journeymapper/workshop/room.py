"""The state of the room and the messages that describe it, without any sending.

`Room` holds who is there (`Roster`), the voting round (`Ballot`), the capture switches,
the timer, the last round's results and the mirror of the map the feed keeps; its
methods build the JSON texts the session sends. Only the session changes it, on the
server's loop.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from journeymapper.server.tokens import Role
from journeymapper.workshop.ballot import Ballot
from journeymapper.workshop.roster import Person, Roster
from journeymapper.workshop.status import PersonStatus, StageStatus, Status
from journeymapper.workshop.switches import CaptureGate, Timer
from journeymapper.workshop.views import MapView


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


class Room:
    def __init__(self, max_participants: int, capture_open: bool) -> None:
        self.roster = Roster(max_participants)
        self.ballot = Ballot()
        self.capture = CaptureGate(capture_open)
        self.timer = Timer()
        self.map: MapView | None = None
        self.results: tuple[int, Counter[str]] | None = None  # the last round's
        self.ended = False
        self._map_text: str | None = None

    def map_changed(self) -> None:
        """Forget the cached map message (after a change to the mirror or to capture)."""
        self._map_text = None

    def stage_ids(self) -> set[str]:
        return {s["id"] for s in self.map.stages} if self.map else set()

    def stages(self) -> list[dict[str, Any]]:
        stages = self.map.stages if self.map else ()
        return [{**s, "open": self.capture.is_open(s["id"])} for s in stages]

    def map_message(self) -> str:
        """The whole map as a page shows it; built once per change, sent to many."""
        if self._map_text is None:
            view = self.map or MapView("", {}, ())
            self._map_text = dumps(
                {
                    "type": "map",
                    "title": view.title,
                    "scale": view.scale,
                    "stages": self.stages(),
                    "cards": list(view.cards.values()),
                }
            )
        return self._map_text

    def welcome(self, person: Person, now: float) -> list[str]:
        """What a page is told when it joins: who it is, the map, the round, the timer."""
        you = {"id": person.id, "name": person.name, "role": str(person.role)}
        texts = [dumps({"type": "welcome", "you": you})]
        if self.map is not None:
            texts.append(self.map_message())
        texts += [self.round_message(person), dumps(self.timer.message(now))]
        texts.append(dumps(self.progress()))
        if self.results is not None:
            texts.append(self.results_message())
        return texts

    def is_done(self, person: Person) -> bool:
        """Finished voting: said so, or used every vote of the running round."""
        ballot = self.ballot
        return ballot.running and (person.done or ballot.remaining(person.id) == 0)

    def round_message(self, person: Person) -> str:
        """The round as `person` sees it: their own dots only, never anyone else's."""
        ballot = self.ballot
        data: dict[str, Any] = {
            "type": "round",
            "running": ballot.running,
            "number": ballot.number,
            "votes_each": ballot.votes_each,
        }
        if person.role is Role.PARTICIPANT:
            data |= {
                "mine": ballot.mine(person.id),
                "left": ballot.remaining(person.id),
                "done": self.is_done(person),
            }
        return dumps(data)

    def results_message(self) -> str:
        number, tallies = self.results or (0, Counter())
        total = sum(tallies.values())
        return dumps({"type": "results", "number": number, "tallies": tallies, "total": total})

    def progress(self) -> dict[str, Any]:
        """How the round goes, for everyone: dots cast and people finished, not where."""
        participants = self.roster.participants()
        return {
            "type": "progress",
            "running": self.ballot.running,
            "cast": self.ballot.cast,
            "finished": sum(self.is_done(p) for p in participants),
            "people": sum(p.online for p in participants),
        }

    def status(self) -> Status:
        """The room now, for the facilitator (see `status.Status`)."""
        ballot = self.ballot
        people = tuple(
            PersonStatus(p.id, p.name, p.online, self.is_done(p), ballot.used(p.id))
            for p in self.roster.participants()
        )
        stages = tuple(StageStatus(s["id"], s["name"], s["open"]) for s in self.stages())
        _, tallies = self.results or (0, Counter())
        cards = self.map.cards if self.map else {}
        results = tuple(
            (cards[card]["name"] if card in cards else "(deleted card)", votes)
            for card, votes in tallies.most_common()
        )
        return Status(
            people=people,
            stages=stages,
            round_running=ballot.running,
            round_number=ballot.number,
            votes_each=ballot.votes_each,
            cast=ballot.cast,
            timer_ends_at=self.timer.ends_at,
            results=results,
            ended=self.ended,
        )
