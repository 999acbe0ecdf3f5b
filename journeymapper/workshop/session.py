"""The workshop session: what the room's pages say, what they are told, what it changes.

Threads. The session runs on the server's event loop and is only ever called there
(its socket callbacks, `apply_change`, the facilitator commands). The `Journey` lives
on another thread, the *map thread* (the editor's Qt thread, or the headless host's
map thread), and the session never reads it directly:
- it learns the map from a `MapFeed` attached on the map thread, which posts views of
  every change to the loop (`loop.call_soon_threadsafe`), kept here as a mirror;
- it changes the map by submitting a function (`map_edits`) to the host's `executor`,
  which runs it on the map thread: it reads the map there, builds one edit, and passes
  it to the host's `apply_edit` (the editor pushes it on its undo stack). The session
  awaits the future, so a participant's reply says whether the map took the card,
  while the loop goes on serving everyone else.

Messages that change something carry an idempotency key (see `roster.Person`): a key
seen before is answered with the earlier reply and not applied again.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass
from typing import Any, TypeVar

from journeymapper.model.document import EditError, Journey
from journeymapper.server.sockets import (
    CLOSE_GOING_AWAY,
    CLOSE_POLICY,
    CLOSE_TRY_LATER,
    Connection,
    error_text,
)
from journeymapper.server.tokens import Role
from journeymapper.workshop import messages as m
from journeymapper.workshop.feed import MapFeed
from journeymapper.workshop.inbox import Inbox
from journeymapper.workshop.map_edits import ApplyEdit, add_card, record_votes
from journeymapper.workshop.room import Room, dumps
from journeymapper.workshop.roster import PENDING, Person
from journeymapper.workshop.status import Status
from journeymapper.workshop.views import CardChanged, CardRemoved, Change, MapView

log = logging.getLogger(__name__)
T = TypeVar("T")
_PONG = json.dumps({"type": "pong"})
_ENDED = json.dumps({"type": "ended"})


@dataclass(frozen=True)
class SessionConfig:
    max_participants: int = 200
    capture_open: bool = True  # every stage open for cards when the session starts
    max_pages_per_person: int = 8
    bad_messages_before_close: int = 50
    progress_delay: float = 0.02  # votes within this many seconds share one broadcast
    status_delay: float = 0.1  # the facilitator's view is refreshed at most this often


class Session:
    """See the module docstring. Construct anywhere; `attach` on the map thread."""

    def __init__(
        self,
        journey: Journey,
        *,
        executor: Executor,
        apply_edit: ApplyEdit,
        config: SessionConfig | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.journey = journey
        self.executor = executor
        self.apply_edit = apply_edit
        self.config = config or SessionConfig()
        self.clock = clock
        self.room = Room(self.config.max_participants, self.config.capture_open)
        self._feed: MapFeed | None = None
        self._inbox: Inbox | None = None
        self._connections: dict[int, Connection] = {}
        self._bad: Counter[int] = Counter()
        self.listeners: list[Callable[[Status], None]] = []
        self._due: set[str] = set()
        self._progress_sent: tuple[object, ...] = ()
        self._status_sent: Status | None = None

    # ----- life ----------------------------------------------------------------------

    def attach(self, loop: asyncio.AbstractEventLoop) -> None:
        """Follow the map (call on the map thread): its snapshot and changes go to `loop`."""
        self._inbox = inbox = Inbox(loop)
        self._feed = MapFeed(self.journey, lambda change: inbox.call(self.apply_change, change))
        self._feed.attach()

    def detach(self) -> None:
        """Stop following the map (call on the map thread)."""
        if self._feed is not None:
            self._feed.detach()
            self._feed = None

    async def end(self) -> Counter[str]:
        """Tell every page the session has ended and close them; returns the dots of a
        round still running, for the host to record."""
        if self.room.ended:
            return Counter()
        self.room.ended = True
        tallies = self.room.ballot.end() if self.room.ballot.running else Counter()
        for conn in self._connections.values():
            conn.send(_ENDED)
            conn.close(CLOSE_GOING_AWAY, "session ended")
        self._flush_status()
        return tallies

    def add_listener(self, listener: Callable[[Status], None]) -> None:
        """`listener(status)` after changes, at most every `status_delay`, on the loop."""
        self.listeners.append(listener)

    # ----- sockets (journeymapper.server.sockets.SocketHandler) ------------------------

    async def opened(self, conn: Connection) -> None:
        self._connections[conn.id] = conn
        if self.room.ended:
            conn.send(_ENDED)
            conn.close(CLOSE_GOING_AWAY, "session ended")

    async def closed(self, conn: Connection) -> None:
        self._connections.pop(conn.id, None)
        self._bad.pop(conn.id, None)
        if self.room.roster.detach(conn) is not None:
            self._schedule("status")

    async def received(self, conn: Connection, text: str) -> None:
        try:
            message = m.parse(text)
        except m.MessageError as exc:
            self._refuse(conn, str(exc))
            return
        if isinstance(message, m.Ping):
            conn.send(_PONG)
            return
        if isinstance(message, m.Hello):
            self._hello(conn, message)
            return
        person = self.room.roster.person(conn)
        if person is None:
            self._refuse(conn, "Say hello first.")
            return
        await self._keyed(person, conn, message)

    def _refuse(self, conn: Connection, sentence: str) -> None:
        self._bad[conn.id] += 1
        conn.send(error_text(sentence))
        if self._bad[conn.id] >= self.config.bad_messages_before_close:
            conn.close(CLOSE_POLICY, "too many bad messages")

    def _hello(self, conn: Connection, hello: m.Hello) -> None:
        if self.room.roster.person(conn) is not None:
            self._refuse(conn, "This page has already said hello.")
            return
        person = self.room.roster.join(hello.client, hello.name, conn.role)
        if person is None:
            size = self.config.max_participants
            conn.send(error_text(f"The workshop is full ({size} people).", full=True))
            conn.close(CLOSE_TRY_LATER, "full")
            return
        if len(person.connections) >= self.config.max_pages_per_person:
            conn.send(error_text("Too many pages are open for one person."))
            conn.close(CLOSE_TRY_LATER, "too many pages")
            return
        self.room.roster.attach(conn, person)
        for text in self.room.welcome(person, self.clock()):
            conn.send(text)
        if person.role is Role.FACILITATOR:
            self._status_sent = None  # a new facilitator page is sent the status next
        self._schedule("status")

    async def _keyed(self, person: Person, conn: Connection, message: Any) -> None:
        key: str = message.key
        earlier = person.recall(key)
        if earlier is not None:
            if earlier != PENDING:
                conn.send(earlier)  # delivered before; its reply was lost on the way
            return
        person.begin(key)
        try:
            problem = await self._perform(person, message)
        except EditError as exc:
            problem = str(exc)
        except Exception:
            log.exception("a %s message could not be applied", message.type)
            problem = "The workshop could not do that."
        reply = {"type": "ack", "key": key, "ok": problem is None}
        if problem is not None:
            reply["error"] = problem
        text = dumps(reply)
        person.finish(key, text)
        person.send(text)

    async def _perform(self, person: Person, message: Any) -> str | None:
        if isinstance(message, m.FACILITATOR_ONLY) and person.role is not Role.FACILITATOR:
            return "Only the facilitator can do that."
        match message:
            case m.AddCard():
                return await self._add(message)
            case m.Vote(card=card):
                return self._voted(person, self._vote(person, card))
            case m.Unvote(card=card):
                return self._voted(person, self.room.ballot.unvote(person.id, card))
            case m.Done(done=done):
                person.done = done
                return self._voted(person, None)
            case m.Capture(stage=stage, open=is_open):
                return self.set_capture(stage, is_open)
            case m.StartRound(votes=votes):
                return self.start_round(votes)
            case m.SetVotes(votes=votes):
                return self.set_votes_each(votes)
            case m.EndRound():
                return await self.end_round()
            case m.StartTimer(seconds=seconds):
                return self.start_timer(seconds)
            case m.StopTimer():
                return self.stop_timer()
        return "Unknown message type."

    # ----- participants' actions -------------------------------------------------------

    def _vote(self, person: Person, card: str) -> str | None:
        if self.room.map is None or card not in self.room.map.cards:
            return "That card is no longer on the map."
        return self.room.ballot.vote(person.id, card)

    async def _add(self, request: m.AddCard) -> str | None:
        if request.stage not in self.room.stage_ids():
            return "That stage is not on the map."
        if not self.room.capture.is_open(request.stage):
            return "Adding cards to this stage is closed."
        await self._on_map(add_card, request)
        return None

    def _voted(self, person: Person, problem: str | None) -> str | None:
        if problem is None:
            person.send(self.room.round_message(person))
            self._schedule("progress", "status")
        return problem

    async def _on_map(self, function: Callable[..., T], *args: object) -> T:
        """Run `function(journey, apply_edit, *args)` on the map thread and await it."""
        inbox = self._inbox
        if self._feed is None or inbox is None:
            raise EditError("The workshop is not connected to a map.")
        try:
            done = inbox.run_on(
                self.executor, lambda: function(self.journey, self.apply_edit, *args)
            )
        except RuntimeError:  # the host's executor has shut down
            raise EditError("The workshop has ended.") from None
        return await done

    # ----- the facilitator's commands (the facilitator page, or the host's API) --------

    def set_capture(self, stage: str | None, is_open: bool) -> str | None:
        self.room.capture.set(stage, is_open)
        self.room.map_changed()
        self._broadcast(dumps({"type": "stages", "stages": self.room.stages()}))
        self._schedule("status")
        return None

    def start_round(self, votes_each: int) -> str | None:
        if self.room.ballot.running:
            return "A voting round is already running."
        self.room.ballot.start(votes_each)
        self.room.results = None
        for person in self.room.roster.people():
            person.done = False
        self._send_rounds(self.room.roster.people())
        self._broadcast(dumps({"type": "results", "number": 0, "tallies": {}, "total": 0}))
        self._schedule("progress", "status")
        return None

    def set_votes_each(self, votes_each: int) -> str | None:
        if not self.room.ballot.running:
            return "No voting round is running."
        self.room.ballot.set_votes_each(votes_each)
        self._send_rounds(self.room.roster.people())
        self._schedule("progress", "status")
        return None

    async def end_round(self) -> str | None:
        """Stop the round, reveal its counts to everyone, and add them to the map."""
        if not self.room.ballot.running:
            return "No voting round is running."
        number = self.room.ballot.number
        tallies = self.room.ballot.end()
        self.room.results = (number, tallies)
        self._send_rounds(self.room.roster.people())
        self._broadcast(self.room.results_message())
        self._schedule("progress", "status")
        if tallies:
            await self._on_map(record_votes, tallies)
        return None

    def start_timer(self, seconds: int) -> str | None:
        self.room.timer.start(self.clock(), seconds)
        self._send_timer()
        return None

    def stop_timer(self) -> str | None:
        self.room.timer.stop()
        self._send_timer()
        return None

    def _send_timer(self) -> None:
        self._broadcast(dumps(self.room.timer.message(self.clock())))
        self._schedule("status")

    # ----- the map mirror ----------------------------------------------------------------

    def apply_change(self, change: Change) -> None:
        """A change the feed posted from the map thread (see the module docstring)."""
        if self.room.ended:
            return
        if isinstance(change, MapView):
            self.room.map = change
            self.room.map_changed()
            self._broadcast(self.room.map_message())
            voted = {c for dots in self.room.ballot.dots.values() for c in dots}
            for gone in voted - set(change.cards):
                self._forget(gone)
        elif self.room.map is None:
            return
        elif isinstance(change, CardChanged):
            card = change.card
            if self.room.map.cards.get(card["id"]) != card:
                self.room.map.cards[card["id"]] = card
                self.room.map_changed()
                self._broadcast(dumps({"type": "card", "card": card}))
        elif isinstance(change, CardRemoved) and change.card_id in self.room.map.cards:
            del self.room.map.cards[change.card_id]
            self.room.map_changed()
            self._broadcast(dumps({"type": "card_removed", "id": change.card_id}))
            self._forget(change.card_id)
        self._schedule("status")

    def _forget(self, card: str) -> None:
        touched = set(self.room.ballot.forget(card))
        self._send_rounds([p for p in self.room.roster.people() if p.id in touched])
        if touched:
            self._schedule("progress")

    # ----- what pages are told -------------------------------------------------------------

    def _broadcast(self, text: str) -> None:
        for conn in self._connections.values():
            if self.room.roster.person(conn) is not None:
                conn.send(text)

    def _send_rounds(self, people: list[Person]) -> None:
        for person in people:
            person.send(self.room.round_message(person))

    # ----- coalesced broadcasts: progress for everyone, status for the facilitator -------

    def _schedule(self, *what: str) -> None:
        loop = asyncio.get_running_loop()
        for name in what:
            if name not in self._due:
                self._due.add(name)
                quick = name == "progress"
                delay = self.config.progress_delay if quick else self.config.status_delay
                loop.call_later(delay, self._flush, name)

    def _flush(self, name: str) -> None:
        self._due.discard(name)
        if name == "progress":
            progress = self.room.progress()
            if tuple(progress.values()) != self._progress_sent:
                self._progress_sent = tuple(progress.values())
                self._broadcast(dumps(progress))
        else:
            self._flush_status()

    def _flush_status(self) -> None:
        status = self.room.status()
        if status == self._status_sent:
            return  # e.g. a burst of cards: the room itself did not change
        self._status_sent = status
        text = dumps(status.message())
        for person in self.room.roster.people():
            if person.role is Role.FACILITATOR:
                person.send(text)
        for listener in self.listeners:
            try:
                listener(status)
            except Exception:
                log.exception("a status listener failed")

    def status(self) -> Status:
        return self.room.status()
