"""Who is in the room: participants and facilitators, their connections, their replies.

A page identifies itself with a secret random id it keeps in the browser, so a phone
that reconnects (or reloads) is the same person with the same votes. Others only ever
see a person's public id (`p3`) and name. Each person remembers the replies to the
idempotency keys of their recent messages, so a message sent again after a dropped
connection gets the same reply and is not applied twice.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field

from journeymapper.server.sockets import Connection
from journeymapper.server.tokens import Role
from journeymapper.workshop.messages import MAX_PERSON_NAME

MAX_REMEMBERED = 1_000  # replies kept per person: far more than a page ever queues
PENDING = ""  # the reply of a message still being applied


@dataclass(eq=False)
class Person:
    id: str
    client: str
    name: str
    role: Role
    anonymous: bool
    connections: set[Connection] = field(default_factory=set)
    done: bool = False
    replies: OrderedDict[str, str] = field(default_factory=OrderedDict)

    @property
    def online(self) -> bool:
        return bool(self.connections)

    def send(self, text: str) -> None:
        for conn in self.connections:
            conn.send(text)

    def recall(self, key: str) -> str | None:
        """The reply already given to `key` (PENDING while it is being applied), or None."""
        return self.replies.get(key)

    def begin(self, key: str) -> None:
        self.replies[key] = PENDING
        while len(self.replies) > MAX_REMEMBERED:
            self.replies.popitem(last=False)

    def finish(self, key: str, reply: str) -> None:
        self.replies[key] = reply


class Roster:
    def __init__(self, max_participants: int) -> None:
        self.max_participants = max_participants
        self._people: dict[tuple[str, Role], Person] = {}
        self._by_connection: dict[int, Person] = {}
        self._anonymous = dict.fromkeys(Role, 0)

    def join(self, client: str, name: str, role: Role) -> Person | None:
        """The person with this browser id (renamed if a name is given), a new one, or
        None when the room is full."""
        name = name[:MAX_PERSON_NAME].strip()
        person = self._people.get((client, role))
        if person is not None:
            if name:
                person.name, person.anonymous = name, False
            return person
        if role is Role.PARTICIPANT and len(self.participants()) >= self.max_participants:
            return None
        anonymous = not name
        if anonymous:
            self._anonymous[role] += 1
            label = "Anonymous" if role is Role.PARTICIPANT else "Facilitator"
            name = f"{label} {self._anonymous[role]}"
        prefix = "p" if role is Role.PARTICIPANT else "f"
        person = Person(f"{prefix}{len(self._people) + 1}", client, name, role, anonymous)
        self._people[(client, role)] = person
        return person

    def attach(self, conn: Connection, person: Person) -> None:
        self._by_connection[conn.id] = person
        person.connections.add(conn)

    def detach(self, conn: Connection) -> Person | None:
        person = self._by_connection.pop(conn.id, None)
        if person is not None:
            person.connections.discard(conn)
        return person

    def person(self, conn: Connection) -> Person | None:
        return self._by_connection.get(conn.id)

    def people(self) -> list[Person]:
        return list(self._people.values())

    def participants(self) -> list[Person]:
        return [p for p in self._people.values() if p.role is Role.PARTICIPANT]

    def connections(self) -> list[Connection]:
        return [conn for person in self._people.values() for conn in person.connections]
